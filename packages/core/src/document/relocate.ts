// Moves a tree parsed from a piece of a text to where that piece sits in the whole text: a copy with every span
// counted from the piece's place, parent links rebuilt, and subtrees shared by aliases shared again in the copy (each is
// copied once). A tree placed so is moved again, all at once, when its piece moves (typing shifts every item after the
// cursor).
import type { Span } from '../source/source-file.js';
import type { DuplicateKeyFinding, Yaml11Finding } from './findings.js';
import type { YNode } from './nodes.js';

/** A tree placed by {@link relocate}, and the offset its spans are counted from. */
export interface Placed {
  node: YNode;
  origin: Origin;
}

/** Where a placed tree's piece starts in the whole text: every span of the tree adds it when read. */
interface Origin {
  at: number;
}

/**
 * A span of a placed tree, kept relative to the tree's origin: moving the tree moves every span in it by changing one
 * number (a file of 2,000 steps has about 100,000 spans, which typing before them would otherwise each move, per
 * keystroke). Reads and writes see absolute offsets, as a plain span's do.
 */
class PlacedSpan implements Span {
  constructor(
    private readonly origin: Origin,
    private from: number,
    private to: number,
  ) {}

  get start(): number {
    return this.origin.at + this.from;
  }

  set start(offset: number) {
    this.from = offset - this.origin.at;
  }

  get end(): number {
    return this.origin.at + this.to;
  }

  set end(offset: number) {
    this.to = offset - this.origin.at;
  }

  /** As a plain span, for JSON. */
  toJSON(): Span {
    return { start: this.start, end: this.end };
  }
}

/** A copy of `node` placed at `by`, under `parent` at `key`. Each span is an object of its own. */
export function relocate(node: YNode, by: number, parent?: YNode, key?: string | number): Placed {
  const copies = new Map<YNode, YNode>();
  const origin: Origin = { at: by };
  const shifted = (span: Span): Span => new PlacedSpan(origin, span.start, span.end);
  const copy = (n: YNode, p: YNode | undefined, k: string | number | undefined): YNode => {
    const known = copies.get(n);
    if (known) return known;
    let out: YNode;
    if (n.kind === 'scalar') out = { kind: 'scalar', value: n.value, style: n.style, text: n.text, span: shifted(n.span) };
    else if (n.kind === 'seq') out = { kind: 'seq', value: n.value, items: [], flow: n.flow, span: shifted(n.span) };
    else out = { kind: 'map', value: n.value, entries: new Map(), flow: n.flow, span: shifted(n.span) };
    copies.set(n, out);
    if (n.keySpan) out.keySpan = shifted(n.keySpan);
    if (k !== undefined) out.key = k;
    else if (n.key !== undefined) out.key = n.key;
    if (p) out.parent = p;
    if (n.kind === 'seq' && out.kind === 'seq') n.items.forEach((item, i) => out.items.push(copy(item, out, i)));
    else if (n.kind === 'map' && out.kind === 'map') for (const [name, value] of n.entries) out.entries.set(name, copy(value, out, name));
    return out;
  };
  return { node: copy(node, parent, key), origin };
}

/**
 * Moves a placed tree by `by` in place: its span objects keep their identity, so what holds them (the model's names,
 * pipeline views) moves with the tree, at the cost of one addition for the whole tree.
 */
export function shiftInPlace(placed: Placed, by: number): void {
  placed.origin.at += by;
}

const moved = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

export function relocateDuplicateKey(f: DuplicateKeyFinding, by: number): DuplicateKeyFinding {
  return { ...f, span: moved(f.span, by), firstSpan: moved(f.firstSpan, by) };
}

/**
 * A YAML 1.1 finding of a one-item piece moved by `by`, its value node replaced by the same node in `item`, the
 * piece's item as placed in the whole document.
 */
export function relocateYaml11(f: Yaml11Finding, by: number, item: YNode): Yaml11Finding {
  const out: Yaml11Finding = { ...f, span: moved(f.span, by) };
  const node = f.node && counterpart(f.node, item);
  if (node?.kind === 'scalar') out.node = node;
  else delete out.node;
  return out;
}

/** The node at the same place in `item` as `node` is in its own item (the node below its tree's root list). */
function counterpart(node: YNode, item: YNode): YNode | undefined {
  const path: (string | number)[] = [];
  let n: YNode = node;
  for (; n.parent?.parent !== undefined && path.length < 1000; n = n.parent) if (n.key !== undefined) path.unshift(n.key);
  let out: YNode | undefined = item;
  for (const k of path) out = out?.kind === 'map' ? out.entries.get(String(k)) : out?.kind === 'seq' ? out.items[Number(k)] : undefined;
  return out;
}
