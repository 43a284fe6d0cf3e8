// The YNodes and findings the fast parser builds, in exactly the shapes, order and sharing of spans that convert.ts
// gives them: later duplicate keys win but keep their place last in `entries`, every key's YAML 1.1 surprise is
// reported (also in values a duplicate replaced), values' surprises only where the final tree reaches them.
import type { Span } from '../source/source-file.js';
import type { DuplicateKeyFinding, Yaml11Finding } from './findings.js';
import type { MapNode, ScalarNode, ScalarStyle, SeqNode, YNode } from './nodes.js';
import { resolvePlain, yaml11Surprise } from './scalars.js';

export function scalarNode(value: unknown, style: ScalarStyle, text: string, start: number, end: number): ScalarNode {
  return { kind: 'scalar', value, style, text, span: { start, end } };
}

export function mapNode(start: number, flow: boolean): MapNode {
  return { kind: 'map', value: {}, entries: new Map(), span: { start, end: start }, flow };
}

export function seqNode(start: number, flow: boolean): SeqNode {
  return { kind: 'seq', value: [], items: [], span: { start, end: start }, flow };
}

export function addItem(seq: SeqNode, item: YNode): void {
  item.key = seq.items.length;
  item.parent = seq;
  seq.items.push(item);
  seq.value.push(item.value);
}

/** Collects the findings while the tree is built, and completes them once it is. */
export class FindingCollector {
  readonly duplicateKeys: DuplicateKeyFinding[] = [];
  private readonly yaml11: Yaml11Finding[] = [];
  private readonly surprising: ScalarNode[] = [];
  private readonly kinds: Yaml11Finding['kind'][] = [];

  /** A plain scalar value: resolved as PyYAML would, remembered when YAML 1.1 reads it unexpectedly. */
  plain(text: string, start: number, end: number): ScalarNode {
    const node = scalarNode(resolvePlain(text), 'plain', text, start, end);
    const kind = maySurprise(text) ? yaml11Surprise(text) : undefined;
    if (kind) {
      this.surprising.push(node);
      this.kinds.push(kind);
    }
    return node;
  }

  /** A key about to be added to `map` (whose entries so far are all in place). */
  key(map: MapNode, text: string, span: Span, plain: boolean): void {
    if (plain && maySurprise(text)) {
      const kind = yaml11Surprise(text);
      if (kind) this.yaml11.push({ text, kind, span, isKey: true, value: resolvePlain(text) });
    }
    const earlier = map.entries.get(text);
    if (earlier) {
      // The first occurrence is the entry's key the first time a key repeats in a mapping; remembered from then on.
      this.firstSpans ??= new Map();
      let firsts = this.firstSpans.get(map);
      if (!firsts) this.firstSpans.set(map, (firsts = new Map()));
      let first = firsts.get(text);
      if (!first) firsts.set(text, (first = earlier.keySpan!));
      this.duplicateKeys.push({ key: text, span, firstSpan: first });
    }
  }

  /** For the mappings with a repeated key: the span of each such key's first occurrence. */
  private firstSpans: Map<MapNode, Map<string, Span>> | undefined;

  /** The YAML 1.1 findings in source order, values only where the finished tree still holds them. */
  yaml11Findings(): Yaml11Finding[] {
    const all = this.yaml11;
    const anyDuplicate = this.duplicateKeys.length > 0;
    for (let i = 0; i < this.surprising.length; i++) {
      const n = this.surprising[i]!;
      if (anyDuplicate && !reachable(n)) continue;
      all.push({ text: n.text, kind: this.kinds[i]!, span: n.span, isKey: false, value: n.value, node: n });
    }
    return all.sort((a, b) => a.span.start - b.span.start);
  }
}

/** Adds `value` under `key`: a later duplicate replaces the earlier value and moves to the end, as in PyYAML. */
export function addEntry(map: MapNode, key: string, keySpan: Span, value: YNode): void {
  value.keySpan = keySpan;
  value.key = key;
  value.parent = map;
  map.entries.delete(key);
  map.entries.set(key, value);
  map.value[key] = value.value;
}

/** False for texts yaml11Surprise cannot flag: those not starting with a digit, a sign or a YAML 1.1 boolean's letter. */
function maySurprise(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 102 || c === 70 || c === 110 || c === 78 || c === 111 || c === 79 || c === 116 || c === 84 || c === 121 || c === 89;
}

/** True when no later duplicate key replaced the node or one of its ancestors. */
function reachable(node: YNode): boolean {
  for (let n = node; n.parent; n = n.parent) if (n.parent.kind === 'map' && n.parent.entries.get(n.key as string) !== n) return false;
  return true;
}
