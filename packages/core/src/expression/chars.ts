// Character classes and positions as Python 3.11's tokenizer sees them (identifiers, digits, blanks, line breaks).

import { isLetter, isWord } from '../util/ascii.js';

const ID_START_RE = /^\p{ID_Start}$/u;
const ID_CONTINUE_RE = /^\p{ID_Continue}$/u;

export function isIdStart(cp: number): boolean {
  return isLetter(cp) || cp === 95 || (cp >= 128 && ID_START_RE.test(String.fromCodePoint(cp)));
}
export function isIdContinue(cp: number): boolean {
  return isWord(cp) || (cp >= 128 && ID_CONTINUE_RE.test(String.fromCodePoint(cp)));
}
/** What Python's tokenizer treats as possibly part of an identifier (before checking it). */
export function maybeIdentifierChar(cp: number): boolean {
  return isWord(cp) || cp >= 128;
}
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12;
}
export function newlineLength(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === 10) return 1;
  if (c === 13) return src.charCodeAt(i + 1) === 10 ? 2 : 1;
  return 0;
}
export function lineOf(src: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const nl = newlineLength(src, i);
    if (nl) {
      line++;
      i += nl - 1;
    }
  }
  return line;
}

/** Reads the identifier at `i` (assumed to start one) and returns its end. */
export function identifierEnd(src: string, i: number): number {
  let j = i;
  while (j < src.length) {
    const cp = src.codePointAt(j) ?? 0;
    if (!isIdContinue(cp)) break;
    j += cp > 0xffff ? 2 : 1;
  }
  return j;
}
