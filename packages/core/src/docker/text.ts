// Quoting for messages: double quotes, control characters escaped, very long parts shortened in the middle.
import { codePointName } from '../util/ascii.js';
import { shorten } from '../util/text.js';

const MAX_QUOTED = 72;

export function quote(text: string): string {
  // eslint-disable-next-line no-control-regex
  const shown = shorten(text, MAX_QUOTED).replace(/[\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${shown}"`;
}

/** Describes one character for a message: `"!"`, or `"\u00a0" (U+00A0)` for invisible or unusual ones. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = codePointName(cp);
  if (cp < 0x21 || (cp >= 0x7f && cp <= 0xa0)) return `${quote(ch)} (${hex})`;
  if (cp > 0x7e) return `"${ch}" (${hex})`;
  return `"${ch}"`;
}

