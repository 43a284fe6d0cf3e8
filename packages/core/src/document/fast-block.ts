// Block mappings and sequences for the fast parser, line by line, with the spans `yaml` gives them. A collection's span
// ends where its last value's source token does, and `yaml` lets comment lines extend that token (parser.ts): a
// comment indented deeper than the collection right after a scalar joins that scalar, and a run of comment lines left
// at the end of a collection stays in the first collection, from the innermost out, that is not indented deeper than
// every comment in it (indentation 0 never keeps one).
import { checkQuotedLines, closingQuote, doubleQuotedValue, type PlainLine, plainStartProblem, scanPlainLine, scanPlainValue, singleQuotedValue, Stop } from './fast-scalars.js';
import { scanBlockScalar } from './fast-block-scalar.js';
import { MAX_FAST_DEPTH, parseFlow } from './fast-flow.js';
import { addEntry, addItem, FindingCollector, mapNode, scalarNode, seqNode } from './fast-nodes.js';
import { atLineEnd, contentEnd, giveUp, HASH, isBreakOrSpace, nextLineStart, skipSpaces, SPACE, TAB, trimBack } from './fast-text.js';
import type { MapNode, SeqNode, YNode } from './nodes.js';

export class BlockParser {
  readonly findings = new FindingCollector();
  /** Characters examined (re-examined ones again), for tests that check the work stays linear. */
  steps = 0;

  // The next content line (found by scanGap): where its first non-space character is, and its indentation.
  // At the end of the text `at` is the text's length and `indent` is -1.
  private at = 0;
  private indent = 0;

  // The comment lines scanGap passed: their indentation and (trimmed) end.
  private readonly gapIndents: number[] = [];
  private readonly gapEnds: number[] = [];
  private gapCount = 0;

  // The comment lines after the last value that no collection has kept yet: their deepest indentation (-1: none) and end.
  private pendingIndent = -1;
  private pendingEnd = 0;

  /** Where the source token of the node parsed last ends for the collection around it (comments it took included). */
  private end = 0;

  private readonly line: PlainLine = { end: 0, stop: Stop.LineEnd, at: 0 };

  constructor(private readonly text: string) {}

  /** The document's root collection, which starts at `at` in column 0; afterwards only comments may follow. */
  parseRoot(at: number): YNode {
    this.at = at;
    this.indent = 0;
    const c = this.text.charCodeAt(at);
    if (!(c === 45 && isBreakOrSpace(this.text, at + 1)) && !this.isKey(at)) giveUp('root-not-a-collection');
    const root = this.parseNode(at, 0, -1, 0);
    if (this.at < this.text.length) giveUp('content-after-root');
    return root;
  }

  /** Moves to the first content line at or after `from`; returns its offset (the text's length at the end). */
  scanGap(from: number): number {
    const text = this.text;
    this.gapCount = 0;
    let ls = from;
    for (;;) {
      let p = ls;
      while (text.charCodeAt(p) === SPACE) p++;
      this.steps += p - ls + 1;
      if (p >= text.length) {
        this.at = text.length;
        this.indent = -1;
        return this.at;
      }
      const c = text.charCodeAt(p);
      if (c === TAB) giveUp('tab');
      if (c === HASH) {
        const end = contentEnd(text, p);
        this.steps += end - p;
        this.gapIndents[this.gapCount] = p - ls;
        this.gapEnds[this.gapCount++] = trimBack(text, p, end);
      } else if (!atLineEnd(text, p)) {
        if (p === ls && (c === 45 || c === 46) && (text.startsWith('---', p) || text.startsWith('...', p)) && isBreakOrSpace(text, p + 3)) giveUp('document-marker');
        this.at = p;
        this.indent = p - ls;
        return p;
      }
      ls = nextLineStart(text, p);
    }
  }

  /** A node starting at `pos` (column `col`) where a block collection may start, inside a collection indented `parent`. */
  private parseNode(pos: number, col: number, parent: number, depth: number): YNode {
    if (depth > MAX_FAST_DEPTH) giveUp('too-deep');
    const c = this.text.charCodeAt(pos);
    if (c === 45 && isBreakOrSpace(this.text, pos + 1)) return this.parseSeq(pos, col, depth);
    if (this.isKey(pos)) return this.parseMap(pos, col, depth);
    return this.parseScalar(pos, parent, depth);
  }

  private parseMap(pos: number, indent: number, depth: number): MapNode {
    const text = this.text;
    const map: MapNode = mapNode(pos, false);
    for (let keyAt = pos; ; keyAt = this.at) {
      const colon = this.scanKey(keyAt);
      const key = this.keyText;
      const keySpan = { start: keyAt, end: this.keyEnd };
      if (this.keyPlain && key === '<<') giveUp('merge-key');
      this.findings.key(map, key, keySpan, this.keyPlain);
      addEntry(map, key, keySpan, this.parseValue(colon, indent, true, depth));
      if (this.indent !== indent) return this.close(map, indent);
      if (text.charCodeAt(this.at) === 45 && isBreakOrSpace(text, this.at + 1)) giveUp('sequence-after-value');
      this.pendingIndent = -1; // comments left over start the next entry
    }
  }

  private parseSeq(pos: number, indent: number, depth: number): SeqNode {
    const text = this.text;
    const seq: SeqNode = seqNode(pos, false);
    for (let dash = pos; ; dash = this.at) {
      addItem(seq, this.parseValue(dash, indent, false, depth));
      if (this.indent !== indent || text.charCodeAt(this.at) !== 45 || !isBreakOrSpace(text, this.at + 1)) return this.close(seq, indent);
      this.pendingIndent = -1;
    }
  }

  /**
   * Ends a collection after its last value (whose token end is in `end`): its span, and the leftover comments it keeps
   * (extending where its own token ends) or passes on.
   */
  private close<T extends MapNode | SeqNode>(node: T, indent: number): T {
    // A last value that is all whitespace to `yaml` (a lone U+00A0) leaves the span ending before it.
    node.span.end = trimBack(this.text, node.span.start, this.end);
    if (this.indent > indent) giveUp('indentation');
    if (this.pendingIndent >= 0 && indent !== 0 && this.pendingIndent >= indent) {
      this.pendingIndent = -1;
      this.end = this.pendingEnd;
    }
    return node;
  }

  /**
   * The value after the indicator at `indicator` (a mapping's `:` or a sequence's `-`) of an entry in a collection
   * indented `indent` columns: on the same line, on the lines below, or empty.
   */
  private parseValue(indicator: number, indent: number, inMap: boolean, depth: number): YNode {
    const text = this.text;
    const p = skipSpaces(text, indicator + 1);
    const c = text.charCodeAt(p);
    if (c === TAB) giveUp('tab');
    if (c !== HASH && !atLineEnd(text, p)) {
      if (inMap) return this.parseScalar(p, indent, depth + 1);
      return this.parseNode(p, indent + (p - indicator), indent, depth + 1);
    }
    const commentEnd = c === HASH ? trimBack(text, p, contentEnd(text, p)) : -1;
    const next = this.scanGap(nextLineStart(text, p));
    // Comments between the indicator and a value below belong to neither's span.
    this.pendingIndent = -1;
    if (this.indent > indent) return this.parseNode(next, this.indent, indent, depth + 1);
    if (inMap && this.indent === indent && text.charCodeAt(next) === 45 && isBreakOrSpace(text, next + 1)) return this.parseSeq(next, indent, depth + 1);
    // Comment lines after an empty value stay with it when its collection ends here (and do not matter otherwise).
    this.end = this.gapCount > 0 ? this.gapEnds[this.gapCount - 1]! : commentEnd >= 0 ? commentEnd : trimBack(text, indicator, p);
    return scalarNode(null, 'plain', '', p, p);
  }

  /** A scalar or flow collection at `pos` in a collection indented `indent` columns (never a mapping key). */
  private parseScalar(pos: number, indent: number, depth: number): YNode {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (c === 124 || c === 62) {
      const block = scanBlockScalar(text, pos, indent);
      this.steps += block.next - pos;
      this.scanGap(block.next);
      this.keepComments(0);
      this.end = block.end;
      return scalarNode(block.value, block.style, block.value, pos, block.end);
    }
    let node: YNode;
    let after: number;
    if (c === 91 || c === 123) {
      const flow = parseFlow(text, pos, indent + 1, depth, this.findings);
      this.steps += flow.end - pos;
      node = flow.node;
      after = flow.end;
    } else if (c === 34 || c === 39) {
      const close = closingQuote(text, pos);
      const multiline = checkQuotedLines(text, pos, close, indent + 1);
      const value = c === 39 ? singleQuotedValue(text, pos, close, multiline) : doubleQuotedValue(text, pos, close);
      this.steps += 3 * (close - pos);
      node = scalarNode(value, c === 39 ? 'single' : 'double', value, pos, close + 1);
      after = close + 1;
    } else {
      const reason = plainStartProblem(c, text.charCodeAt(pos + 1), false);
      if (reason) giveUp(reason);
      const plain = scanPlainValue(text, pos, indent + 1);
      const spanEnd = trimBack(text, pos, plain.end);
      node = this.findings.plain(plain.text, pos, spanEnd);
      this.steps += 2 * (plain.last.at - pos);
      const comment = plain.last.stop === Stop.Comment ? trimBack(text, plain.last.at, contentEnd(text, plain.last.at)) : -1;
      this.scanGap(nextLineStart(text, plain.last.at));
      this.end = this.absorbComments(indent, comment >= 0 ? comment : spanEnd);
      return node;
    }
    // After a quoted scalar or a flow collection: only spaces and a comment may follow on its line.
    const rest = skipSpaces(text, after);
    const r = text.charCodeAt(rest);
    let end = node.span.end;
    if (r === HASH && rest > after) end = trimBack(text, rest, contentEnd(text, rest));
    else if (!atLineEnd(text, rest)) giveUp(r === 58 ? 'nested-mapping' : r === TAB ? 'tab' : 'text-after-value');
    this.scanGap(nextLineStart(text, rest));
    this.end = this.absorbComments(indent, end);
    return node;
  }

  /**
   * After a scalar value in a collection indented `indent` columns, the comment lines indented deeper than the
   * collection (up to the first that is not) extend the scalar's token; the rest wait for a collection to keep them.
   */
  private absorbComments(indent: number, end: number): number {
    let k = 0;
    while (k < this.gapCount && this.gapIndents[k]! > indent) k++;
    this.keepComments(k);
    return k > 0 ? this.gapEnds[k - 1]! : end;
  }

  /** The gap's comment lines from the `from`th on wait for a collection to keep them. */
  private keepComments(from: number): void {
    let deepest = -1;
    for (let k = from; k < this.gapCount; k++) deepest = Math.max(deepest, this.gapIndents[k]!);
    this.pendingIndent = deepest;
    if (deepest >= 0) this.pendingEnd = this.gapEnds[this.gapCount - 1]!;
  }

  // The key scanKey read last: its text, trimmed end, and whether it was plain.
  private keyText = '';
  private keyEnd = 0;
  private keyPlain = false;

  /** True when a mapping key (`key:` or `"key":` followed by a space or a line break) starts at `pos`. */
  private isKey(pos: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (c === 34 || c === 39) {
      const close = closingQuote(text, pos);
      this.steps += close - pos;
      const q = skipSpaces(text, close + 1);
      return text.charCodeAt(q) === 58 && isBreakOrSpace(text, q + 1);
    }
    if (plainStartProblem(c, text.charCodeAt(pos + 1), false)) return false;
    scanPlainLine(text, pos, false, this.line);
    this.steps += this.line.at - pos;
    this.probed = pos;
    return this.line.stop === Stop.Indicator;
  }

  /** Where isKey last scanned a plain scalar into `line`, so that scanKey need not scan that key again. */
  private probed = -1;

  /** Reads the mapping key at `pos` into keyText/keyEnd/keyPlain; returns the offset of its `:`. */
  private scanKey(pos: number): number {
    const text = this.text;
    const c = text.charCodeAt(pos);
    if (c === 34 || c === 39) {
      const close = closingQuote(text, pos);
      const nl = text.indexOf('\n', pos);
      if (nl >= 0 && nl < close) giveUp('multiline-key');
      this.keyText = c === 39 ? singleQuotedValue(text, pos, close, false) : doubleQuotedValue(text, pos, close);
      this.keyEnd = close + 1;
      this.keyPlain = false;
      const q = skipSpaces(text, close + 1);
      this.steps += 2 * (q - pos);
      if (text.charCodeAt(q) !== 58 || !isBreakOrSpace(text, q + 1)) giveUp(text.charCodeAt(q + 1) === TAB ? 'tab' : 'not-a-key');
      return q;
    }
    const reason = plainStartProblem(c, text.charCodeAt(pos + 1), false);
    if (reason) giveUp(reason === 'indicator' && c === 63 ? 'complex-key' : reason);
    if (this.probed !== pos) {
      scanPlainLine(text, pos, false, this.line);
      this.steps += this.line.at - pos;
    }
    this.probed = -1;
    if (this.line.stop !== Stop.Indicator) giveUp('not-a-key');
    this.keyText = text.slice(pos, this.line.end);
    this.keyEnd = trimBack(text, pos, this.line.end);
    this.keyPlain = true;
    return this.line.at;
  }
}
