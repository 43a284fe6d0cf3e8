// Scalars for the fast parser: where a plain or quoted scalar ends and the string it loads, exactly as the `yaml`
// library's lexer and composer read them (lexer.ts, resolve-flow-scalar.ts), for the cases the fast path accepts.
// Anything else (tabs in plain text, bad escapes, under-indented continuation lines) gives the text up.
import { atLineEnd, COLON, columnOf, CR, giveUp, type GiveUpReason, HASH, LF, nextLineStart, nextNonBlank, SPACE, TAB } from './fast-text.js';

/**
 * How a plain scalar's scan stopped on a line: at a line break or the end of the text, at the `#` of a comment, at a
 * `:` followed by a space or a line break (the scalar is a mapping key), or at a flow indicator inside brackets.
 */
export const Stop = { LineEnd: 0, Comment: 1, Indicator: 2, Flow: 3 } as const;
export type Stop = (typeof Stop)[keyof typeof Stop];

/** One line of a plain scalar: its content ends at `end` (after the last non-space), scanning stopped at `at`. */
export interface PlainLine {
  end: number;
  stop: Stop;
  at: number;
}

const isFlowIndicator = (c: number): boolean => c === 44 || c === 91 || c === 93 || c === 123 || c === 125;

/** Characters of a plain scalar's line that neither end it nor need a look at the next one (see scanPlainLine). */
const ORDINARY = /[^: \t\n\r]*/y;
const ORDINARY_IN_FLOW = /[^: \t\n\r,[\]{}]*/y;

/**
 * Scans one line of a plain scalar from `pos` (a non-space character) in block or flow context. Inside brackets a
 * `:` indicator gives the text up unless `key` (a flow mapping's key).
 */
export function scanPlainLine(text: string, pos: number, flow: boolean, into: PlainLine, key = false): PlainLine {
  let end = pos;
  let i = pos;
  const ordinary = flow ? ORDINARY_IN_FLOW : ORDINARY;
  for (; i < text.length; i++) {
    // Runs of characters that end nothing are skipped by the regular expression engine, not one by one here.
    ordinary.lastIndex = i;
    ordinary.test(text);
    if (ordinary.lastIndex > i) {
      i = ordinary.lastIndex;
      end = i;
      if (i >= text.length) break;
    }
    const c = text.charCodeAt(i);
    if (c === COLON) {
      const next = text.charCodeAt(i + 1);
      if (next === TAB) giveUp('tab');
      if (next === SPACE || atLineEnd(text, i + 1) || (flow && isFlowIndicator(next))) {
        if (flow && !key) giveUp('flow-pair');
        return set(into, end, Stop.Indicator, i);
      }
      end = i + 1;
    } else if (c === SPACE) {
      if (text.charCodeAt(i + 1) === HASH) return set(into, end, Stop.Comment, i + 1);
    } else if (c === LF || c === CR) {
      return set(into, end, Stop.LineEnd, i);
    } else if (c === TAB) {
      giveUp('tab');
    } else if (flow && isFlowIndicator(c)) {
      return set(into, end, Stop.Flow, i);
    } else end = i + 1;
  }
  return set(into, end, Stop.LineEnd, i);
}

function set(into: PlainLine, end: number, stop: Stop, at: number): PlainLine {
  into.end = end;
  into.stop = stop;
  into.at = at;
  return into;
}

/** A block-context plain scalar: `end` after its last character, `last` how its last line stopped. */
export interface PlainScalar {
  text: string;
  end: number;
  last: PlainLine;
}

/**
 * Scans a block-context plain value starting at `pos`, continued on following lines indented at least `required`
 * columns (the `yaml` lexer's `indentNext`) that do not start a comment. Blank lines inside fold into line breaks.
 */
export function scanPlainValue(text: string, pos: number, required: number): PlainScalar {
  const line = scanPlainLine(text, pos, false, { end: 0, stop: Stop.LineEnd, at: 0 });
  if (line.stop === Stop.Indicator) giveUp('nested-mapping');
  let end = line.end;
  let multiline = false;
  while (line.stop === Stop.LineEnd && line.at < text.length) {
    // Look for a continuation line: blank lines may come first; a comment or a shallower line ends the scalar.
    const p = nextNonBlank(text, nextLineStart(text, line.at));
    if (p >= text.length) break;
    const c = text.charCodeAt(p);
    if (c === TAB) giveUp('tab');
    if (columnOf(text, p) < required || c === HASH) break;
    if (scanPlainLine(text, p, false, line).stop === Stop.Indicator) giveUp('multiline-key');
    end = line.end;
    multiline = true;
  }
  return { text: multiline ? foldLines(text, pos, end) : text.slice(pos, end), end, last: line };
}

const isSpaceOrTab = (c: number): boolean => c === SPACE || c === TAB;

/**
 * Folds the lines of `text[start, end)` as `yaml` unfolds plain and single-quoted scalars: each line trimmed (the first
 * only at its end, the last only at its start), one line break becomes a space, n+1 line breaks become n.
 */
export function foldLines(text: string, start: number, end: number): string {
  let nl = text.indexOf('\n', start);
  if (nl < 0 || nl >= end) return text.slice(start, end);
  let b = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  while (b > start && isSpaceOrTab(text.charCodeAt(b - 1))) b--;
  let result = text.slice(start, b);
  let separator = ' ';
  let pos = nl + 1;
  while ((nl = text.indexOf('\n', pos)) >= 0 && nl < end) {
    let a = pos;
    b = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    while (a < b && isSpaceOrTab(text.charCodeAt(a))) a++;
    while (b > a && isSpaceOrTab(text.charCodeAt(b - 1))) b--;
    if (a === b) {
      if (separator === '\n') result += '\n';
      else separator = '\n';
    } else {
      result += separator + text.slice(a, b);
      separator = ' ';
    }
    pos = nl + 1;
  }
  while (pos < end && isSpaceOrTab(text.charCodeAt(pos))) pos++;
  return result + separator + text.slice(pos, end);
}

/**
 * The offset of the quote closing the quoted scalar opened at `pos`, as the `yaml` lexer finds it: for single quotes
 * the first `'` not doubled, for double quotes the first `"` after an even number of backslashes.
 */
export function closingQuote(text: string, pos: number): number {
  const quote = text[pos]!;
  let from = pos + 1;
  for (;;) {
    const j = text.indexOf(quote, from);
    if (j < 0) giveUp('unclosed-quote');
    if (quote === "'") {
      if (text.charCodeAt(j + 1) !== 39) return j;
      from = j + 2;
    } else {
      let k = j - 1;
      while (text.charCodeAt(k) === 92) k--;
      if ((j - 1 - k) % 2 === 0) return j;
      from = j + 1;
    }
  }
}

/**
 * Checks the lines a quoted scalar `[pos, close]` continues on: each must be blank or indented at least `required`
 * spaces, or the `yaml` lexer reports an unexpected unindent.
 */
export function checkQuotedLines(text: string, pos: number, close: number, required: number): boolean {
  let nl = text.indexOf('\n', pos);
  if (nl < 0 || nl > close) return false;
  while (nl >= 0 && nl < close) {
    let p = nl + 1;
    while (text.charCodeAt(p) === SPACE) p++;
    if (!atLineEnd(text, p) && p - nl - 1 < required) giveUp('quoted-indent');
    nl = text.indexOf('\n', p);
  }
  return true;
}

/** The string a single-quoted scalar `[pos, close]` loads. */
export function singleQuotedValue(text: string, pos: number, close: number, multiline: boolean): string {
  const inner = multiline ? foldLines(text, pos + 1, close) : text.slice(pos + 1, close);
  return inner.includes("''") ? inner.replace(/''/g, "'") : inner;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

const HEX = /^[0-9a-fA-F]+$/;

/** The string a double-quoted scalar `[pos, close]` loads: escapes resolved, lines folded (resolve-flow-scalar.ts). */
export function doubleQuotedValue(text: string, pos: number, close: number): string {
  const inner = text.slice(pos + 1, close);
  if (!inner.includes('\\') && !inner.includes('\n')) return inner;
  let out = '';
  for (let i = pos + 1; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c === CR && text.charCodeAt(i + 1) === LF) continue;
    if (c === LF) {
      // A line break folds to a space; n+1 of them (blank lines between) to n line breaks. Indentation is dropped.
      let breaks = 0;
      while (i + 1 < close) {
        const n = text.charCodeAt(i + 1);
        if (n === LF) breaks++;
        else if (n === CR ? text.charCodeAt(i + 2) !== LF : !isSpaceOrTab(n)) break;
        i++;
      }
      out += breaks ? '\n'.repeat(breaks) : ' ';
    } else if (c === 92) {
      const e = text[++i]!;
      const simple = ESCAPES[e];
      if (simple !== undefined) out += simple;
      else if (e === '\n' || (e === '\r' && text.charCodeAt(i + 1) === LF)) {
        // An escaped line break joins the lines; the next line's indentation is dropped.
        if (e === '\r') i++;
        while (isSpaceOrTab(text.charCodeAt(i + 1))) i++;
      } else if (e === 'x' || e === 'u' || e === 'U') {
        const length = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(i + 1, i + 1 + length);
        const code = i + length < close && HEX.test(hex) ? parseInt(hex, 16) : -1;
        if (code < 0 || code > 0x10ffff) giveUp('bad-escape');
        out += String.fromCodePoint(code);
        i += length;
      } else giveUp('bad-escape');
    } else if (c === SPACE || c === TAB) {
      // Spaces and tabs before a line break are dropped.
      const from = i;
      while (isSpaceOrTab(text.charCodeAt(i + 1)) && i + 1 < close) i++;
      if (!atLineEnd(text, i + 1)) out += text.slice(from, i + 1);
    } else out += text[i];
  }
  return out;
}

/**
 * Why a scalar starting with `c` (followed by `next`) is not a plain scalar the fast path reads, if it is not: an
 * anchor, alias or tag, another kind of node, a character YAML reserves, or an indicator (`- `, `? `, `: `).
 */
export function plainStartProblem(c: number, next: number, flow: boolean): GiveUpReason | undefined {
  switch (c) {
    case 38:
      return 'anchor';
    case 42:
      return 'alias';
    case 33:
      return 'tag';
    case 44:
    case 91:
    case 93:
    case 123:
    case 125:
    case 35:
    case 124:
    case 62:
    case 37:
    case 64:
    case 96:
    case 34:
    case 39:
      return 'not-plain';
    case 58:
      return flow ? 'flow-pair' : indicatorBefore(next, flow);
    case 45:
    case 63:
      return indicatorBefore(next, flow);
    default:
      return undefined;
  }
}

/** 'indicator' when `-`, `?` or `:` followed by `next` is an indicator rather than the start of a plain scalar. */
function indicatorBefore(next: number, flow: boolean): GiveUpReason | undefined {
  return next === SPACE || next === TAB || next === LF || next === CR || Number.isNaN(next) || (flow && isFlowIndicator(next)) ? 'indicator' : undefined;
}
