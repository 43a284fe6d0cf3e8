// Finding things in the core's parsed tree: the node under an offset (and whether the offset is on its key), the chain
// of nodes above it, and the exact text span of a string scalar's value (inside its quotes).
import { verbatimStart, type SourceFile, type Span, type YNode } from '@valohai-lint/core';

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
  const start = verbatimStart(node, source.text);
  if (start === undefined) return undefined;
  return { start: start + from, end: start + (to ?? String(node.value).length) };
}
