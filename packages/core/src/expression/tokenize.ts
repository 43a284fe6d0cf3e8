// Splits an expression into tokens like Python 3.11's tokenizer, stopping at the first lexical error.

import { codePointName, isDigit } from '../util/ascii.js';
import { identifierEnd, isBlank, isIdContinue, isIdStart, newlineLength } from './chars.js';
import { readNumber } from './numbers.js';
import { syntax, type ExpressionProblem } from './problem.js';
import { readString } from './strings.js';
import { EXPRESSION_KEYWORDS, RENAMED_KEYWORDS, type Token } from './token.js';

/** Python's tokenizer refuses more nested brackets than this ("too many nested parentheses"). */
const MAX_BRACKETS = 200;

const OPS3 = ['**=', '...', '//=', '<<=', '>>='];
const OPS2 = ['!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '<>', '==', '>=', '>>', '@=', '^=', '|='];
const OPS1 = '%&()*+,-./:;<=>@[]^{|}~';
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'br', 'rb', 'f', 'fr', 'rf']);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Splits an expression into tokens like Python 3.11's tokenizer. Stops at the first lexical error, which becomes the
 * last token (type `error`); otherwise the last token is `end`.
 */
export function tokenize(src: string): Token[] {
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
      if (end < n && after >= 128 && !isIdContinue(after)) return stop(syntax(end, end + (after > 0xffff ? 2 : 1), `The character "${String.fromCodePoint(after)}" (${codePointName(after)}) cannot be used in a name.`, `invalid character '${String.fromCodePoint(after)}' (${codePointName(after)})`));
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
    if (cp >= 128 || cp < 32 || cp === 127) return stop(syntax(i, i + len, `The character "${ch}" (${codePointName(cp)}) cannot be used in an expression.`, `invalid character '${ch}' (${codePointName(cp)})`));
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
