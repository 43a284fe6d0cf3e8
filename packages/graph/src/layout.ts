// Places a scene with dagre's layered (Sugiyama) layout, left to right: box sizes come from their text in a monospace
// font, so they are known without a browser; edge labels get room of their own, so they never cover a box.
// Cycles are fine: dagre reverses a feedback set of edges for ranking and draws them as they are.
import dagre from '@dagrejs/dagre';
import type { Scene } from './scene.js';

export interface Point {
  x: number;
  y: number;
}

/** A box's place: its top-left corner and size. */
export interface BoxLayout {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LinkLayout {
  id: string;
  /** From the source box's border to the target box's border. */
  points: Point[];
  /** The label's box (top-left corner and size). */
  label: { x: number; y: number; width: number; height: number };
}

export interface SceneLayout {
  width: number;
  height: number;
  boxes: BoxLayout[];
  links: LinkLayout[];
}

/** Type metrics: monospace, so a character's width is a fixed share of the font size (0.6 em is typical). */
export const METRICS = {
  titleSize: 13,
  detailSize: 11,
  labelSize: 11,
  charWidth: 0.6,
  titleLine: 18,
  detailLine: 15,
  padX: 12,
  padY: 8,
  minWidth: 110,
  labelPadX: 4,
  labelHeight: 15,
} as const;

// East Asian wide characters take two columns in a monospace font.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

/** The width of a line of text at a font size, in px. */
export function textWidth(text: string, size: number): number {
  let columns = 0;
  for (const ch of text) columns += WIDE.test(ch) ? 2 : 1;
  return columns * size * METRICS.charWidth;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The size of a box with a title and detail lines. */
export function boxSize(title: string, details: readonly string[]): { width: number; height: number } {
  const widest = Math.max(textWidth(title, METRICS.titleSize), ...details.map((d) => textWidth(d, METRICS.detailSize)));
  return {
    width: Math.ceil(Math.max(METRICS.minWidth, widest + 2 * METRICS.padX)),
    height: Math.ceil(2 * METRICS.padY + METRICS.titleLine + details.length * METRICS.detailLine),
  };
}

/** Boxes plus links above which the layout ranks with dagre's faster tight-tree ranker. */
export const LARGE_SCENE = 300;

export interface LayoutOptions {
  /** Left to right (the default: wide pages, pull-request comments) or top to bottom (a narrow panel beside an editor). */
  direction?: 'LR' | 'TB';
}

/** Lays out a scene. Deterministic: the same scene always gets the same layout. */
export function layoutScene(scene: Scene, options: LayoutOptions = {}): SceneLayout {
  const direction = options.direction ?? 'LR';
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // Network simplex ranks most compactly but dominates the time on big pipelines (about 3× tight-tree's at 200 nodes).
  const ranker = scene.boxes.length + scene.links.length > LARGE_SCENE ? 'tight-tree' : 'network-simplex';
  g.setGraph({ rankdir: direction, ranker, nodesep: 24, edgesep: 14, ranksep: direction === 'LR' ? 56 : 40, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const box of scene.boxes) g.setNode(box.id, boxSize(box.title, box.details));
  for (const link of scene.links) {
    const width = Math.ceil(textWidth(link.label, METRICS.labelSize) + 2 * METRICS.labelPadX);
    g.setEdge(link.from, link.to, { width, height: METRICS.labelHeight, labelpos: 'c', minlen: 1 }, link.id);
  }
  dagre.layout(g);
  const graph = g.graph();
  const boxes = scene.boxes.map((box): BoxLayout => {
    const n = g.node(box.id);
    const width = n.width ?? 0;
    const height = n.height ?? 0;
    return { id: box.id, x: round((n.x ?? 0) - width / 2), y: round((n.y ?? 0) - height / 2), width, height };
  });
  const links = scene.links.map((link): LinkLayout => {
    const e = g.edge({ v: link.from, w: link.to, name: link.id });
    const width = e.width ?? 0;
    const height = e.height ?? 0;
    return {
      id: link.id,
      points: (e.points ?? []).map((p: Point) => ({ x: round(p.x), y: round(p.y) })),
      label: { x: round((e.x ?? 0) - width / 2), y: round((e.y ?? 0) - height / 2), width, height },
    };
  });
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), boxes, links };
}
