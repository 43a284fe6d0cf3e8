// Finding things in the core's parsed tree: the node under an offset (and whether the offset is on its key), the chain
// of nodes above it, and the exact text span of a string scalar's value (inside its quotes).
import type { SourceFile, Span, YNode } from '@valohai-lint/core';

export interface Hit {
  /** From the root down to {@link node}. */
  chain: YNode[];
  node: YNode;
  /** True when the offset is on the node's key rather than its value. */
  onKey: boolean;
}

export function within(span: Span | undefined, offset: number): boolean {
  return span !== undefined && span.start <= offset && offset <= span.end;
}

/** The innermost node at an offset. */
export function nodeAt(root: YNode | undefined, offset: number): Hit | undefined {
  if (!root) return undefined;
  const chain: YNode[] = [root];
  let node = root;
  for (let depth = 0; depth < 1000; depth++) {
    const children = node.kind === 'map' ? [...node.entries.values()] : node.kind === 'seq' ? node.items : [];
    let next: YNode | undefined;
    for (const c of children) {
      if (within(c.keySpan, offset)) return { chain: [...chain, c], node: c, onKey: true };
      if (within(c.span, offset)) next = c;
    }
    if (!next) break;
    chain.push(next);
    node = next;
  }
  return within(node.span, offset) || node === root ? { chain, node, onKey: false } : undefined;
}

/** Where the characters `[from, to)` of a string scalar's value are written, when that is exact. */
export function innerSpan(source: SourceFile, node: YNode, from = 0, to?: number): Span | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const value = node.value;
  const end = to ?? value.length;
  let start: number;
  if (node.style === 'plain') start = node.span.start;
  else if (node.style === 'single' || node.style === 'double') start = node.span.start + 1;
  else return undefined;
  if (source.text.slice(start, start + value.length) !== value) return undefined;
  return { start: start + from, end: start + end };
}

/** The key path from the root to the last node of a chain (indices for list items). */
export function pathOf(chain: readonly YNode[]): (string | number)[] {
  return chain.slice(1).map((n) => (typeof n.key === 'number' ? n.key : String(n.key ?? '')));
}
