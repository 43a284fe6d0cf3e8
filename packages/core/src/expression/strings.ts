// Scans a string literal (any prefix, single or triple quotes) and checks what Python 3.11 checks when it reads one:
// closing quotes, bytes being ASCII, escapes, and the f-string braces and conversions.

import { lineOf, newlineLength } from './chars.js';
import { quoteText, syntax, type ExpressionProblem } from './problem.js';
import type { Token } from './token.js';

/** Checks the escapes of a non-raw string body as Python 3.11 decodes them. */
function checkEscapes(body: string, bodyStart: number, bytes: boolean): ExpressionProblem | undefined {
  for (let k = 0; k < body.length; k++) {
    if (body.charCodeAt(k) !== 92) continue;
    const e = body.charAt(k + 1);
    const at = (len: number, what: string, upstream: string): ExpressionProblem =>
      syntax(bodyStart + k, bodyStart + Math.min(k + len, body.length), `The string escape "${quoteText(body.slice(k, k + len))}" is ${what}.`, upstream);
    if (e === 'x') {
      if (!/^[0-9a-fA-F]{2}$/.test(body.slice(k + 2, k + 4))) return at(4, 'incomplete: "\\x" needs two hex digits', bytes ? `(value error) invalid \\x escape at position ${k}` : `(unicode error) 'unicodeescape' codec can't decode bytes in position ${k}-${k + 1}: truncated \\xXX escape`);
      k += 3;
    } else if (!bytes && (e === 'u' || e === 'U')) {
      const len = e === 'u' ? 4 : 8;
      const hex = body.slice(k + 2, k + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) return at(2 + len, `incomplete: "\\${e}" needs ${len} hex digits`, `(unicode error) 'unicodeescape' codec can't decode bytes in position ${k}-${k + 1}: truncated \\${e === 'u' ? 'uXXXX' : 'UXXXXXXXX'} escape`);
      if (parseInt(hex, 16) > 0x10ffff) return at(2 + len, 'not a Unicode character', `(unicode error) 'unicodeescape' codec can't decode bytes in position ${k}-${k + 1 + len}: illegal Unicode character`);
      k += 1 + len;
    } else if (!bytes && e === 'N') {
      const m = /^\{[A-Za-z0-9 -]+\}/.exec(body.slice(k + 2, k + 2 + 100));
      if (!m) return at(2, 'malformed: "\\N" needs a character name in braces', `(unicode error) 'unicodeescape' codec can't decode bytes in position ${k}-${k + 1}: malformed \\N character escape`);
      k += 1 + m[0].length;
    } else {
      k++; // any other escape (known, octal or unknown) decodes
    }
  }
  return undefined;
}

/** Python 3.11's f-string checks that do not need the embedded expressions parsed (braces, conversions). */
function checkFString(body: string, bodyStart: number, raw: boolean): ExpressionProblem | undefined {
  const fail = (k: number, len: number, reason: string, upstream: string): ExpressionProblem => syntax(bodyStart + k, bodyStart + Math.max(k + len, k + 1), reason, upstream);
  const field = (k0: number, nesting: number): number | ExpressionProblem => {
    // k0 is just after "{"; returns the index just after the closing "}"
    let k = k0;
    let depth = 0;
    while (k < body.length) {
      const ch = body.charAt(k);
      if (ch === '\\') return fail(k, 1, 'An f-string expression cannot contain a backslash.', 'f-string expression part cannot include a backslash');
      if (ch === '#') return fail(k, 1, "An f-string expression cannot contain '#'.", "f-string expression part cannot include '#'");
      if (ch === '"' || ch === "'") {
        const close = body.indexOf(ch, k + 1);
        if (close < 0) return fail(k, 1, 'A string inside an f-string expression is not closed.', 'f-string: unterminated string');
        k = close + 1;
        continue;
      }
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if ((ch === ')' || ch === ']' || (ch === '}' && depth > 0)) && depth > 0) depth--;
      else if (depth === 0 && (ch === '}' || ch === ':' || (ch === '!' && body.charAt(k + 1) !== '='))) {
        if (body.slice(k0, k).trim() === '') return fail(k0 - 1, k - k0 + 2, 'An f-string has an empty "{}" expression.', 'f-string: empty expression not allowed');
        if (ch === '!') {
          if (!/^[sra]$/.test(body.charAt(k + 1))) return fail(k, 2, 'An f-string conversion must be "!s", "!r" or "!a".', "f-string: invalid conversion character: expected 's', 'r', or 'a'");
          k += 2;
          if (body.charAt(k) !== ':' && body.charAt(k) !== '}') return fail(k, 1, 'An f-string field is not closed with "}".', "f-string: expecting '}'");
        }
        if (body.charAt(k) === ':') {
          k++;
          while (k < body.length && body.charAt(k) !== '}') {
            if (body.charAt(k) === '{') {
              if (nesting >= 1) return fail(k, 1, 'The f-string format is nested too deeply.', 'f-string: expressions nested too deeply');
              const r = field(k + 1, nesting + 1);
              if (typeof r !== 'number') return r;
              k = r;
            } else k++;
          }
        }
        if (body.charAt(k) !== '}') return fail(k0 - 1, 1, 'An f-string field is not closed with "}".', "f-string: expecting '}'");
        return k + 1;
      }
      k++;
    }
    return fail(k0 - 1, 1, 'An f-string field is not closed with "}".', "f-string: expecting '}'");
  };
  let k = 0;
  while (k < body.length) {
    const ch = body.charAt(k);
    if (ch === '\\' && !raw) {
      if (body.charAt(k + 1) === 'N' && body.charAt(k + 2) === '{') {
        const close = body.indexOf('}', k + 3);
        k = close < 0 ? body.length : close + 1;
      } else k += 2;
      continue;
    }
    if (ch === '{') {
      if (body.charAt(k + 1) === '{') {
        k += 2;
        continue;
      }
      const r = field(k + 1, 0);
      if (typeof r !== 'number') return r;
      k = r;
      continue;
    }
    if (ch === '}') {
      if (body.charAt(k + 1) === '}') {
        k += 2;
        continue;
      }
      return fail(k, 1, 'An f-string has a single "}"; write "}}" for a literal brace.', "f-string: single '}' is not allowed");
    }
    k++;
  }
  return undefined;
}

export function readString(src: string, start: number, quoteAt: number, prefix: string): Token | ExpressionProblem {
  const lower = prefix.toLowerCase();
  const raw = lower.includes('r');
  const bytes = lower.includes('b');
  const fstring = lower.includes('f');
  const q = src.charAt(quoteAt);
  const triple = src.charAt(quoteAt + 1) === q && src.charAt(quoteAt + 2) === q;
  const bodyStart = quoteAt + (triple ? 3 : 1);
  let j = bodyStart;
  let bodyEnd = -1;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (c === 92) {
      j += 1 + Math.max(1, newlineLength(src, j + 1));
      continue;
    }
    if (!triple && (c === 10 || c === 13)) break;
    if (src.charAt(j) === q && (!triple || (src.charAt(j + 1) === q && src.charAt(j + 2) === q))) {
      bodyEnd = j;
      j += triple ? 3 : 1;
      break;
    }
    j++;
  }
  if (bodyEnd < 0) {
    const what = triple ? 'triple-quoted string literal' : 'string literal';
    const detected = lineOf(src, Math.min(j, src.length));
    return syntax(start, Math.min(Math.max(j, quoteAt + 1), src.length), `The string starting with ${q} is not closed${triple ? '' : ' on its line'}; a quote inside a string must be escaped or use the other kind of quote.`, `unterminated ${what} (detected at line ${detected})`);
  }
  const body = src.slice(bodyStart, bodyEnd);
  if (bytes) {
    for (let k = 0; k < body.length; k++) {
      if (body.charCodeAt(k) > 127) return syntax(start, j, 'A bytes literal can only contain ASCII characters.', 'bytes can only contain ASCII literal characters');
    }
  }
  if (fstring) {
    const p = checkFString(body, bodyStart, raw);
    if (p) return p;
  }
  if (!raw) {
    const p = checkEscapes(body, bodyStart, bytes);
    if (p) return p;
  }
  return { type: 'string', value: src.slice(start, j), start, end: j, stringKind: bytes ? 'bytes' : fstring ? 'fstring' : 'str' };
}
