// Converts `yaml`'s node tree into YNodes carrying PyYAML's (YAML 1.1) value of every scalar, merge keys applied, aliases
// shared rather than copied, and the findings only a full walk can see: duplicate keys, YAML 1.1 surprises, alias bombs.
import { type Alias, type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Scalar } from 'yaml';
import type { Span } from '../source/source-file.js';
import type { MapNode, ScalarNode, ScalarStyle, SeqNode, YNode } from './nodes.js';
import type { DuplicateKeyFinding, SyntaxFinding, Yaml11Finding } from './findings.js';
import { resolvePlain, Timestamp, yaml11Surprise } from './scalars.js';

/** Limits that keep hostile input bounded. */
const MAX_DEPTH = 500;
const ALIAS_BUDGET_BASE = 200_000;

function styleOf(type: Scalar['type']): ScalarStyle {
  switch (type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'plain';
  }
}

function trimmedSpan(text: string, range: [number, number, number] | null | undefined, fallback: number): Span {
  if (!range) return { start: fallback, end: fallback };
  let end = range[1];
  // Block collections may reach over trailing line breaks and spaces; a span ends at the last real character.
  while (end > range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  return { start: range[0], end };
}

export class Converter {
  readonly syntax: SyntaxFinding[] = [];
  readonly duplicateKeys: DuplicateKeyFinding[] = [];
  readonly yaml11: Yaml11Finding[] = [];
  private readonly anchors = new Map<YamlNode, YNode>();
  private readonly inProgress = new Set<YamlNode>();
  private readonly weights = new Map<YNode, number>();
  private realNodes = 0;
  private tooDeep = false;

  private readonly reportedAliases = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly doc: Document,
  ) {}

  convert(node: YamlNode | null | undefined, depth: number, fallback: number): YNode {
    if (depth > MAX_DEPTH) {
      if (!this.tooDeep) {
        this.tooDeep = true;
        const span = node?.range ? trimmedSpan(this.text, node.range, fallback) : { start: fallback, end: fallback };
        this.syntax.push({ code: 'TOO_DEEP', message: `Values are nested more than ${MAX_DEPTH} levels deep here; valohai.yaml is never that deep.`, span });
      }
      return this.scalar(null, 'plain', '', { start: fallback, end: fallback });
    }
    if (!node) return this.scalar(null, 'plain', '', { start: fallback, end: fallback });
    this.realNodes++;
    if (isAlias(node)) return this.alias(node);
    if (isScalar(node)) return this.convertScalar(node, fallback);
    if (isMap(node)) return this.convertMap(node, depth, fallback);
    if (isSeq(node)) return this.convertSeq(node, depth, fallback);
    return this.scalar(null, 'plain', '', trimmedSpan(this.text, (node as { range?: [number, number, number] }).range, fallback));
  }

  private scalar(value: unknown, style: ScalarStyle, text: string, span: Span): ScalarNode {
    const n: ScalarNode = { kind: 'scalar', value, style, text, span };
    this.weights.set(n, 1);
    return n;
  }

  private convertScalar(node: Scalar, fallback: number): YNode {
    const span = trimmedSpan(this.text, node.range, fallback);
    const style = styleOf(node.type);
    const source = typeof node.source === 'string' ? node.source : String(node.value ?? '');
    let value: unknown;
    const tag = node.tag;
    if (tag && tag !== '!' && tag !== 'tag:yaml.org,2002:str') value = this.tagged(tag, source, span);
    else if (tag) value = source;
    else if (style === 'plain') value = resolvePlain(source);
    else value = source;
    const result = this.scalar(value, style, source, span);
    if (node.anchor) this.anchors.set(node, result);
    return result;
  }

  private tagged(tag: string, source: string, span: Span): unknown {
    const short = tag.replace('tag:yaml.org,2002:', '');
    const plain = resolvePlain(source);
    switch (short) {
      case 'int':
      case 'float':
        if (typeof plain === 'number') return plain;
        break;
      case 'bool':
        if (typeof plain === 'boolean') return plain;
        break;
      case 'null':
        if (plain === null) return null;
        break;
      case 'timestamp':
        if (plain instanceof Timestamp) return plain;
        break;
      default:
        this.syntax.push({ code: 'UNKNOWN_TAG', message: `The tag "${tag}" is not one Valohai's YAML loader knows; remove it.`, span });
        return source;
    }
    this.syntax.push({ code: 'BAD_TAGGED_VALUE', message: `"${source}" is not a valid value for the tag "!!${short}".`, span });
    return source;
  }

  private keyText(key: unknown): { text: string; span: Span } {
    if (isScalar(key)) {
      const source = typeof key.source === 'string' ? key.source : String(key.value ?? '');
      const span = trimmedSpan(this.text, key.range, 0);
      if (styleOf(key.type) === 'plain') {
        const surprise = yaml11Surprise(source);
        if (surprise) this.yaml11.push({ text: source, kind: surprise, span, isKey: true, value: resolvePlain(source) });
      }
      return { text: source, span };
    }
    if (isAlias(key)) return { text: `*${key.source}`, span: trimmedSpan(this.text, key.range, 0) };
    const range = (key as { range?: [number, number, number] } | null)?.range;
    const span = trimmedSpan(this.text, range, 0);
    return { text: this.text.slice(span.start, span.end), span };
  }

  private convertMap(node: YamlNode & { items: unknown[]; flow?: boolean; range?: [number, number, number] | null; anchor?: string }, depth: number, fallback: number): MapNode {
    const span = trimmedSpan(this.text, node.range, fallback);
    const result: MapNode = { kind: 'map', value: {}, entries: new Map(), span, flow: Boolean(node.flow) };
    if (node.anchor) {
      this.anchors.set(node, result);
      this.inProgress.add(node);
    }
    const firstSeen = new Map<string, Span>();
    const merges: YNode[] = [];
    let weight = 1;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = this.keyText(pair.key);
      const valueFallback = key.span.end;
      if (key.text === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN') {
        const merged = this.convert(pair.value as YamlNode | null, depth + 1, valueFallback);
        merges.push(merged);
        weight += this.weights.get(merged) ?? 1;
        continue;
      }
      const prior = firstSeen.get(key.text);
      if (prior) this.duplicateKeys.push({ key: key.text, span: key.span, firstSpan: prior });
      else firstSeen.set(key.text, key.span);
      const value = this.convert(pair.value as YamlNode | null, depth + 1, valueFallback);
      value.keySpan = key.span;
      value.key = key.text;
      value.parent = result;
      result.entries.delete(key.text); // re-insert so iteration order follows the winning (last) occurrence
      result.entries.set(key.text, value);
      result.value[key.text] = value.value;
      weight += this.weights.get(value) ?? 1;
    }
    // PyYAML merge keys: explicit keys win, earlier merge sources win over later ones.
    for (const merged of merges) {
      const sources = merged.kind === 'seq' ? merged.items : [merged];
      for (const source of sources) {
        if (source.kind !== 'map') {
          this.syntax.push({ code: 'BAD_MERGE', message: 'A merge key ("<<") needs a mapping or a list of mappings.', span: source.span });
          continue;
        }
        for (const [k, v] of source.entries) {
          if (!result.entries.has(k)) {
            result.entries.set(k, v);
            result.value[k] = v.value;
          }
        }
      }
    }
    this.weights.set(result, weight);
    this.inProgress.delete(node);
    return result;
  }

  private convertSeq(node: YamlNode & { items: unknown[]; flow?: boolean; range?: [number, number, number] | null; anchor?: string }, depth: number, fallback: number): SeqNode {
    const span = trimmedSpan(this.text, node.range, fallback);
    const result: SeqNode = { kind: 'seq', value: [], items: [], span, flow: Boolean(node.flow) };
    if (node.anchor) {
      this.anchors.set(node, result);
      this.inProgress.add(node);
    }
    let weight = 1;
    let previousEnd = span.start;
    for (const item of node.items) {
      const converted = this.convert(item as YamlNode | null, depth + 1, previousEnd);
      converted.key = result.items.length;
      converted.parent = result;
      result.items.push(converted);
      result.value.push(converted.value);
      previousEnd = converted.span.end;
      weight += this.weights.get(converted) ?? 1;
    }
    this.weights.set(result, weight);
    this.inProgress.delete(node);
    return result;
  }

  private alias(node: Alias): YNode {
    const span = trimmedSpan(this.text, node.range, 0);
    let target: YamlNode | undefined;
    try {
      target = node.resolve(this.doc) as YamlNode | undefined;
    } catch {
      target = undefined;
    }
    const resolved = target ? this.anchors.get(target) : undefined;
    if (!target || !resolved) {
      if (!this.reportedAliases.has(node.source)) {
        this.reportedAliases.add(node.source);
        this.syntax.push({ code: 'BAD_ALIAS', message: `The alias "*${node.source}" does not refer to an anchor defined before it.`, span });
      }
      return this.scalar(null, 'plain', '', span);
    }
    if (this.inProgress.has(target)) {
      this.syntax.push({ code: 'RECURSIVE_ALIAS', message: `The alias "*${node.source}" refers to a value that contains it; recursive values cannot be loaded.`, span });
      return this.scalar(null, 'plain', '', span);
    }
    // A shallow copy that shares the anchored children: positions inside point to the anchor, the alias itself here.
    const copy = { ...resolved, span, keySpan: undefined, key: undefined, parent: undefined } as YNode;
    this.weights.set(copy, this.weights.get(resolved) ?? 1);
    return copy;
  }

  /** True when aliases expand the document far beyond its written size (a "billion laughs" bomb). */
  exceedsAliasBudget(root: YNode): boolean {
    const total = this.weights.get(root) ?? 0;
    return total > ALIAS_BUDGET_BASE + this.realNodes * 4;
  }

  walkPlainSurprises(root: YNode): void {
    const stack: YNode[] = [root];
    const seen = new Set<YNode>();
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      if (n.kind === 'scalar') {
        if (n.style === 'plain') {
          const kind = yaml11Surprise(n.text);
          if (kind) this.yaml11.push({ text: n.text, kind, span: n.span, isKey: false, value: n.value, node: n });
        }
      } else if (n.kind === 'map') for (const v of n.entries.values()) stack.push(v);
      else for (const v of n.items) stack.push(v);
    }
    this.yaml11.sort((a, b) => a.span.start - b.span.start);
  }
}

