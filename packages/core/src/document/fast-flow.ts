// Flow collections for the fast parser: sequences and mappings of plain and one-line quoted scalars and of nested flow
// collections (`[a.output.x, b.input.y]`, `{type: slider}`, `[{name: a}]`), possibly over several lines. Pairs in
// sequences, entries without a value and multi-line scalars inside brackets are left to the `yaml` library.
import type { MapNode, SeqNode, YNode } from './nodes.js';
import { addEntry, addItem, type FindingCollector, mapNode, scalarNode, seqNode } from './fast-nodes.js';
import { closingQuote, doubleQuotedValue, type PlainLine, plainStartProblem, scanPlainLine, singleQuotedValue, Stop } from './fast-scalars.js';
import { atLineEnd, contentEnd, CR, giveUp, HASH, LF, nextLineStart, nextNonBlank, SPACE, TAB, trimBack } from './fast-text.js';

/** Deeper nesting than this is left to `yaml` (valohai.yaml never comes close). */
export const MAX_FAST_DEPTH = 100;

/** A parsed flow collection or item, and the offset after it. */
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
  const map = text.charCodeAt(pos) === 123 ? mapNode(pos, true) : undefined;
  const seq = map ? undefined : seqNode(pos, true);
  const closing = map ? 125 : 93;
  let expectItem = true;
  let i = pos + 1;
  for (;;) {
    i = skipSpaces(text, i, required);
    const c = text.charCodeAt(i);
    if (i >= text.length) giveUp('unclosed-flow');
    if (c === closing) break;
    if (c === 44) {
      if (expectItem) giveUp('flow-empty-item');
      expectItem = true;
      i++;
      continue;
    }
    if (!expectItem) giveUp('flow-missing-comma');
    i = map ? flowEntry(text, i, required, depth, findings, map) : flowItem(text, i, required, depth, findings, seq!);
    if (text.charCodeAt(i) === 58) giveUp('flow-pair');
    expectItem = false;
  }
  const node = map ?? seq!;
  node.span.end = i + 1;
  return { node, end: i + 1 };
}

/** Reads one item at `i` into `seq` (or, without one, returns it as a value); returns the offset after it. */
function flowItem(text: string, i: number, required: number, depth: number, findings: FindingCollector, seq: SeqNode): number {
  const item = flowScalarOrCollection(text, i, required, depth, findings);
  addItem(seq, item.node);
  return item.end;
}

/** A scalar or a nested collection inside brackets. */
function flowScalarOrCollection(text: string, i: number, required: number, depth: number, findings: FindingCollector): FlowResult {
  const c = text.charCodeAt(i);
  if (c === 91 || c === 123) return parseFlow(text, i, required, depth + 1, findings);
  if (c === 34 || c === 39) {
    const close = oneLineQuote(text, i);
    const value = c === 39 ? singleQuotedValue(text, i, close, false) : doubleQuotedValue(text, i, close);
    return { node: scalarNode(value, c === 39 ? 'single' : 'double', value, i, close + 1), end: close + 1 };
  }
  const reason = plainStartProblem(c, text.charCodeAt(i + 1), true);
  if (reason) giveUp(reason);
  const line = scanPlainLine(text, i, true, { end: 0, stop: Stop.LineEnd, at: 0 });
  if (line.stop === Stop.LineEnd) endsBeforeNextLine(text, line.at);
  return { node: findings.plain(text.slice(i, line.end), i, trimBack(text, i, line.end)), end: line.at };
}

/** Reads the `key: value` entry at `i` into `map`; returns the offset after the value. */
function flowEntry(text: string, i: number, required: number, depth: number, findings: FindingCollector, map: MapNode): number {
  const c = text.charCodeAt(i);
  let key: string;
  let keyEnd: number;
  let colon: number;
  const plain = c !== 34 && c !== 39;
  if (!plain) {
    const close = oneLineQuote(text, i);
    key = c === 39 ? singleQuotedValue(text, i, close, false) : doubleQuotedValue(text, i, close);
    keyEnd = colon = close + 1;
  } else {
    const reason = plainStartProblem(c, text.charCodeAt(i + 1), false);
    if (reason) giveUp(reason);
    const line: PlainLine = scanPlainLine(text, i, true, { end: 0, stop: Stop.LineEnd, at: 0 }, true);
    key = text.slice(i, line.end);
    keyEnd = trimBack(text, i, line.end);
    colon = line.at;
    if (key === '<<') giveUp('merge-key');
  }
  // Only `key: value` on one line: no empty values, no `:` without a space, no value on the next line.
  const v = colon + 2;
  if (text.charCodeAt(colon) !== 58 || text.charCodeAt(colon + 1) !== SPACE) giveUp('flow-entry');
  let valueAt = v;
  while (text.charCodeAt(valueAt) === SPACE) valueAt++;
  const next = text.charCodeAt(valueAt);
  if (atLineEnd(text, valueAt) || next === 44 || next === 125 || next === HASH) giveUp('flow-entry');
  const keySpan = { start: i, end: keyEnd };
  findings.key(map, key, keySpan, plain);
  const value = flowScalarOrCollection(text, valueAt, required, depth, findings);
  addEntry(map, key, keySpan, value.node);
  return value.end;
}

/** The closing quote of a quoted scalar inside brackets, which must close on its line. */
function oneLineQuote(text: string, i: number): number {
  const close = closingQuote(text, i);
  const nl = text.indexOf('\n', i);
  if (nl >= 0 && nl < close) giveUp('flow-multiline-scalar');
  return close;
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
