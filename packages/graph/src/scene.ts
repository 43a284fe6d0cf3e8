// What every picture of a pipeline shows, decided once for Mermaid, DOT and SVG alike: one box per node, per pipeline
// parameter and per node name that edges mention but the pipeline lacks; one link per edge and per parameter target;
// the text on each, how bad each is (the worst finding on it) and why (the tooltip notes).
import type { GraphEdge, GraphFinding, GraphNode, GraphNodeKind, GraphParameter, GraphSocket, PipelineGraph, Severity } from '@valohai-lint/core';

export type BoxKind = GraphNodeKind | 'parameter' | 'missing';

export interface SceneBox {
  /** Unique within the scene: the node's or parameter's id, or `m<N>` for a missing node. */
  id: string;
  kind: BoxKind;
  /** The first line (the name), shortened to fit. */
  title: string;
  /** Lines under the title, shortened to fit. */
  details: string[];
  /** The worst finding on the element. */
  severity?: Severity;
  /** True for a node that edges name but the pipeline lacks. */
  broken: boolean;
  /** Tooltip lines: the full name, what is wrong, every finding. */
  notes: string[];
  /** The findings on the element. */
  findings: GraphFinding[];
  /** The graph element whose YAML this box stands for (a node, a parameter, or the first edge naming a missing node). */
  ref: string;
}

export interface SceneLink {
  /** Unique within the scene: the edge's id, or `<parameter id>-t<N>` for a parameter's target. */
  id: string;
  from: string;
  to: string;
  kind: 'edge' | 'parameter';
  label: string;
  severity?: Severity;
  /** True when the edge cannot work as written: a missing node, an unknown type, a self-loop, a cycle. */
  broken: boolean;
  notes: string[];
  findings: GraphFinding[];
  ref: string;
}

export interface Scene {
  name: string;
  boxes: SceneBox[];
  links: SceneLink[];
}

/** Longest title and detail line drawn in a box; the full text is in the tooltip. */
export const MAX_TITLE = 40;
export const MAX_DETAIL = 44;
export const MAX_LABEL = 48;

const RANK: Record<Severity, number> = { error: 4, warning: 3, info: 2, hint: 1 };

/** The most severe of some findings. */
export function worst(findings: readonly GraphFinding[]): Severity | undefined {
  let out: Severity | undefined;
  for (const f of findings) if (out === undefined || RANK[f.severity] > RANK[out]) out = f.severity;
  return out;
}

/** Text cut to `max` characters (code points) with an ellipsis, keeping the start or the end. */
export function shorten(text: string, max: number, keep: 'start' | 'end' = 'start'): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return keep === 'start' ? `${chars.slice(0, max - 1).join('')}…` : `…${chars.slice(chars.length - max + 1).join('')}`;
}

const findingNote = (f: GraphFinding): string => `${f.severity}: ${f.message} (${f.ruleId})`;

function nodeDetails(n: GraphNode): string[] {
  const lines: string[] = [];
  const ref = n.kind === 'task' && n.task !== undefined ? `task ${n.task}` : n.step !== undefined ? `step ${n.step}` : n.kind === 'deployment' && n.deployment !== undefined ? `deployment ${n.deployment}` : undefined;
  const kind = n.kind === 'unknown' ? (n.typeText !== undefined ? `type ${n.typeText}` : 'no type') : n.kind;
  lines.push(ref === undefined ? kind : `${kind} · ${ref}`);
  if (n.stepStatus === 'undefined') lines.push('step not defined here');
  if (n.commit !== undefined) lines.push(`commit ${n.commit}`);
  if (n.image !== undefined) lines.push(n.image);
  if (n.endpoints?.length) lines.push(`endpoints ${n.endpoints.join(', ')}`);
  return lines.map((l, i) => shorten(l, MAX_DETAIL, i > 0 && l === n.image ? 'end' : 'start'));
}

function socketText(s: GraphSocket | undefined): string {
  if (!s) return '?';
  return s.key === undefined ? s.text : `${s.type ?? '?'} ${s.key}`;
}

/** `output *.csv → input dataset`, plus the merge mode when the edge adds to the input rather than replacing it. */
export function edgeLabel(e: GraphEdge): string {
  const merge = e.mergeMode !== undefined && e.mergeMode !== 'replace' ? ` (${e.mergeMode})` : '';
  return `${socketText(e.source)} → ${socketText(e.target)}${merge}`;
}

function edgeNotes(e: GraphEdge): string[] {
  const notes = [`${e.source?.text ?? '?'} → ${e.target?.text ?? '?'}`];
  for (const p of e.problems) {
    if (p === 'malformed') notes.push('This edge is not two NODE.TYPE.KEY specifiers.');
    else if (p === 'unknown-source') notes.push(`The source node "${e.source?.nodeName ?? ''}" is not in this pipeline.`);
    else if (p === 'unknown-target') notes.push(`The target node "${e.target?.nodeName ?? ''}" is not in this pipeline.`);
    else if (p === 'source-type') notes.push(`"${e.source?.type ?? ''}" is not an edge type.`);
    else if (p === 'target-type') notes.push(`"${e.target?.type ?? ''}" is not an edge type.`);
    else if (p === 'self') notes.push('This edge connects a node to itself.');
    else notes.push('This edge is part of a cycle, so the nodes on it cannot run in order.');
  }
  return [...notes, ...e.findings.map(findingNote)];
}

/** Collects boxes for node names that edges or parameters mention but the pipeline does not have. */
class MissingBoxes {
  readonly boxes: SceneBox[] = [];
  private readonly byKey = new Map<string, SceneBox>();

  constructor(private readonly pipeline: string) {}

  /** The box for an end that names no node of the pipeline (one per name; one per end when there is no name). */
  forSocket(socket: GraphSocket | undefined, ref: string, side: string): string {
    const key = socket && socket.nodeName !== '' ? `name:${socket.nodeName}` : `end:${ref}:${side}`;
    let box = this.byKey.get(key);
    if (!box) {
      const name = socket && socket.nodeName !== '' ? socket.nodeName : undefined;
      box = {
        id: `m${this.boxes.length}`,
        kind: 'missing',
        title: name === undefined ? '?' : shorten(name, MAX_TITLE),
        details: [name === undefined ? 'no node named' : 'not in this pipeline'],
        broken: true,
        notes: [name === undefined ? 'This end names no node.' : `No node of pipeline "${this.pipeline}" is named "${name}".`],
        findings: [],
        ref,
      };
      this.byKey.set(key, box);
      this.boxes.push(box);
    }
    return box.id;
  }
}

function nodeBox(n: GraphNode): SceneBox {
  const severity = worst(n.findings);
  const notes = [n.name];
  if (n.duplicate) notes.push(`Another node is also named "${n.name}"; edges reach the last of them.`);
  return { id: n.id, kind: n.kind, title: shorten(n.name, MAX_TITLE), details: nodeDetails(n), ...(severity ? { severity } : {}), broken: false, notes: [...notes, ...n.findings.map(findingNote)], findings: n.findings, ref: n.id };
}

function parameterBox(p: GraphParameter): SceneBox {
  const severity = worst(p.findings);
  const details = [p.default === undefined ? 'parameter' : shorten(`parameter = ${p.default}`, MAX_DETAIL)];
  const notes = [`Pipeline parameter "${p.name}"`, ...(p.targets.length === 0 ? ['It sets no node parameter.'] : []), ...p.findings.map(findingNote)];
  return { id: p.id, kind: 'parameter', title: shorten(p.name, MAX_TITLE), details, ...(severity ? { severity } : {}), broken: false, notes, findings: p.findings, ref: p.id };
}

/** The scene of one pipeline. */
export function sceneOf(graph: PipelineGraph): Scene {
  const missing = new MissingBoxes(graph.name);
  const boxes: SceneBox[] = [...graph.nodes.map(nodeBox), ...graph.parameters.map(parameterBox)];
  const links: SceneLink[] = [];
  for (const e of graph.edges) {
    const from = e.source?.node ?? missing.forSocket(e.source, e.id, 'source');
    const to = e.target?.node ?? missing.forSocket(e.target, e.id, 'target');
    const severity = worst(e.findings);
    links.push({ id: e.id, from, to, kind: 'edge', label: shorten(edgeLabel(e), MAX_LABEL), ...(severity ? { severity } : {}), broken: e.problems.length > 0, notes: edgeNotes(e), findings: e.findings, ref: e.id });
  }
  for (const p of graph.parameters) {
    p.targets.forEach((t, i) => {
      const to = t.socket.node ?? missing.forSocket(t.socket, p.id, `t${i}`);
      const notes = [t.socket.text];
      if (t.problems.includes('not-parameter')) notes.push(`A pipeline parameter sets node parameters, not "${t.socket.type ?? ''}".`);
      if (t.problems.includes('malformed')) notes.push('This target is not NODE.parameter.NAME.');
      // The parameter's findings that sit on this very target colour its link.
      const span = t.socket.at.span;
      const own = p.findings.filter((f) => f.at.span.start >= span.start && f.at.span.end <= span.end);
      const severity = worst(own);
      const label = shorten(t.socket.key === undefined ? t.socket.text : `${t.socket.type ?? '?'} ${t.socket.key}`, MAX_LABEL);
      links.push({ id: `${p.id}-t${i}`, from: p.id, to, kind: 'parameter', label, ...(severity ? { severity } : {}), broken: t.problems.length > 0, notes: [...notes, ...own.map(findingNote)], findings: own, ref: p.id });
    });
  }
  return { name: graph.name, boxes: [...boxes, ...missing.boxes], links };
}
