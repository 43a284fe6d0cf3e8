// Builds the pipeline graph view from the same pipeline model the rules read (model/pipelines.ts): nodes with what
// they run, edges with their sockets and what is broken about them, pipeline parameters with their targets, and the
// lint findings on each element. Pure and linear in the size of the file; no layout.
import type { ValohaiDocument } from '../document/document.js';
import { child, itemsOf, stringAt, type YNode } from '../document/nodes.js';
import { located } from '../diagnostic/create.js';
import type { Diagnostic } from '../diagnostic/types.js';
import { buildModel, type ValohaiModel } from '../model/model.js';
import {
  EDGE_TYPES,
  edgesOf,
  nodeLabel,
  parameterLabel,
  parseSpecifier,
  pipelineParameters,
  pipelineViews,
  resolveNodeStep,
  type PipelineNode,
  type PipelineView,
} from '../model/pipelines.js';
import type { SourceFile } from '../source/source-file.js';
import { display } from '../util/text.js';
import { edgesOnCycles, type IndexedEdge } from './cycles.js';
import { attachFindings } from './findings.js';
import type { EdgeProblem, GraphEdge, GraphNode, GraphParameter, GraphParameterTarget, GraphSocket, PipelineGraph, StepStatus, TargetProblem } from './types.js';

export interface PipelineGraphOptions {
  /** Findings to attach (a LintResult's diagnostics for the same text). */
  diagnostics?: readonly Diagnostic[];
  /** The model, when the caller has already built it. */
  model?: ValohaiModel;
}

const STEP_STATUS: Record<ReturnType<typeof resolveNodeStep>['kind'], StepStatus> = { resolved: 'defined', commit: 'other-commit', unknown: 'undefined', none: 'none' };

function strings(node: YNode | undefined): string[] {
  return itemsOf(node).flatMap((n) => (typeof n.value === 'string' ? [n.value] : []));
}

function graphNode(source: SourceFile, model: ValohaiModel, view: PipelineView, n: PipelineNode): GraphNode {
  const rawName = child(n.node, 'name');
  const name = n.name?.value ?? (rawName?.kind === 'scalar' && rawName.value !== null ? rawName.text : nodeLabel(n));
  const kind = n.type === 'execution' || n.type === 'task' || n.type === 'deployment' ? n.type : 'unknown';
  const resolution = resolveNodeStep(model, n);
  // Optional facts first, so that the JSON reads in a natural order (what the node is, then where, then findings).
  const facts: Partial<GraphNode> = {};
  if (kind === 'unknown' && n.type !== undefined) facts.typeText = n.type;
  if (resolution.kind === 'resolved' && resolution.step.name) facts.step = resolution.step.name.value;
  else if (n.step) facts.step = n.step.value;
  if (n.task) facts.task = n.task.value;
  const deployment = stringAt(n.node, 'deployment');
  if (kind === 'deployment' && deployment) facts.deployment = deployment.value;
  const endpoints = strings(child(n.node, 'endpoints'));
  if (kind === 'deployment' && endpoints.length > 0) facts.endpoints = endpoints;
  const overrideImage = stringAt(n.override, 'image');
  const stepImage = resolution.kind === 'resolved' ? stringAt(resolution.step.body, 'image') : undefined;
  if (overrideImage) {
    facts.image = overrideImage.value;
    facts.imageFrom = 'override';
  } else if (stepImage) {
    facts.image = stepImage.value;
    facts.imageFrom = 'step';
  }
  if (n.commit !== undefined) facts.commit = n.commit;
  const mergeMode = stringAt(n.node, 'edge-merge-mode');
  if (mergeMode) facts.edgeMergeMode = mergeMode.value;
  return {
    id: `n${n.index}`,
    name,
    kind,
    ...facts,
    stepStatus: STEP_STATUS[resolution.kind],
    duplicate: n.name !== undefined && view.repeated.has(n.name.value),
    at: located(source, n.node.span),
    ...(n.name ? { nameAt: located(source, n.name.span) } : {}),
    findings: [],
  };
}

/** A specifier as a socket, resolving its node by name (the last node of a repeated name, as Valohai does). */
function socketOf(source: SourceFile, view: PipelineView, ids: Map<PipelineNode, string>, node: YNode | undefined): GraphSocket | undefined {
  const spec = parseSpecifier(source, node);
  if (!spec) return undefined;
  const [nodePart, typePart, keyPart] = spec.parts;
  const key = spec.parts.length === 3 ? keyPart?.text : undefined;
  const target = view.byName.get(nodePart?.text ?? '');
  const id = target && ids.get(target);
  return {
    text: spec.text,
    nodeName: nodePart?.text ?? '',
    ...(id !== undefined ? { node: id } : {}),
    ...(spec.parts.length >= 2 && typePart ? { type: typePart.text } : {}),
    ...(key !== undefined ? { key } : {}),
    wildcard: key !== undefined && /[*?]/.test(key),
    at: located(source, spec.node.span),
  };
}

function graphEdges(source: SourceFile, view: PipelineView, ids: Map<PipelineNode, string>, nodes: readonly GraphNode[]): GraphEdge[] {
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = edgesOf(view).map((e, index): GraphEdge => {
    // A one-item shorthand edge still shows its one specifier (as the source) rather than nothing at all.
    const lone = e.form === 'shorthand' && e.node.kind === 'seq' && e.node.items.length === 1 ? e.node.items[0] : undefined;
    const from = socketOf(source, view, ids, e.source ?? lone);
    const to = socketOf(source, view, ids, e.target);
    const problems: EdgeProblem[] = [];
    if (from?.key === undefined || to?.key === undefined) problems.push('malformed');
    if (from && from.node === undefined) problems.push('unknown-source');
    if (to && to.node === undefined) problems.push('unknown-target');
    if (from?.type !== undefined && !EDGE_TYPES.includes(from.type)) problems.push('source-type');
    if (to?.type !== undefined && !EDGE_TYPES.includes(to.type)) problems.push('target-type');
    if (from?.node !== undefined && from.node === to?.node) problems.push('self');
    // An edge into an input replaces the node's own input value, or adds to it: the target node's edge-merge-mode.
    const mergeMode = to?.type === 'input' && to.node !== undefined ? (nodes[nodeIndex.get(to.node) ?? -1]?.edgeMergeMode ?? 'replace') : undefined;
    return {
      id: `e${index}`,
      form: e.form,
      ...(from ? { source: from } : {}),
      ...(to ? { target: to } : {}),
      ...(mergeMode !== undefined ? { mergeMode } : {}),
      problems,
      at: located(source, e.node.span),
      findings: [],
    };
  });
  const indexed: { edge: number; link: IndexedEdge }[] = [];
  edges.forEach((e, i) => {
    const from = e.source?.node === undefined ? undefined : nodeIndex.get(e.source.node);
    const to = e.target?.node === undefined ? undefined : nodeIndex.get(e.target.node);
    if (from !== undefined && to !== undefined) indexed.push({ edge: i, link: { from, to } });
  });
  for (const i of edgesOnCycles(nodes.length, indexed.map((x) => x.link))) edges[indexed[i]!.edge]!.problems.push('cycle');
  return edges;
}

function graphParameters(source: SourceFile, view: PipelineView, ids: Map<PipelineNode, string>): GraphParameter[] {
  return pipelineParameters(view).map((p): GraphParameter => {
    const targets = p.all.flatMap((node): GraphParameterTarget[] => {
      const socket = socketOf(source, view, ids, node);
      if (!socket) return [];
      const problems: TargetProblem[] = [];
      if (socket.key === undefined) problems.push('malformed');
      if (socket.node === undefined) problems.push('unknown-node');
      // valohai-yaml accepts any type that starts with "parameter" here (pipeline-parameter-target mirrors it).
      if (socket.type !== undefined && !socket.type.startsWith('parameter')) problems.push('not-parameter');
      return [{ socket, problems }];
    });
    const value = child(p.node, 'default');
    return {
      id: `p${p.index}`,
      name: parameterLabel(p),
      ...(value ? { default: value.kind === 'scalar' && value.style === 'plain' ? display(value.text) : display(value.value) } : {}),
      targets,
      at: located(source, p.node.span),
      ...(p.name ? { nameAt: located(source, p.name.span) } : {}),
      findings: [],
    };
  });
}

/** The graph of every pipeline (and legacy blueprint) of a document, in file order, with the given findings attached. */
export function pipelineGraphs(doc: ValohaiDocument, options: PipelineGraphOptions = {}): PipelineGraph[] {
  const model = options.model ?? buildModel(doc.root);
  const source = doc.source;
  const graphs = pipelineViews(model).map((view): PipelineGraph => {
    const ids = new Map(view.nodes.map((n) => [n, `n${n.index}`]));
    const nodes = view.nodes.map((n) => graphNode(source, model, view, n));
    const keySpan = view.item.kindNode?.keySpan ?? view.item.node.span;
    return {
      name: view.label,
      kind: view.item.kind === 'blueprint' ? 'blueprint' : 'pipeline',
      at: located(source, view.item.node.span),
      keyAt: located(source, keySpan),
      nodes,
      edges: graphEdges(source, view, ids, nodes),
      parameters: graphParameters(source, view, ids),
      findings: [],
    };
  });
  attachFindings(graphs, options.diagnostics ?? []);
  return graphs;
}
