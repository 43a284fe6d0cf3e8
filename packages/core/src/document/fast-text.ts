// Character-level helpers of the fast parser (fast-parse.ts): character codes, line ends, the whitespace test spans
// are trimmed with, and the one pre-scan for characters the fast path leaves to `yaml`.

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;

/** Every reason the fast path leaves a text to the `yaml` library, and what it means. */
export const GIVE_UP_REASONS = {
  alias: 'an alias (`*name`)',
  anchor: 'an anchor (`&name`)',
  tag: 'a tag (`!name`, `!!str`)',
  'merge-key': 'a merge key (`<<:`)',
  'complex-key': 'an explicit key (`? key`)',
  'flow-entry': 'a flow mapping entry other than `key: value` on one line (`{a}`, `{a: }`, `{"a":b}`)',
  'flow-pair': 'a pair inside a flow sequence (`[a: b]`)',
  'indentation-indicator': 'a block scalar whose first line is indented less than its indentation indicator asks (`|4`)',
  character: 'a character YAML forbids or `yaml` reads differently (controls, NEL, U+2028, a BOM inside, a lone CR)',
  tab: 'a tab outside quoted scalars, block scalar content and comments',
  'empty-document': 'no content',
  'indented-root': 'a root collection not in column 0',
  'root-not-a-collection': 'a root that is not a block mapping or sequence',
  directive: 'a `%` directive',
  'document-end': 'a `...` line',
  'multiple-documents': 'a second `---` line',
  'document-marker': 'a `---` or `...` line after the content started',
  'content-after-document-start': 'content on the `---` line',
  'content-after-root': 'content after the root collection ended',
  'too-deep': 'nesting deeper than MAX_FAST_DEPTH, or than the yaml path accepts (syntax-errors.ts estimateNesting)',
  indentation: 'a line indented deeper than the structure allows',
  'sequence-after-value': 'a `- ` item at a mapping key\'s indentation after its value',
  'not-a-key': 'a line where a mapping key belongs without `key:`',
  'multiline-key': 'a key over several lines, or a plain scalar going on into `key:`',
  'nested-mapping': 'a mapping starting on the line of its key (`a: b: c`)',
  'not-plain': 'a reserved or unexpected character starting a value (`@`, `%`, `]`, `,` ...)',
  indicator: 'an indicator (`- `, `? `, `: `) where a value belongs',
  'text-after-value': 'text after a quoted scalar or flow collection on its line',
  'comment-without-space': 'a `#` comment not preceded by a space',
  'unclosed-quote': 'a quoted scalar without its closing quote',
  'quoted-indent': 'a quoted scalar continued on a line indented too little',
  'bad-escape': 'an escape double quotes do not allow',
  'block-header': 'a block scalar header with other characters',
  'block-leading-blank': 'a block scalar whose leading blank lines are indented past its content',
  'block-trailing-blank': 'a block scalar whose trailing blank lines are indented past its content, or, kept (`|+`), end the text without a line break',
  'unclosed-flow': 'a flow collection without its closing bracket',
  'flow-empty-item': 'an empty item in a flow sequence (`[a,,b]`)',
  'flow-missing-comma': 'flow sequence items without a comma between them',
  'flow-multiline-scalar': 'a scalar over several lines inside brackets',
  'flow-indentation': 'a flow collection continued on a line indented too little',
} as const;

export type GiveUpReason = keyof typeof GIVE_UP_REASONS;

/** Why the fast path left a text to the `yaml` library. */
export class NotHandled {
  constructor(readonly reason: GiveUpReason) {}
}

/** Gives the text up to the `yaml` path. */
export function giveUp(reason: GiveUpReason): never {
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
