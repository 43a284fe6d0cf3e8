// The characters a YAML stream may not contain: PyYAML's reader (which Valohai loads valohai.yaml with) rejects the
// whole file at the first one ("special characters are not allowed"), wherever it is, comments included.
import { codePointName } from '../util/ascii.js';
import type { SyntaxFinding } from './findings.js';

// Tab, line breaks, printable ASCII, NEL, and every code point from U+00A0 up except surrogates, U+FFFE and U+FFFF. With
// the `u` flag a lone surrogate is a code point of its own, so it is matched too.
const FORBIDDEN = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

const NAMES: Record<number, string> = { 0: 'NUL', 0x1b: 'ESC', 0x7f: 'DEL', 0xfffe: 'a noncharacter', 0xffff: 'a noncharacter' };

/** The first character YAML forbids, as a finding on it; undefined when there is none. One linear scan. */
export function forbiddenCharacter(text: string): SyntaxFinding | undefined {
  const m = FORBIDDEN.exec(text);
  if (!m) return undefined;
  const cp = m[0].codePointAt(0) ?? 0;
  const surrogate = cp >= 0xd800 && cp <= 0xdfff;
  const kind = surrogate ? 'half of a surrogate pair' : (NAMES[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 'a control character' : 'not printable'));
  // A lone surrogate cannot be written even as an escape; anything else can, inside double quotes.
  const instead = surrogate ? 'remove it' : `remove it, or write it as "\\u${cp.toString(16).padStart(4, '0')}" inside a double-quoted string`;
  return {
    code: 'FORBIDDEN_CHARACTER',
    message: `The character ${codePointName(cp)} (${kind}) is not allowed anywhere in a YAML file, so Valohai rejects the whole file; ${instead}.`,
    span: { start: m.index, end: m.index + m[0].length },
  };
}
