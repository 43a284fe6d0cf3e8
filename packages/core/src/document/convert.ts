// Converts `yaml`'s node tree into YNodes carrying PyYAML's (YAML 1.1) value of every scalar, merge keys applied, aliases
// shared rather than copied, and the findings only a full walk can see: duplicate keys, YAML 1.1 surprises, alias bombs.
// Linear: each anchor is converted once and looked up by name (`yaml`'s Alias.resolve scans the whole document per
// alias), and the work aliases and merge keys add is charged to the alias budget as it happens, so a bomb stops early.
import { type Alias, isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Scalar } from 'yaml';
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

export function trimmedSpan(text: string, range: [number, number, number] | null | undefined, fallback: number): Span {
  if (!range) return { start: fallback, end: fallback };
  let end = range[1];
  // Block collections may reach over trailing line breaks and spaces; a span ends at the last real character.
  while (end > range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  return { start: range[0], end };
}

/** Thrown when aliases and merge keys expand the document past the budget; the caller reports an alias bomb. */
export class AliasBudgetExceeded extends Error {}

/** How many nodes (keys excluded, aliases included) a `yaml` tree has: the base of the alias budget. */
function countNodes(root: YamlNode | null | undefined): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n) continue;
    count++;
    if (isMap(n)) for (const pair of n.items) stack.push(pair.value);
    else if (isSeq(n)) for (const item of n.items) stack.push(item);
  }
  return count;
}

/** The latest node defined with an anchor name, as YAML resolves an alias to the closest preceding anchor. */
interface Anchored {
  node: YNode;
  /** True while the anchored collection is being converted: an alias to it from inside is recursive. */
  open: boolean;
}

export class Converter {
  readonly syntax: SyntaxFinding[] = [];
  readonly duplicateKeys: DuplicateKeyFinding[] = [];
  readonly yaml11: Yaml11Finding[] = [];
  /** Units of work done (nodes converted, aliases resolved, merged entries looked at), for tests that prove it linear. */
  steps = 0;
  private readonly anchors = new Map<string, Anchored>();
  private readonly weights = new Map<YNode, number>();
  private readonly budget: number;
  /** The nodes aliases and merge keys added so far, charged against the budget. */
  private expansion = 0;
  private tooDeep = false;

  private readonly reportedAliases = new Set<string>();

  constructor(
    private readonly text: string,
    root: YamlNode | null | undefined,
  ) {
    this.budget = ALIAS_BUDGET_BASE + countNodes(root) * 4;
  }

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
    this.steps++;
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
    if (node.anchor) this.anchors.set(node.anchor, { node: result, open: false });
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
      // An anchored key can be aliased later (as a value), like any scalar.
      if (key.anchor) this.anchors.set(key.anchor, { node: this.scalar(styleOf(key.type) === 'plain' ? resolvePlain(source) : source, styleOf(key.type), source, span), open: false });
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
    const anchored = node.anchor ? { node: result, open: true } : undefined;
    if (anchored) this.anchors.set(node.anchor!, anchored);
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
        this.charge(source.entries.size);
        for (const [k, v] of source.entries) {
          if (!result.entries.has(k)) {
            result.entries.set(k, v);
            result.value[k] = v.value;
          }
        }
      }
    }
    this.weights.set(result, weight);
    if (anchored) anchored.open = false;
    return result;
  }

  private convertSeq(node: YamlNode & { items: unknown[]; flow?: boolean; range?: [number, number, number] | null; anchor?: string }, depth: number, fallback: number): SeqNode {
    const span = trimmedSpan(this.text, node.range, fallback);
    const result: SeqNode = { kind: 'seq', value: [], items: [], span, flow: Boolean(node.flow) };
    const anchored = node.anchor ? { node: result, open: true } : undefined;
    if (anchored) this.anchors.set(node.anchor!, anchored);
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
    if (anchored) anchored.open = false;
    return result;
  }

  /** Charges expansion work to the alias budget; past it, conversion stops (the caller reports an alias bomb). */
  private charge(nodes: number): void {
    this.steps += nodes;
    this.expansion += nodes;
    if (this.expansion > this.budget) throw new AliasBudgetExceeded();
  }

  private alias(node: Alias): YNode {
    const span = trimmedSpan(this.text, node.range, 0);
    const anchored = this.anchors.get(node.source);
    const resolved = anchored?.node;
    if (!anchored || !resolved) {
      if (!this.reportedAliases.has(node.source)) {
        this.reportedAliases.add(node.source);
        this.syntax.push({ code: 'BAD_ALIAS', message: `The alias "*${node.source}" does not refer to an anchor defined before it.`, span });
      }
      return this.scalar(null, 'plain', '', span);
    }
    if (anchored.open) {
      this.syntax.push({ code: 'RECURSIVE_ALIAS', message: `The alias "*${node.source}" refers to a value that contains it; recursive values cannot be loaded.`, span });
      return this.scalar(null, 'plain', '', span);
    }
    // A shallow copy that shares the anchored children: positions inside point to the anchor, the alias itself here.
    const copy = { ...resolved, span, keySpan: undefined, key: undefined, parent: undefined } as YNode;
    const weight = this.weights.get(resolved) ?? 1;
    this.charge(weight);
    this.weights.set(copy, weight);
    return copy;
  }

  /** True when aliases expand the document far beyond its written size (a "billion laughs" bomb). */
  exceedsAliasBudget(root: YNode): boolean {
    return (this.weights.get(root) ?? 0) > this.budget;
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

