// Scans a number literal and refuses the forms Python 3.11's tokenizer refuses (bad digits, underscores, leading zeros).

import { isDigit } from '../util/ascii.js';
import { identifierEnd, maybeIdentifierChar } from './chars.js';
import { quoteText, syntax, type ExpressionProblem } from './problem.js';
import { RENAMED_KEYWORDS } from './token.js';

/**
 * Python 3.11's check after a number: a letter right after it is an error unless it starts one of the keywords that
 * may follow a number (`1or 2`). valohai-yaml has renamed `if`/`else` to `_if`/`_else` by then, so those fail too.
 */
function checkNumberEnd(src: string, start: number, i: number, kind: string): ExpressionProblem | undefined {
  const cp = src.codePointAt(i) ?? 0;
  if (i >= src.length || !maybeIdentifierChar(cp)) return undefined;
  if (/^(?:and|else|for|i[fns]|or|not)/.test(src.slice(i, i + 4))) {
    const word = src.slice(i, identifierEnd(src, i));
    if (!RENAMED_KEYWORDS.has(word)) return undefined;
  }
  const end = Math.max(identifierEnd(src, i), i + 1);
  return syntax(start, end, `"${quoteText(src.slice(start, end))}" is not a valid number; separate the number from the following word with a space.`, `invalid ${kind} literal`);
}

function decimalTail(src: string, start: number, i: number): number | ExpressionProblem {
  let j = i;
  for (;;) {
    while (isDigit(src.charCodeAt(j))) j++;
    if (src.charCodeAt(j) !== 95) return j;
    if (!isDigit(src.charCodeAt(j + 1))) return syntax(start, j + 1, `"${quoteText(src.slice(start, j + 1))}" is not a valid number: an underscore must stand between two digits.`, 'invalid decimal literal');
    j++;
  }
}

export function readNumber(src: string, start: number): { end: number; kind: 'int' | 'float' | 'complex' } | ExpressionProblem {
  let i = start;
  const c0 = src.charCodeAt(i);
  const c1 = src.charAt(i + 1).toLowerCase();
  if (c0 === 48 && (c1 === 'x' || c1 === 'o' || c1 === 'b')) {
    const name = c1 === 'x' ? 'hexadecimal' : c1 === 'o' ? 'octal' : 'binary';
    const ok = c1 === 'x' ? (c: string) => /^[0-9a-fA-F]$/.test(c) : c1 === 'o' ? (c: string) => /^[0-7]$/.test(c) : (c: string) => c === '0' || c === '1';
    i += 2;
    let digits = 0;
    for (;;) {
      let j = i;
      if (src.charCodeAt(j) === 95) j++;
      if (ok(src.charAt(j))) {
        i = j + 1;
        digits++;
        continue;
      }
      if (c1 !== 'x' && isDigit(src.charCodeAt(j))) return syntax(start, j + 1, `"${src.charAt(j)}" is not a digit of an ${name} number.`, `invalid digit '${src.charAt(j)}' in ${name} literal`);
      if (j !== i || digits === 0) return syntax(start, j + 1 > src.length ? src.length : j + 1, `"${quoteText(src.slice(start, j + 1))}" is not a valid ${name} number.`, `invalid ${name} literal`);
      break;
    }
    return checkNumberEnd(src, start, i, name) ?? { end: i, kind: 'int' };
  }
  let kind: 'int' | 'float' | 'complex' = 'int';
  let c: number;
  if (c0 === 46) {
    // `.5`: straight into the fraction
    const t = decimalTail(src, start, i + 1);
    if (typeof t !== 'number') return t;
    i = t;
    kind = 'float';
  } else if (c0 === 48) {
    // Zeros (`0`, `00`, `0_0`), then maybe a float; `012` is an old-style octal, which Python 3 refuses.
    i++;
    for (;;) {
      if (src.charCodeAt(i) === 95) {
        if (!isDigit(src.charCodeAt(i + 1))) return syntax(start, i + 1, `"${quoteText(src.slice(start, i + 1))}" is not a valid number: an underscore must stand between two digits.`, 'invalid decimal literal');
        i++;
      }
      if (src.charCodeAt(i) !== 48) break;
      i++;
    }
    let nonzero = false;
    if (isDigit(src.charCodeAt(i))) {
      nonzero = true;
      const t = decimalTail(src, start, i);
      if (typeof t !== 'number') return t;
      i = t;
    }
    c = src.charCodeAt(i);
    if (nonzero && c !== 46 && c !== 101 && c !== 69 && c !== 106 && c !== 74) {
      return syntax(start, i, `"${quoteText(src.slice(start, i))}" has a leading zero, which Python does not allow in a whole number; remove the zero.`, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
    }
  } else {
    const t = decimalTail(src, start, i);
    if (typeof t !== 'number') return t;
    i = t;
  }
  c = src.charCodeAt(i);
  if (c === 46 && kind === 'int') {
    kind = 'float';
    i++;
    if (isDigit(src.charCodeAt(i))) {
      const t = decimalTail(src, start, i);
      if (typeof t !== 'number') return t;
      i = t;
    }
    c = src.charCodeAt(i);
  }
  if (c === 101 || c === 69) {
    const e = i;
    let j = i + 1;
    const sign = src.charCodeAt(j) === 43 || src.charCodeAt(j) === 45;
    if (sign) j++;
    if (!isDigit(src.charCodeAt(j))) {
      if (sign) return syntax(start, j, `"${quoteText(src.slice(start, j))}" is not a valid number: the exponent has no digits.`, 'invalid decimal literal');
      // `1else`: the number ends before the letter, which must then start a keyword.
      return checkNumberEnd(src, start, e, 'decimal') ?? { end: e, kind };
    }
    const t = decimalTail(src, start, j);
    if (typeof t !== 'number') return t;
    i = t;
    kind = 'float';
    c = src.charCodeAt(i);
  }
  if (c === 106 || c === 74) {
    i++;
    return checkNumberEnd(src, start, i, 'imaginary') ?? { end: i, kind: 'complex' };
  }
  return checkNumberEnd(src, start, i, 'decimal') ?? { end: i, kind };
}
