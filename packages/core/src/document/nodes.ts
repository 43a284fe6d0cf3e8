// The node tree rules read: each converted value next to its exact source spans (key and value kept apart).
import type { Span } from '../source/source-file.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

interface NodeBase {
  /** The value as PyYAML would load it (mappings are plain objects, later duplicate keys win). */
  value: unknown;
  /** Where the value is written; for an alias, the `*alias` itself. */
  span: Span;
  /** Where this node's key is written, when the node is a mapping value. */
  keySpan?: Span;
  /** The key under which this node sits in its parent mapping, or its index in its parent sequence. */
  key?: string | number;
  parent?: YNode;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  value: Record<string, unknown>;
  /** Entries by key, the last of duplicate keys winning as in PyYAML. Merged (`<<`) entries included. */
  entries: Map<string, YNode>;
  flow: boolean;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  value: unknown[];
  items: YNode[];
  flow: boolean;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  style: ScalarStyle;
  /** For plain scalars, the text as written; for others the loaded string. */
  text: string;
}

export type YNode = MapNode | SeqNode | ScalarNode;

/** The child of a mapping node, if the node is a mapping and has that key. */
export function child(node: YNode | undefined, key: string): YNode | undefined {
  return node?.kind === 'map' ? node.entries.get(key) : undefined;
}

/** The items of a sequence node, or none. */
export function itemsOf(node: YNode | undefined): YNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

/** A string-valued child as `{value, span}`, or undefined when missing or not a string. */
export function stringAt(node: YNode | undefined, key: string): { value: string; span: Span; node: YNode } | undefined {
  const c = child(node, key);
  if (c && typeof c.value === 'string') return { value: c.value, span: c.span, node: c };
  return undefined;
}

/** The span to report "this key" at: the key when there is one, else the value. */
export function keyOrValueSpan(node: YNode): Span {
  return node.keySpan ?? node.span;
}

/** The span from a node's key (if any) to the end of its value. */
export function fullSpan(node: YNode): Span {
  return { start: node.keySpan?.start ?? node.span.start, end: Math.max(node.span.end, node.keySpan?.end ?? 0) };
}

/** Follows a JSON-pointer-like path of keys and indices from a node. */
export function nodeAtPath(root: YNode | undefined, path: readonly (string | number)[]): YNode | undefined {
  let node = root;
  for (const part of path) {
    if (!node) return undefined;
    if (node.kind === 'map') node = node.entries.get(String(part));
    else if (node.kind === 'seq') node = node.items[Number(part)];
    else return undefined;
  }
  return node;
}
