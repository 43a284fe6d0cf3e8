// Flow collections for the fast parser: sequences of plain and one-line quoted scalars (`[a.output.x, b.input.y]`),
// nested sequences, and the empty mapping `{}`, possibly over several lines. Pairs, non-empty flow mappings and
// multi-line scalars inside brackets are left to the `yaml` library.
import type { YNode } from './nodes.js';
import { addItem, type FindingCollector, mapNode, scalarNode, seqNode } from './fast-nodes.js';
import { closingQuote, doubleQuotedValue, type PlainLine, plainStartProblem, scanPlainLine, singleQuotedValue, Stop } from './fast-scalars.js';
import { atLineEnd, contentEnd, CR, giveUp, HASH, LF, nextLineStart, nextNonBlank, SPACE, TAB, trimBack } from './fast-text.js';

/** Deeper nesting than this is left to `yaml` (valohai.yaml never comes close). */
export const MAX_FAST_DEPTH = 100;

/** A parsed flow collection and the offset after its closing bracket. */
export interface FlowResult {
  node: YNode;
  end: number;
}

/**
 * Parses the flow collection opening at `pos`. Every line it continues on must be indented at least `required`
 * spaces (the `yaml` lexer's `indentNext`; comment lines included, which is stricter than `yaml`).
 */
export function parseFlow(text: string, pos: number, required: number, depth: number, findings: FindingCollector): FlowResult {
  if (depth > MAX_FAST_DEPTH) giveUp('too-deep');
  if (text.charCodeAt(pos) === 123) {
    const close = skipSpaces(text, pos + 1, required);
    if (text.charCodeAt(close) !== 125) giveUp('flow-mapping');
    const map = mapNode(pos, true);
    map.span.end = close + 1;
    return { node: map, end: close + 1 };
  }
  const seq = seqNode(pos, true);
  const line: PlainLine = { end: 0, stop: Stop.LineEnd, at: 0 };
  let expectItem = true;
  let i = pos + 1;
  for (;;) {
    i = skipSpaces(text, i, required);
    const c = text.charCodeAt(i);
    if (i >= text.length) giveUp('unclosed-flow');
    if (c === 93) break;
    if (c === 44) {
      if (expectItem) giveUp('flow-empty-item');
      expectItem = true;
      i++;
      continue;
    }
    if (!expectItem) giveUp('flow-missing-comma');
    if (c === 91 || c === 123) {
      const inner = parseFlow(text, i, required, depth + 1, findings);
      addItem(seq, inner.node);
      i = inner.end;
    } else if (c === 34 || c === 39) {
      const close = closingQuote(text, i);
      const nl = text.indexOf('\n', i);
      if (nl >= 0 && nl < close) giveUp('flow-multiline-scalar');
      const value = c === 39 ? singleQuotedValue(text, i, close, false) : doubleQuotedValue(text, i, close);
      addItem(seq, scalarNode(value, c === 39 ? 'single' : 'double', value, i, close + 1));
      i = close + 1;
    } else {
      const reason = plainStartProblem(c, text.charCodeAt(i + 1), true);
      if (reason) giveUp(reason);
      scanPlainLine(text, i, true, line);
      addItem(seq, findings.plain(text.slice(i, line.end), i, trimBack(text, i, line.end)));
      if (line.stop === Stop.LineEnd) endsBeforeNextLine(text, line.at);
      i = line.at;
    }
    if (text.charCodeAt(i) === 58) giveUp('flow-pair');
    expectItem = false;
  }
  seq.span.end = i + 1;
  return { node: seq, end: i + 1 };
}

/** Skips spaces, line breaks and comments inside a flow collection, checking each new line's indentation. */
function skipSpaces(text: string, i: number, required: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE) i++;
    else if (c === HASH) {
      const before = text.charCodeAt(i - 1);
      if (before !== SPACE && before !== LF) giveUp('comment-without-space');
      i = contentEnd(text, i);
    } else if (c === LF || c === CR) {
      const ls = nextLineStart(text, i);
      i = ls;
      while (text.charCodeAt(i) === SPACE) i++;
      if (!atLineEnd(text, i) && i - ls < required) giveUp('flow-indentation');
    } else if (c === TAB) giveUp('tab');
    else return i;
  }
}

/** A plain scalar ending at a line break inside brackets must not go on on the next line (`yaml` would fold it). */
function endsBeforeNextLine(text: string, at: number): void {
  const p = nextNonBlank(text, nextLineStart(text, at));
  const c = text.charCodeAt(p);
  if (p < text.length && c !== 44 && c !== 93 && c !== HASH) giveUp('flow-multiline-scalar');
}
