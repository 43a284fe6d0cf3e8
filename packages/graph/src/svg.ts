// Draws laid-out scenes as one self-contained SVG: no scripts, no fonts or images to fetch, every user string escaped.
// Each box and link is a <g> with data-id (its scene id) and data-ref (the graph element whose YAML it stands for) and
// a <title> tooltip, so an editor can make it interactive; the VS Code webview shows exactly this markup.
import { xml } from './escape.js';
import { METRICS, type BoxLayout, type Point, type SceneLayout } from './layout.js';
import type { Scene, SceneBox, SceneLink } from './scene.js';
import { svgStyle } from './style.js';

/** One pipeline to draw: its scene and that scene's layout. */
export interface DrawnPipeline {
  scene: Scene;
  layout: SceneLayout;
}

export interface SvgOptions {
  /** Embed the stylesheet (default true). An embedder with its own stylesheet for the same classes turns it off. */
  style?: boolean;
  /** Draw the pipeline's name above its graph (default: when there are several pipelines). */
  headings?: boolean;
}

const HEADING_HEIGHT = 28;
const GAP = 16;

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * A smooth path through every point (a Catmull-Rom spline as cubic Béziers): it passes through the points dagre gives,
 * the label's place among them, so each label sits on its own line.
 */
export function pathThrough(points: readonly Point[]): string {
  if (points.length === 0) return '';
  let d = `M${fmt(points[0]!.x)},${fmt(points[0]!.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(points.length - 1, i + 2)]!;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${fmt(c1.x)},${fmt(c1.y)} ${fmt(c2.x)},${fmt(c2.y)} ${fmt(p2.x)},${fmt(p2.y)}`;
  }
  return d;
}

function classes(base: string, kind: string, severity: string | undefined, broken: boolean): string {
  return [base, `vl-${kind}`, ...(severity ? [`vl-sev-${severity}`] : []), ...(broken ? ['vl-broken'] : [])].join(' ');
}

function shape(box: SceneBox, x: number, y: number, w: number, h: number): string {
  if (box.kind === 'parameter') {
    const slant = 8;
    const pts = [
      [x + slant, y],
      [x + w, y],
      [x + w - slant, y + h],
      [x, y + h],
    ];
    return `<polygon class="vl-shape" points="${pts.map(([px, py]) => `${fmt(px!)},${fmt(py!)}`).join(' ')}"/>`;
  }
  const radius = box.kind === 'deployment' ? 14 : box.kind === 'unknown' ? 0 : 6;
  const rect = `<rect class="vl-shape" x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" rx="${radius}"/>`;
  // A task node runs many executions: a second border, as a stack of cards would have.
  if (box.kind === 'task') return `${rect}<rect class="vl-inner" x="${fmt(x + 3)}" y="${fmt(y + 3)}" width="${fmt(w - 6)}" height="${fmt(h - 6)}" rx="4"/>`;
  return rect;
}

function boxMarkup(box: SceneBox, at: { x: number; y: number; width: number; height: number }, dy: number): string {
  const x = at.x;
  const y = at.y + dy;
  const textX = x + METRICS.padX;
  const lines = [`<text class="vl-title" x="${fmt(textX)}" y="${fmt(y + METRICS.padY + METRICS.titleSize)}">${xml(box.title)}</text>`];
  box.details.forEach((d, i) => {
    const baseline = y + METRICS.padY + METRICS.titleLine + (i + 1) * METRICS.detailLine - 4;
    lines.push(`<text class="vl-detail" x="${fmt(textX)}" y="${fmt(baseline)}">${xml(d)}</text>`);
  });
  return `<g class="${classes('vl-box', box.kind, box.severity, box.broken)}" data-id="${xml(box.id)}" data-ref="${xml(box.ref)}"><title>${xml(box.notes.join('\n'))}</title>${shape(box, x, y, at.width, at.height)}${lines.join('')}</g>`;
}

function markerId(link: SceneLink): string {
  if (link.severity) return `vl-arrow-${link.severity}`;
  if (link.broken) return 'vl-arrow-error';
  return link.kind === 'parameter' ? 'vl-arrow-parameter' : 'vl-arrow';
}

/**
 * A node wired to itself: a loop from the box's edge out to the label dagre placed for it and back, drawn here because
 * dagre's own self-loop points do not meet the box in a left-to-right layout.
 */
export function selfLoop(box: { x: number; y: number; width: number; height: number }, label: { x: number; y: number; width: number; height: number }): Point[] {
  const cx = Math.min(Math.max(label.x + label.width / 2, box.x + 24), box.x + box.width - 24);
  const below = label.y >= box.y + box.height / 2;
  const edgeY = below ? box.y + box.height : box.y;
  const turnY = below ? label.y : label.y + label.height;
  return [
    { x: cx - 16, y: edgeY },
    { x: cx - 20, y: (edgeY + turnY) / 2 },
    { x: cx, y: turnY },
    { x: cx + 20, y: (edgeY + turnY) / 2 },
    { x: cx + 16, y: edgeY },
  ];
}

function linkMarkup(link: SceneLink, at: SceneLayout['links'][number], dy: number, box: BoxLayout | undefined): string {
  const route = link.from === link.to && box ? selfLoop(box, at.label) : at.points;
  const points = route.map((p) => ({ x: p.x, y: p.y + dy }));
  return `<g class="${classes('vl-link', link.kind, link.severity, link.broken)}" data-id="${xml(link.id)}" data-ref="${xml(link.ref)}"><title>${xml(link.notes.join('\n'))}</title><path d="${pathThrough(points)}" marker-end="url(#${markerId(link)})"/></g>`;
}

/** A link's label, drawn after every line so that no other line crosses it. */
function labelMarkup(link: SceneLink, at: SceneLayout['links'][number], dy: number): string {
  const label = at.label;
  const cx = label.x + label.width / 2;
  return (
    `<g class="${classes('vl-link-label', link.kind, link.severity, link.broken)}" data-id="${xml(link.id)}" data-ref="${xml(link.ref)}"><title>${xml(link.notes.join('\n'))}</title>` +
    `<rect class="vl-label-bg" x="${fmt(label.x)}" y="${fmt(label.y + dy)}" width="${fmt(label.width)}" height="${fmt(label.height)}" rx="3"/>` +
    `<text class="vl-label" x="${fmt(cx)}" y="${fmt(label.y + dy + label.height - 4)}" text-anchor="middle">${xml(link.label)}</text></g>`
  );
}

function markers(): string {
  const kinds: [string, string][] = [
    ['vl-arrow', 'vl-arrowhead'],
    ['vl-arrow-parameter', 'vl-arrowhead vl-parameter'],
    ...['error', 'warning', 'info', 'hint'].map((s): [string, string] => [`vl-arrow-${s}`, `vl-arrowhead vl-sev-${s}`]),
  ];
  return kinds.map(([id, cls]) => `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="${cls}" d="M0,0 L10,5 L0,10 z"/></marker>`).join('');
}

/** The SVG of one or more laid-out pipelines, stacked top to bottom. */
export function renderSvg(pipelines: readonly DrawnPipeline[], options: SvgOptions = {}): string {
  const headings = options.headings ?? pipelines.length > 1;
  const parts: string[] = [];
  let y = 0;
  let width = 0;
  for (const { scene, layout } of pipelines) {
    if (headings) {
      parts.push(`<text class="vl-heading" x="16" y="${fmt(y + 20)}">${xml(`Pipeline "${scene.name}"`)}</text>`);
      y += HEADING_HEIGHT;
    }
    const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
    const links = new Map(layout.links.map((l) => [l.id, l]));
    const linkParts = scene.links.flatMap((l) => {
      const at = links.get(l.id);
      return at ? [linkMarkup(l, at, y, boxes.get(l.from))] : [];
    });
    const labelParts = scene.links.flatMap((l) => {
      const at = links.get(l.id);
      return at && l.label !== '' ? [labelMarkup(l, at, y)] : [];
    });
    const boxParts = scene.boxes.flatMap((b) => {
      const at = boxes.get(b.id);
      return at ? [boxMarkup(b, at, y)] : [];
    });
    parts.push(`<g class="vl-pipeline" data-pipeline="${xml(scene.name)}"><g class="vl-links">${linkParts.join('')}</g><g class="vl-labels">${labelParts.join('')}</g><g class="vl-boxes">${boxParts.join('')}</g></g>`);
    y += layout.height + GAP;
    width = Math.max(width, layout.width);
  }
  const height = Math.max(1, Math.ceil(y - (pipelines.length > 0 ? GAP : 0)));
  width = Math.max(1, Math.ceil(width));
  const title = pipelines.length === 1 ? `Pipeline "${pipelines[0]!.scene.name}"` : `${pipelines.length} pipelines`;
  const style = options.style === false ? '' : `<style>${svgStyle()}</style>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="vl-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${xml(title)}</title>${style}<defs>${markers()}</defs><rect class="vl-background" width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>\n`
  );
}
