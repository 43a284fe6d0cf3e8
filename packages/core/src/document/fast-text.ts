// Character-level helpers of the fast parser (fast-parse.ts): character codes, line ends, the whitespace test spans
// are trimmed with, and the one pre-scan for characters the fast path leaves to `yaml`.

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;

/** Why the fast path left a text to the `yaml` library; carries a short, stable reason for tests. */
export class NotHandled {
  constructor(readonly reason: string) {}
}

/** Gives the text up to the `yaml` path. */
export function giveUp(reason: string): never {
  throw new NotHandled(reason);
}

/**
 * True for the characters JavaScript's `\s` matches: the converter trims spans with it (convert.ts `trimmedSpan`), so
 * spans here are trimmed with exactly the same set, Unicode spaces included.
 */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === SPACE || (c >= TAB && c <= CR);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `end` moved back over trailing `\s` characters, never before `start`. */
export function trimBack(text: string, start: number, end: number): number {
  while (end > start && isJsSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The offset of the line break (or the end of the text) of the line holding `pos`; a CRLF ends before its CR. */
export function contentEnd(text: string, pos: number): number {
  let nl = text.indexOf('\n', pos);
  if (nl < 0) nl = text.length;
  return nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
}

/** The start of the line after the one holding `pos`, or the text's length. */
export function nextLineStart(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

/** True at a line break (LF or CRLF) or at the end of the text. */
export function atLineEnd(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  const c = text.charCodeAt(pos);
  return c === LF || (c === CR && text.charCodeAt(pos + 1) === LF);
}

/** True for what separates tokens in block context here: a space, a line break, or the end of the text. */
export function isBreakOrSpace(text: string, pos: number): boolean {
  return text.charCodeAt(pos) === SPACE || atLineEnd(text, pos);
}

/** The first character of the first non-blank line at or after the line start `from`, or the text's length. */
export function nextNonBlank(text: string, from: number): number {
  for (let ls = from; ; ls = nextLineStart(text, ls)) {
    let p = ls;
    while (text.charCodeAt(p) === SPACE) p++;
    if (p >= text.length || !atLineEnd(text, p)) return p;
  }
}

/** The column of `p`, which only spaces precede on its line. */
export function columnOf(text: string, p: number): number {
  let s = p;
  while (s > 0 && text.charCodeAt(s - 1) === SPACE) s--;
  return p - s;
}

/** The first offset at or after `pos` that is not a space. */
export function skipSpaces(text: string, pos: number): number {
  while (text.charCodeAt(pos) === SPACE) pos++;
  return pos;
}

// Characters `yaml` and PyYAML treat differently or that YAML forbids (controls, noncharacters, lone surrogates, NEL,
// the Unicode line and paragraph separators, a byte-order mark past the start), and a CR that is not part of a CRLF.
const UNSUPPORTED = /[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]|\r(?!\n)/u;

const NOT_PRINTABLE_ASCII = /[^\t\n\r\x20-\x7e]/;

/** True when the text holds a character the fast path does not read (see UNSUPPORTED). */
export function hasUnsupportedCharacter(text: string): boolean {
  // Most files are printable ASCII: one quick scan, and the exact one only when that finds something else.
  if (NOT_PRINTABLE_ASCII.test(text)) return UNSUPPORTED.test(text);
  return text.includes('\r') && /\r(?!\n)/.test(text);
}
