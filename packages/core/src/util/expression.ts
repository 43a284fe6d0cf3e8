// Checks a Valohai stop-condition expression the way valohai-yaml does with leval 1.4.0's verifier, and says where and
// why one fails. Facts: reference/valohai-yaml.md §3.7; corpus edge cases p17c, p24 and the upstream stop-condition files.
//
// What valohai-yaml does, in order:
//  1. Renames every Python keyword except False None True and for in is not or (`if` becomes `_if`), so those words are
//     ordinary names: `class > 1` is fine, while `x if y else z`, `lambda: 1` and `import os` become syntax errors.
//  2. Parses the result as one Python 3.11 expression (any syntax error fails).
//  3. Walks the tree from the top (the expression itself at depth 0), failing at the first node that sits 8 levels
//     deep ("Expression is too complex (8 > 8)"), has no handler ("Operation List is not allowed"), or breaks a
//     handler's rule: one comparison operator per comparison, calls of plain names with positional arguments only,
//     attributes only on dotted names, constants of type str/int/float/bool/None, binary operators + - * / // only,
//     unary + - not only. Unary + and - are really applied to the operand's value (names, calls and operators stand for
//     True), so `-"a"` fails, and set elements must be hashable, so `{{1}}` fails.
// This module reproduces that with a tokenizer and a recursive-descent parser for the whole Python expression grammar
// (so that the first problem is found in the same order), in linear time, never throwing.

export interface ExpressionEdit {
  start: number;
  end: number;
  text: string;
}

export interface ExpressionProblem {
  /** Offsets of the offending part inside the expression string (UTF-16), `start < end` unless the expression is empty. */
  start: number;
  end: number;
  kind: 'syntax' | 'unsupported' | 'tooComplex';
  /** One or two plain sentences for users. */
  reason: string;
  /** What valohai-yaml says (Python object reprs replaced by class names; Python's syntax-error wording approximated). */
  upstream: string;
  /** A likely rewrite (a guess, so only ever offered as a suggestion). */
  suggestion?: { title: string; edits: ExpressionEdit[] };
}

/** valohai-yaml's `max_depth`: a node visited at this depth (the expression itself is at 0) is too deep. */
export const EXPRESSION_MAX_DEPTH = 8;

/** Keywords that keep their meaning; valohai-yaml renames every other Python keyword into a plain name. */
export const EXPRESSION_KEYWORDS: ReadonlySet<string> = new Set(['False', 'None', 'True', 'and', 'for', 'in', 'is', 'not', 'or']);
/** Python 3.11's other (hard) keywords, which valohai-yaml turns into names by prefixing `_`. */
export const RENAMED_KEYWORDS: ReadonlySet<string> = new Set([
  'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
  'from', 'global', 'if', 'import', 'lambda', 'nonlocal', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Attribute chains deeper than this make Python's AST construction overflow (RecursionError) before leval runs. */
const MAX_ATTRIBUTE_CHAIN = 2900;
/** Python's tokenizer refuses more nested brackets than this ("too many nested parentheses"). */
const MAX_BRACKETS = 200;

class Fail {
  constructor(readonly problem: ExpressionProblem) {}
}

/** Verifies a stop-condition expression; undefined when valohai-yaml accepts it. Never throws. */
export function verifyExpression(expression: string): ExpressionProblem | undefined {
  try {
    const tokens = tokenize(expression);
    const tree = new Parser(expression, tokens).parseEval();
    new Walker(expression).visit(tree, 1);
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return e.problem;
    // Not reachable by design (bounded recursion); an exhausted stack still must not escape.
    return { start: 0, end: expression.length, kind: 'tooComplex', reason: 'The expression is too complex to check.', upstream: 'Expression is too complex' };
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Tokens

type TokenType = 'name' | 'keyword' | 'number' | 'string' | 'op' | 'newline' | 'end' | 'error';

interface Token {
  type: TokenType;
  /** Name, keyword or operator text; for other tokens the source text. */
  value: string;
  start: number;
  end: number;
  /** A Python keyword that valohai-yaml renames into a plain name. */
  renamed?: boolean;
  numberKind?: 'int' | 'float' | 'complex';
  stringKind?: 'str' | 'bytes' | 'fstring';
  problem?: ExpressionProblem;
}

const OPS3 = ['**=', '...', '//=', '<<=', '>>='];
const OPS2 = ['!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '<>', '==', '>=', '>>', '@=', '^=', '|='];
const OPS1 = '%&()*+,-./:;<=>@[]^{|}~';
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'br', 'rb', 'f', 'fr', 'rf']);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const ID_START_RE = /^\p{ID_Start}$/u;
const ID_CONTINUE_RE = /^\p{ID_Continue}$/u;

function syntax(start: number, end: number, reason: string, upstream = 'invalid syntax', suggestion?: ExpressionProblem['suggestion']): ExpressionProblem {
  return suggestion ? { start, end, kind: 'syntax', reason, upstream, suggestion } : { start, end, kind: 'syntax', reason, upstream };
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdStart(cp: number): boolean {
  return isAsciiLetter(cp) || cp === 95 || (cp >= 128 && ID_START_RE.test(String.fromCodePoint(cp)));
}
function isIdContinue(cp: number): boolean {
  return isAsciiLetter(cp) || isDigit(cp) || cp === 95 || (cp >= 128 && ID_CONTINUE_RE.test(String.fromCodePoint(cp)));
}
/** What Python's tokenizer treats as possibly part of an identifier (before checking it). */
function maybeIdentifierChar(cp: number): boolean {
  return isAsciiLetter(cp) || isDigit(cp) || cp === 95 || cp >= 128;
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12;
}
function newlineLength(src: string, i: number): number {
  const c = src.charCodeAt(i);
  if (c === 10) return 1;
  if (c === 13) return src.charCodeAt(i + 1) === 10 ? 2 : 1;
  return 0;
}
function lineOf(src: string, offset: number): number {
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
function quoteText(text: string, max = 30): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
function charName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Reads the identifier at `i` (assumed to start one) and returns its end. */
function identifierEnd(src: string, i: number): number {
  let j = i;
  while (j < src.length) {
    const cp = src.codePointAt(j) ?? 0;
    if (!isIdContinue(cp)) break;
    j += cp > 0xffff ? 2 : 1;
  }
  return j;
}

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

function readNumber(src: string, start: number): { end: number; kind: 'int' | 'float' | 'complex' } | ExpressionProblem {
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

function readString(src: string, start: number, quoteAt: number, prefix: string): Token | ExpressionProblem {
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

/**
 * Splits an expression into tokens like Python 3.11's tokenizer. Stops at the first lexical error, which becomes the
 * last token (type `error`); otherwise the last token is `end`.
 */
function tokenize(src: string): Token[] {
  const toks: Token[] = [];
  const stack: { ch: string; pos: number }[] = [];
  const n = src.length;
  let i = 0;
  let lineStart = true;
  let lineHasTokens = false;
  const stop = (problem: ExpressionProblem): Token[] => {
    toks.push({ type: 'error', value: '', start: problem.start, end: problem.end, problem });
    return toks;
  };
  for (;;) {
    if (lineStart && stack.length === 0) {
      let j = i;
      while (j < n && isBlank(src.charCodeAt(j))) j++;
      if (j >= n) {
        i = j;
        break;
      }
      const c = src.charCodeAt(j);
      if (c === 35) {
        while (j < n && !newlineLength(src, j)) j++;
        i = j;
        continue;
      }
      const nl = newlineLength(src, j);
      if (nl) {
        i = j + nl;
        continue;
      }
      if (j > i) {
        const first = toks.length === 0;
        return stop(syntax(i, j, first ? 'The expression starts with whitespace, which Python reads as an unexpected indentation; remove it.' : 'A second, indented line follows the expression; a stop condition is a single expression.', 'unexpected indent', first ? { title: 'Remove the leading whitespace', edits: [{ start: i, end: j, text: '' }] } : undefined));
      }
      lineStart = false;
      i = j;
    }
    while (i < n && isBlank(src.charCodeAt(i))) i++;
    if (i >= n) break;
    const c = src.charCodeAt(i);
    if (c === 35) {
      while (i < n && !newlineLength(src, i)) i++;
      continue;
    }
    if (c === 92) {
      const nl = newlineLength(src, i + 1);
      if (nl) {
        i += 1 + nl;
        continue;
      }
      if (i + 1 >= n) return stop(syntax(i, i + 1, 'The expression ends with a backslash.', 'unexpected EOF while parsing'));
      return stop(syntax(i, i + 1, 'A backslash outside a string must end the line.', 'unexpected character after line continuation character'));
    }
    const nl = newlineLength(src, i);
    if (nl) {
      if (stack.length === 0) {
        if (lineHasTokens) toks.push({ type: 'newline', value: '\n', start: i, end: i + nl });
        lineHasTokens = false;
        lineStart = true;
      }
      i += nl;
      continue;
    }
    lineHasTokens = true;
    const cp = src.codePointAt(i) ?? 0;
    if (isIdStart(cp)) {
      const end = identifierEnd(src, i);
      const word = src.slice(i, end);
      const next = src.charAt(end);
      if ((next === '"' || next === "'") && STRING_PREFIXES.has(word.toLowerCase())) {
        const s = readString(src, i, end, word);
        if ('kind' in s) return stop(s);
        toks.push(s);
        i = s.end;
        continue;
      }
      const after = src.codePointAt(end) ?? 0;
      if (end < n && after >= 128 && !isIdContinue(after)) return stop(syntax(end, end + (after > 0xffff ? 2 : 1), `The character "${String.fromCodePoint(after)}" (${charName(after)}) cannot be used in a name.`, `invalid character '${String.fromCodePoint(after)}' (${charName(after)})`));
      if (EXPRESSION_KEYWORDS.has(word)) toks.push({ type: 'keyword', value: word, start: i, end });
      else toks.push(RENAMED_KEYWORDS.has(word) ? { type: 'name', value: word, start: i, end, renamed: true } : { type: 'name', value: word, start: i, end });
      i = end;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      const r = readNumber(src, i);
      if ('reason' in r) return stop(r);
      toks.push({ type: 'number', value: src.slice(i, r.end), start: i, end: r.end, numberKind: r.kind });
      i = r.end;
      continue;
    }
    if (c === 34 || c === 39) {
      const s = readString(src, i, i, '');
      if ('kind' in s) return stop(s);
      toks.push(s);
      i = s.end;
      continue;
    }
    const op = OPS3.find((o) => src.startsWith(o, i)) ?? OPS2.find((o) => src.startsWith(o, i)) ?? (OPS1.includes(src.charAt(i)) ? src.charAt(i) : undefined);
    if (op !== undefined) {
      if (op === '(' || op === '[' || op === '{') {
        if (stack.length >= MAX_BRACKETS) return stop(syntax(i, i + 1, `Brackets are nested more than ${MAX_BRACKETS} levels deep.`, 'too many nested parentheses'));
        stack.push({ ch: op, pos: i });
      } else if (op === ')' || op === ']' || op === '}') {
        const open = stack.pop();
        if (!open) return stop(syntax(i, i + 1, `"${op}" has no matching "${CLOSERS[op]}".`, `unmatched '${op}'`));
        if (open.ch !== CLOSERS[op]) return stop(syntax(i, i + 1, `"${op}" does not match the "${open.ch}" it closes.`, `closing parenthesis '${op}' does not match opening parenthesis '${open.ch}'`));
      }
      toks.push({ type: 'op', value: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    if (c === 33) {
      return stop(syntax(i, i + 1, 'Unexpected "!": write "not" to negate, or "!=" to compare.', 'invalid syntax', { title: 'Write "not"', edits: [{ start: i, end: i + 1, text: 'not ' }] }));
    }
    const len = cp > 0xffff ? 2 : 1;
    const ch = String.fromCodePoint(cp);
    if (cp >= 128 || cp < 32 || cp === 127) return stop(syntax(i, i + len, `The character "${ch}" (${charName(cp)}) cannot be used in an expression.`, `invalid character '${ch}' (${charName(cp)})`));
    return stop(syntax(i, i + len, `Unexpected "${ch}".`));
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    return stop(syntax(open.pos, open.pos + 1, `"${open.ch}" is never closed.`, `'${open.ch}' was never closed`));
  }
  if (lineHasTokens) toks.push({ type: 'newline', value: '\n', start: n, end: n });
  toks.push({ type: 'end', value: '', start: n, end: n });
  return toks;
}

// ---------------------------------------------------------------------------------------------------------------------
// Syntax tree (the part of Python's `ast` the check needs; positions as Python gives them)

interface Base {
  /** The node itself. */
  start: number;
  end: number;
  /** Including enclosing parentheses, which parent nodes start and end at. */
  ostart: number;
  oend: number;
}
type ConstantKind = 'str' | 'bytes' | 'int' | 'float' | 'complex' | 'bool' | 'none' | 'ellipsis';
type Node =
  | (Base & { type: 'Name'; id: string })
  | (Base & { type: 'Constant'; kind: ConstantKind })
  | (Base & { type: 'Attribute'; value: Node })
  | (Base & { type: 'Call'; func: Node; args: Node[]; keywords: Base[] })
  | (Base & { type: 'BinOp'; op: string; opStart: number; opEnd: number; left: Node; right: Node })
  | (Base & { type: 'BoolOp'; values: Node[] })
  | (Base & { type: 'UnaryOp'; op: string; operand: Node })
  | (Base & { type: 'Compare'; left: Node; ops: number; comparators: Node[] })
  | (Base & { type: 'Tuple' | 'Set'; elts: Node[] })
  | (Base & { type: 'List'; elts: Node[]; trailingComma: boolean })
  | (Base & { type: 'Starred'; value: Node })
  | (Base & { type: 'NamedExpr' | 'Dict' | 'Subscript' | 'JoinedStr' | 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp' });

function at(start: number, end: number): Base {
  return { start, end, ostart: start, oend: end };
}

const BINARY_LEVELS: readonly (readonly string[])[] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];
const COMPARISON_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);

function endsValue(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === 'name' || t.type === 'number' || t.type === 'string') return true;
  if (t.type === 'keyword') return t.value === 'True' || t.value === 'False' || t.value === 'None';
  return t.type === 'op' && (t.value === ')' || t.value === ']' || t.value === '}');
}
function startsValue(t: Token): boolean {
  if (t.type === 'name' || t.type === 'number' || t.type === 'string') return true;
  if (t.type === 'keyword') return t.value === 'True' || t.value === 'False' || t.value === 'None' || t.value === 'not';
  return t.type === 'op' && (t.value === '(' || t.value === '[' || t.value === '{');
}

function keywordProblem(t: Token): ExpressionProblem {
  const kw = t.value;
  let reason: string;
  if (kw === 'if' || kw === 'else') reason = 'Conditional expressions ("a if b else c") are not supported in stop conditions; combine comparisons with "and", "or" and "not".';
  else if (kw === 'lambda') reason = '"lambda" is not supported in stop conditions.';
  else reason = `"${kw}" is a Python keyword that stop conditions do not support; a stop condition is a single expression, and only and, or, not, in, is, True, False and None are keywords in it.`;
  return syntax(t.start, t.end, reason);
}

class Parser {
  private p = 0;
  constructor(
    private readonly src: string,
    private readonly toks: Token[],
  ) {}

  private get tok(): Token {
    return this.toks[this.p]!;
  }
  private peek(k = 1): Token {
    return this.toks[Math.min(this.p + k, this.toks.length - 1)]!;
  }
  private next(): Token {
    const t = this.tok;
    if (this.p < this.toks.length - 1) this.p++;
    return t;
  }
  /** The current token's type (a method, so that TypeScript does not narrow it across `next()`). */
  private is(type: TokenType): boolean {
    return this.tok.type === type;
  }
  private isOp(v: string, t: Token = this.tok): boolean {
    return t.type === 'op' && t.value === v;
  }
  private isKw(v: string, t: Token = this.tok): boolean {
    return t.type === 'keyword' && t.value === v;
  }
  private text(t: Token): string {
    return quoteText(this.src.slice(t.start, t.end));
  }
  private canStart(t: Token = this.tok): boolean {
    return startsValue(t) || (t.type === 'op' && (t.value === '-' || t.value === '+' || t.value === '~' || t.value === '...'));
  }

  private fail(problem: ExpressionProblem): never {
    throw new Fail(problem);
  }

  /** Fails at the current token with the best explanation available. */
  private unexpected(): never {
    const t = this.tok;
    if (t.type === 'error' && t.problem) this.fail(t.problem);
    const prev = this.p > 0 ? this.toks[this.p - 1] : undefined;
    if (t.type === 'name' && t.renamed) this.fail(keywordProblem(t));
    if (prev && prev.type === 'name' && prev.renamed) this.fail(keywordProblem(prev));
    if (t.type === 'end' || (t.type === 'newline' && this.peek().type === 'end')) {
      if (!prev) this.fail(syntax(0, this.src.length, 'The stop condition is empty; write an expression such as "metadata.loss < 0.1".'));
      this.fail(syntax(prev.start, prev.end, `The expression ends after "${this.text(prev)}"; something is missing there.`));
    }
    if (t.type === 'newline') {
      const what = prev ? `after "${this.text(prev)}"` : '';
      this.fail(syntax(t.start, t.end, `The expression is cut by a line break ${what}; a stop condition is one line, unless the line break is inside parentheses.`.replace('  ', ' ')));
    }
    if (prev?.type === 'newline') this.fail(syntax(t.start, t.end, `A second line starts with "${this.text(t)}"; a stop condition is a single expression (wrap it in parentheses to span lines).`));
    const adjacent = prev !== undefined && prev.end === t.start;
    if (this.isOp('=') && adjacent && prev && this.isOp('==', prev)) {
      this.fail(syntax(prev.start, t.end, 'Unexpected "===": compare with "==".', 'invalid syntax', { title: 'Write "=="', edits: [{ start: prev.start, end: t.end, text: '==' }] }));
    }
    if (this.isOp('=')) this.fail(syntax(t.start, t.end, 'Unexpected "=": compare with "==".', 'invalid syntax', { title: 'Write "=="', edits: [{ start: t.start, end: t.end, text: '==' }] }));
    for (const [op, word] of [['&', 'and'], ['|', 'or']] as const) {
      if (this.isOp(op) && adjacent && prev && this.isOp(op, prev)) {
        this.fail(syntax(prev.start, t.end, `Unexpected "${op}${op}": write "${word}".`, 'invalid syntax', { title: `Write "${word}"`, edits: [{ start: prev.start, end: t.end, text: spacedWord(this.src, prev.start, t.end, word) }] }));
      }
    }
    if (this.isOp('<>')) this.fail(syntax(t.start, t.end, 'Unexpected "<>": write "!=".', 'invalid syntax', { title: 'Write "!="', edits: [{ start: t.start, end: t.end, text: '!=' }] }));
    if (endsValue(prev) && startsValue(t) && prev) {
      this.fail(syntax(t.start, t.end, `Unexpected "${this.text(t)}": an operator is missing between "${this.text(prev)}" and "${this.text(t)}".`));
    }
    this.fail(syntax(t.start, t.end, `Unexpected "${this.text(t)}".`));
  }

  private expectOp(v: string): Token {
    if (!this.isOp(v)) this.unexpected();
    return this.next();
  }

  parseEval(): Node {
    if (this.tok.type === 'error' && this.tok.problem) this.fail(this.tok.problem);
    if (this.tok.type === 'end' || this.tok.type === 'newline') this.fail(syntax(0, this.src.length, 'The stop condition is empty; write an expression such as "metadata.loss < 0.1".'));
    const body = this.parseExpressions();
    while (this.is('newline')) this.next();
    if (!this.is('end')) this.unexpected();
    return body;
  }

  /** `a` or the tuple `a, b, …` (no starred items at the top). */
  private parseExpressions(): Node {
    const first = this.parseExpression();
    if (!this.isOp(',')) return first;
    const elts = [first];
    let end = first.oend;
    while (this.isOp(',')) {
      end = this.next().end;
      if (!this.canStart()) break;
      const e = this.parseExpression();
      elts.push(e);
      end = e.oend;
    }
    return { type: 'Tuple', elts, ...at(first.ostart, end) };
  }

  private parseExpression(): Node {
    return this.parseDisjunction();
  }

  private parseNamedExpression(): Node {
    if (this.tok.type === 'name' && this.isOp(':=', this.peek())) {
      const name = this.next();
      this.next();
      const value = this.parseExpression();
      return { type: 'NamedExpr', ...at(name.start, value.oend) };
    }
    return this.parseExpression();
  }

  private parseStarNamed(): Node {
    if (this.isOp('*')) {
      const star = this.next();
      const value = this.parseBinary(0);
      return { type: 'Starred', value, ...at(star.start, value.oend) };
    }
    return this.parseNamedExpression();
  }

  private parseBoolChain(word: 'or' | 'and'): Node {
    const operand = (): Node => (word === 'or' ? this.parseBoolChain('and') : this.parseInversion());
    const first = operand();
    if (!this.isKw(word)) return first;
    const values = [first];
    while (this.isKw(word)) {
      this.next();
      values.push(operand());
    }
    return { type: 'BoolOp', values, ...at(first.ostart, values[values.length - 1]!.oend) };
  }

  private parseDisjunction(): Node {
    return this.parseBoolChain('or');
  }

  private parseInversion(): Node {
    const nots: Token[] = [];
    while (this.isKw('not')) nots.push(this.next());
    let node = this.parseComparison();
    for (let k = nots.length - 1; k >= 0; k--) node = { type: 'UnaryOp', op: 'not', operand: node, ...at(nots[k]!.start, node.oend) };
    return node;
  }

  private parseComparison(): Node {
    const left = this.parseBinary(0);
    const comparators: Node[] = [];
    for (;;) {
      const t = this.tok;
      if (t.type === 'op' && COMPARISON_OPS.has(t.value)) this.next();
      else if (this.isKw('in')) this.next();
      else if (this.isKw('not') && this.isKw('in', this.peek())) {
        this.next();
        this.next();
      } else if (this.isKw('is')) {
        this.next();
        if (this.isKw('not')) this.next();
      } else break;
      comparators.push(this.parseBinary(0));
    }
    if (comparators.length === 0) return left;
    return { type: 'Compare', left, ops: comparators.length, comparators, ...at(left.ostart, comparators[comparators.length - 1]!.oend) };
  }

  /** Binary operator levels from `|` (0) to `* / // % @` (5); level 6 is the unary/power level. */
  private parseBinary(level: number): Node {
    if (level >= BINARY_LEVELS.length) return this.parseFactor();
    const ops = BINARY_LEVELS[level]!;
    let left = this.parseBinary(level + 1);
    while (this.tok.type === 'op' && ops.includes(this.tok.value)) {
      const op = this.next();
      const right = this.parseBinary(level + 1);
      left = { type: 'BinOp', op: op.value, opStart: op.start, opEnd: op.end, left, right, ...at(left.ostart, right.oend) };
    }
    return left;
  }

  private unary(prefix: Token[], operand: Node): Node {
    let node = operand;
    for (let k = prefix.length - 1; k >= 0; k--) node = { type: 'UnaryOp', op: prefix[k]!.value, operand: node, ...at(prefix[k]!.start, node.oend) };
    return node;
  }

  /** `factor: (+|-|~) factor | primary ['**' factor]`, iteratively (long chains must not exhaust the stack). */
  private parseFactor(): Node {
    const frames: { prefix: Token[]; base: Node; op: Token }[] = [];
    for (;;) {
      const prefix: Token[] = [];
      while (this.tok.type === 'op' && (this.tok.value === '+' || this.tok.value === '-' || this.tok.value === '~')) prefix.push(this.next());
      const base = this.parsePrimary();
      if (this.isOp('**')) {
        frames.push({ prefix, base, op: this.next() });
        continue;
      }
      let node = this.unary(prefix, base);
      for (let f = frames.pop(); f; f = frames.pop()) {
        const power: Node = { type: 'BinOp', op: '**', opStart: f.op.start, opEnd: f.op.end, left: f.base, right: node, ...at(f.base.ostart, node.oend) };
        node = this.unary(f.prefix, power);
      }
      return node;
    }
  }

  private parsePrimary(): Node {
    let node = this.parseAtom();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const name = this.tok;
        if (name.type !== 'name') this.unexpected();
        this.next();
        node = { type: 'Attribute', value: node, ...at(node.ostart, name.end) };
      } else if (this.isOp('(')) node = this.parseCall(node);
      else if (this.isOp('[')) node = this.parseSubscript(node);
      else return node;
    }
  }

  private parseCall(func: Node): Node {
    this.next();
    const args: Node[] = [];
    const keywords: Base[] = [];
    let keywordSeen = false;
    let doubleStarSeen = false;
    while (!this.isOp(')')) {
      const t = this.tok;
      if (this.isOp('*')) {
        this.next();
        const value = this.parseExpression();
        if (doubleStarSeen) this.fail(syntax(t.start, value.oend, '"*" unpacking cannot follow "**" unpacking in a call.', 'iterable argument unpacking follows keyword argument unpacking'));
        args.push({ type: 'Starred', value, ...at(t.start, value.oend) });
      } else if (this.isOp('**')) {
        this.next();
        const value = this.parseExpression();
        keywords.push(at(t.start, value.oend));
        doubleStarSeen = true;
      } else if (t.type === 'name' && this.isOp('=', this.peek())) {
        this.next();
        this.next();
        const value = this.parseExpression();
        keywords.push(at(t.start, value.oend));
        keywordSeen = true;
      } else {
        const e = this.parseNamedExpression();
        if (this.isKw('for')) {
          this.parseComprehension();
          const g: Node = { type: 'GeneratorExp', ...at(e.ostart, this.toks[this.p - 1]!.end) };
          if (args.length > 0 || keywords.length > 0 || !this.isOp(')')) this.fail(syntax(g.start, g.end, 'A generator expression must be in parentheses unless it is the only argument.', 'Generator expression must be parenthesized'));
          args.push(g);
        } else {
          if (doubleStarSeen) this.fail(syntax(e.start, e.end, 'A positional argument cannot follow "**" unpacking.', 'positional argument follows keyword argument unpacking'));
          if (keywordSeen) this.fail(syntax(e.start, e.end, 'A positional argument cannot follow a keyword argument.', 'positional argument follows keyword argument'));
          args.push(e);
        }
      }
      if (this.isOp(',')) {
        this.next();
        continue;
      }
      if (!this.isOp(')')) this.unexpected();
    }
    const close = this.next();
    return { type: 'Call', func, args, keywords, ...at(func.ostart, close.end) };
  }

  private parseSubscript(value: Node): Node {
    this.next();
    this.parseSliceItem();
    while (this.isOp(',')) {
      this.next();
      if (this.isOp(']')) break;
      this.parseSliceItem();
    }
    const close = this.expectOp(']');
    return { type: 'Subscript', ...at(value.ostart, close.end) };
  }

  private parseSliceItem(): void {
    if (this.isOp('*')) {
      this.next();
      this.parseBinary(0);
      return;
    }
    let lower = false;
    if (!this.isOp(':')) {
      this.parseNamedExpression();
      lower = true;
    }
    if (this.isOp(':')) {
      this.next();
      if (this.canStart()) this.parseExpression();
      if (this.isOp(':')) {
        this.next();
        if (this.canStart()) this.parseExpression();
      }
    } else if (!lower) this.unexpected();
  }

  /** `for targets in iterable` clauses (no `if` clauses: valohai-yaml renames `if`). */
  private parseComprehension(): void {
    while (this.isKw('for')) {
      this.next();
      for (;;) {
        const target = this.isOp('*') ? this.parseStarNamedTarget() : this.parseBinary(0);
        this.checkTarget(target);
        if (!this.isOp(',')) break;
        this.next();
        if (this.isKw('in')) break;
      }
      if (!this.isKw('in')) this.unexpected();
      this.next();
      this.parseDisjunction();
    }
  }

  private parseStarNamedTarget(): Node {
    const star = this.next();
    const value = this.parseBinary(0);
    return { type: 'Starred', value, ...at(star.start, value.oend) };
  }

  private checkTarget(node: Node): void {
    switch (node.type) {
      case 'Name':
      case 'Attribute':
      case 'Subscript':
        return;
      case 'Starred':
        this.checkTarget(node.value);
        return;
      case 'Tuple':
      case 'List':
        for (const e of node.elts) this.checkTarget(e);
        return;
      default:
        this.fail(syntax(node.start, node.end, `"${quoteText(this.src.slice(node.start, node.end))}" cannot be the target of a "for" clause.`, 'cannot assign to expression'));
    }
  }

  private parseAtom(): Node {
    const t = this.tok;
    switch (t.type) {
      case 'name':
        this.next();
        return { type: 'Name', id: t.value, ...at(t.start, t.end) };
      case 'keyword':
        if (t.value === 'True' || t.value === 'False' || t.value === 'None') {
          this.next();
          return { type: 'Constant', kind: t.value === 'None' ? 'none' : 'bool', ...at(t.start, t.end) };
        }
        return this.unexpected();
      case 'number':
        this.next();
        return { type: 'Constant', kind: t.numberKind ?? 'int', ...at(t.start, t.end) };
      case 'string':
        return this.parseStrings();
      case 'op':
        if (t.value === '...') {
          this.next();
          return { type: 'Constant', kind: 'ellipsis', ...at(t.start, t.end) };
        }
        if (t.value === '(') return this.parseParen();
        if (t.value === '[') return this.parseList();
        if (t.value === '{') return this.parseBrace();
        return this.unexpected();
      default:
        return this.unexpected();
    }
  }

  private parseStrings(): Node {
    const first = this.tok;
    let last = first;
    let bytes = false;
    let text = false;
    let fstring = false;
    while (this.tok.type === 'string') {
      last = this.next();
      if (last.stringKind === 'bytes') bytes = true;
      else text = true;
      if (last.stringKind === 'fstring') fstring = true;
    }
    if (bytes && text) this.fail(syntax(first.start, last.end, 'Bytes and text strings cannot be joined.', 'cannot mix bytes and nonbytes literals'));
    if (fstring) return { type: 'JoinedStr', ...at(first.start, last.end) };
    return { type: 'Constant', kind: bytes ? 'bytes' : 'str', ...at(first.start, last.end) };
  }

  private parseParen(): Node {
    const open = this.next();
    if (this.isOp(')')) {
      const close = this.next();
      return { type: 'Tuple', elts: [], ...at(open.start, close.end) };
    }
    const first = this.parseStarNamed();
    if (this.isKw('for') && first.type !== 'Starred') {
      this.parseComprehension();
      const close = this.expectOp(')');
      return { type: 'GeneratorExp', ...at(open.start, close.end) };
    }
    if (this.isOp(',')) {
      const elts = [first];
      while (this.isOp(',')) {
        this.next();
        if (this.isOp(')')) break;
        elts.push(this.parseStarNamed());
      }
      const close = this.expectOp(')');
      return { type: 'Tuple', elts, ...at(open.start, close.end) };
    }
    const close = this.expectOp(')');
    if (first.type === 'Starred') this.fail(syntax(first.start, first.end, '"*" unpacking cannot be used here.', 'cannot use starred expression here'));
    first.ostart = open.start;
    first.oend = close.end;
    return first;
  }

  private parseList(): Node {
    const open = this.next();
    const elts: Node[] = [];
    let trailingComma = false;
    if (!this.isOp(']')) {
      const first = this.parseStarNamed();
      if (this.isKw('for') && first.type !== 'Starred') {
        this.parseComprehension();
        const close = this.expectOp(']');
        return { type: 'ListComp', ...at(open.start, close.end) };
      }
      elts.push(first);
      while (this.isOp(',')) {
        this.next();
        if (this.isOp(']')) {
          trailingComma = true;
          break;
        }
        elts.push(this.parseStarNamed());
      }
    }
    const close = this.expectOp(']');
    return { type: 'List', elts, trailingComma, ...at(open.start, close.end) };
  }

  private parseDictItem(): void {
    if (this.isOp('**')) {
      this.next();
      this.parseBinary(0);
      return;
    }
    this.parseExpression();
    this.expectOp(':');
    this.parseExpression();
  }

  private parseBrace(): Node {
    const open = this.next();
    if (this.isOp('}')) {
      const close = this.next();
      return { type: 'Dict', ...at(open.start, close.end) };
    }
    const dictRest = (): Node => {
      while (this.isOp(',')) {
        this.next();
        if (this.isOp('}')) break;
        this.parseDictItem();
      }
      const close = this.expectOp('}');
      return { type: 'Dict', ...at(open.start, close.end) };
    };
    if (this.isOp('**')) {
      this.parseDictItem();
      return dictRest();
    }
    const first = this.parseStarNamed();
    if (this.isOp(':') && first.type !== 'Starred') {
      this.next();
      this.parseExpression();
      if (this.isKw('for')) {
        this.parseComprehension();
        const close = this.expectOp('}');
        return { type: 'DictComp', ...at(open.start, close.end) };
      }
      return dictRest();
    }
    if (this.isKw('for') && first.type !== 'Starred') {
      this.parseComprehension();
      const close = this.expectOp('}');
      return { type: 'SetComp', ...at(open.start, close.end) };
    }
    const elts = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp('}')) break;
      elts.push(this.parseStarNamed());
    }
    const close = this.expectOp('}');
    return { type: 'Set', elts, ...at(open.start, close.end) };
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// leval's walk

/** What a visited node evaluates to in the verifier, as far as the later checks care. */
type Value = 'number' | 'str' | 'none' | 'tuple' | 'unhashableTuple' | 'set';

const ALLOWED_BINARY = new Set(['+', '-', '*', '/', '//']);
const BINARY_NAMES: Record<string, string> = { '%': 'Mod', '**': 'Pow', '@': 'MatMult', '|': 'BitOr', '^': 'BitXor', '&': 'BitAnd', '<<': 'LShift', '>>': 'RShift' };
const PYTHON_TYPES: Record<Value, string> = { number: 'int', str: 'str', none: 'NoneType', tuple: 'tuple', unhashableTuple: 'tuple', set: 'set' };
const VALUE_WORDS: Record<Value, string> = { number: 'a number', str: 'a string', none: 'None', tuple: 'a tuple', unhashableTuple: 'a tuple', set: 'a set' };

const NOT_ALLOWED: Record<string, string> = {
  List: 'Lists ("[…]") are not supported in stop conditions; use a tuple "(…)" instead.',
  Dict: 'Dictionaries are not supported in stop conditions.',
  Subscript: 'Indexing and slicing ("a[…]") are not supported in stop conditions.',
  JoinedStr: 'f-strings are not supported in stop conditions.',
  ListComp: 'Comprehensions are not supported in stop conditions.',
  SetComp: 'Comprehensions are not supported in stop conditions.',
  DictComp: 'Comprehensions are not supported in stop conditions.',
  GeneratorExp: 'Generator expressions are not supported in stop conditions.',
  Starred: 'Unpacking with "*" is not supported in stop conditions.',
  NamedExpr: 'Assignment expressions (":=") are not supported in stop conditions.',
};

class Walker {
  constructor(private readonly src: string) {}

  private unsupported(start: number, end: number, reason: string, upstream: string, suggestion?: ExpressionProblem['suggestion']): never {
    throw new Fail(suggestion ? { start, end, kind: 'unsupported', reason, upstream, suggestion } : { start, end, kind: 'unsupported', reason, upstream });
  }

  visit(node: Node, depth: number): Value {
    if (depth >= EXPRESSION_MAX_DEPTH) {
      throw new Fail({
        start: node.start,
        end: node.end,
        kind: 'tooComplex',
        reason: `The expression is nested too deeply: Valohai allows at most ${EXPRESSION_MAX_DEPTH - 1} levels from the whole expression down to each single value (every operator, call, comparison and tuple is a level, and each operator of a chain such as "a + b + c" adds one).`,
        upstream: `Expression is too complex (${depth} > ${EXPRESSION_MAX_DEPTH})`,
      });
    }
    const d = depth + 1;
    switch (node.type) {
      case 'Compare':
        if (node.ops !== 1) this.unsupported(node.start, node.end, 'Chained comparisons such as "a < b < c" are not supported; join single comparisons with "and", as in "a < b and b < c".', 'Only simple comparisons are supported');
        this.visit(node.left, d);
        this.visit(node.comparators[0]!, d);
        return 'number';
      case 'Call':
        if (node.func.type !== 'Name') {
          const method = node.func.type === 'Attribute';
          this.unsupported(node.start, node.end, method ? 'Method calls such as "a.b()" are not supported; only plain function calls such as "f(x)" are.' : 'Only plain function calls such as "f(x)" are supported.', `Invalid call to func ${node.func.type}`);
        }
        if (node.keywords.length > 0) this.unsupported(node.keywords[0]!.start, node.keywords[0]!.end, 'Keyword arguments are not supported in stop conditions; pass arguments by position.', 'Kwarg calls are not allowed');
        for (const a of node.args) this.visit(a, d);
        return 'number';
      case 'Constant':
        switch (node.kind) {
          case 'str':
            return 'str';
          case 'none':
            return 'none';
          case 'bytes':
            return this.unsupported(node.start, node.end, 'Bytes literals are not supported in stop conditions.', 'Invalid constant (bytes)');
          case 'complex':
            return this.unsupported(node.start, node.end, 'Imaginary numbers are not supported in stop conditions.', 'Invalid constant (complex)');
          case 'ellipsis':
            return this.unsupported(node.start, node.end, '"..." is not supported in stop conditions.', 'Invalid constant (ellipsis)');
          default:
            return 'number';
        }
      case 'Name':
        return 'number';
      case 'Attribute': {
        let base: Node = node;
        let links = 0;
        while (base.type === 'Attribute') {
          base = base.value;
          links++;
        }
        if (base.type !== 'Name') this.unsupported(node.start, node.end, 'Attributes can only be read from dotted names such as "metadata.loss".', 'Unsupported attribute structure');
        if (links > MAX_ATTRIBUTE_CHAIN) this.unsupported(node.start, node.end, 'This dotted name is too long for Python to read.', 'maximum recursion depth exceeded during ast construction');
        return 'number';
      }
      case 'BinOp':
        this.visit(node.left, d);
        this.visit(node.right, d);
        if (!ALLOWED_BINARY.has(node.op)) {
          const word = node.op === '&' ? 'and' : node.op === '|' ? 'or' : undefined;
          const reason = word
            ? `The bitwise operator "${node.op}" is not supported; write "${word}" to combine conditions.`
            : `The operator "${node.op}" is not supported in stop conditions; only + - * / // and comparisons are.`;
          const suggestion = word ? { title: `Write "${word}"`, edits: [{ start: node.opStart, end: node.opEnd, text: spacedWord(this.src, node.opStart, node.opEnd, word) }] } : undefined;
          this.unsupported(node.opStart, node.opEnd, reason, `Binary operator ${BINARY_NAMES[node.op] ?? node.op} is not allowed`, suggestion);
        }
        return 'number';
      case 'BoolOp':
        for (const v of node.values) this.visit(v, d);
        return 'number';
      case 'UnaryOp': {
        const operand = this.visit(node.operand, d);
        if (node.op === '~') this.unsupported(node.start, node.start + 1, 'The operator "~" is not supported in stop conditions.', 'invalid unary op: Invert');
        if (node.op !== 'not' && operand !== 'number') {
          this.unsupported(node.start, node.end, `"${node.op}" cannot be applied to ${VALUE_WORDS[operand]}.`, `bad operand type for unary ${node.op}: '${PYTHON_TYPES[operand]}'`);
        }
        return 'number';
      }
      case 'Set':
        for (const e of node.elts) {
          const v = this.visit(e, d);
          if (v === 'set' || v === 'unhashableTuple') this.unsupported(e.start, e.end, 'A set cannot contain a set, or a tuple that contains one.', "unhashable type: 'set'");
        }
        return 'set';
      case 'Tuple': {
        let unhashable = false;
        for (const e of node.elts) {
          const v = this.visit(e, d);
          if (v === 'set' || v === 'unhashableTuple') unhashable = true;
        }
        return unhashable ? 'unhashableTuple' : 'tuple';
      }
      case 'List':
        return this.unsupported(node.start, node.end, NOT_ALLOWED['List']!, 'Operation List is not allowed', this.listToTuple(node));
      default:
        return this.unsupported(node.start, node.end, NOT_ALLOWED[node.type] ?? `"${node.type}" is not supported in stop conditions.`, `Operation ${node.type} is not allowed`);
    }
  }

  /** `[a, b]` → `(a, b)` and `[a]` → `(a,)`. */
  private listToTuple(node: Node & { type: 'List' }): ExpressionProblem['suggestion'] {
    const close = node.end - 1;
    const comma = node.elts.length === 1 && !node.trailingComma ? ',' : '';
    const tuple = `(${this.src.slice(node.start + 1, close)}${comma})`;
    return { title: tuple.length <= 40 ? `Write "${tuple}"` : 'Use a tuple "(…)"', edits: [{ start: node.start, end: node.start + 1, text: '(' }, { start: close, end: node.end, text: `${comma})` }] };
  }
}

/** `word` with the spaces it needs to stand between its neighbours. */
function spacedWord(src: string, start: number, end: number, word: string): string {
  const before = start > 0 && !/\s/.test(src.charAt(start - 1)) ? ' ' : '';
  const after = end < src.length && !/\s/.test(src.charAt(end)) ? ' ' : '';
  return `${before}${word}${after}`;
}
