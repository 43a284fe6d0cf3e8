// Makes text from files (keys, values, file names, messages that quote them) safe to print in a human-readable report:
// it must not be able to move the cursor, recolor or clear the terminal, reorder what is shown (bidirectional
// controls), start a line of its own, or be taken by a GitHub Actions runner as a workflow command (a line starting with
// "::" after leading spaces, or "##[" anywhere in a line, as the runner's legacy syntax).
// SARIF, JSON and GitLab reports are JSON, which escapes what matters there.

const NAMED: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/** C0 and C1 controls, DEL, the line and paragraph separators, and bidirectional controls. */
function isUnsafe(c: number): boolean {
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x061c || c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** Any character isUnsafe() names, or a surrogate (lone ones are escaped), or "##[": the text needs the slow path. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const NEEDS_ESCAPING = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]|##\[/;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

export interface Printed {
  text: string;
  /** Where each character of the input starts in `text` (one more entry, for the end), to keep underlines aligned. */
  offsets: number[];
}

/**
 * Untrusted text made safe to print on one line, with where each input character ended up: unsafe characters and lone
 * surrogates become visible escapes (`\n`, `\u001b`), "##[" becomes "##\[". With `tab`, a tab is shown as that one
 * character (code frames, whose underline counts columns).
 */
export function printableWithOffsets(raw: string, options: { tab?: string } = {}): Printed {
  // Nearly all text is printable as it is: no need to look at it character by character (which reports of many
  // findings would otherwise spend most of their time on).
  if (!NEEDS_ESCAPING.test(raw)) return { text: raw, offsets: Array.from({ length: raw.length + 1 }, (_, i) => i) };
  const offsets: number[] = [];
  let text = '';
  for (let i = 0; i < raw.length; i++) {
    offsets.push(text.length);
    const c = raw.charCodeAt(i);
    if (c === 0x09 && options.tab !== undefined) text += options.tab;
    else if (isUnsafe(c)) text += NAMED[c] ?? `\\u${c.toString(16).padStart(4, '0')}`;
    else if (isHigh(c) && isLow(raw.charCodeAt(i + 1))) {
      text += raw.slice(i, i + 2);
      offsets.push(text.length - 1);
      i++;
    } else if (isHigh(c) || isLow(c)) text += `\\u${c.toString(16)}`;
    else if (c === 0x5b && raw.charCodeAt(i - 1) === 0x23 && raw.charCodeAt(i - 2) === 0x23) text += '\\[';
    else text += raw[i];
  }
  offsets.push(text.length);
  return { text, offsets };
}

/** One line of untrusted text, safe to print (see printableWithOffsets). */
export function printable(text: string): string {
  return NEEDS_ESCAPING.test(text) ? printableWithOffsets(text).text : text;
}

/**
 * A path to print at the start of a line: printable, and never starting with ":" or a space, so that it cannot read as
 * a workflow command; such a path is written as "./path".
 */
export function printablePath(path: string): string {
  const shown = printable(path);
  return /^[\s:]/.test(shown) ? `./${shown}` : shown;
}
