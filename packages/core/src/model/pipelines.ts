// Tolerant views of pipelines for the pipeline rules: nodes by name, edges and their `NODE.TYPE.KEY` specifiers with
// exact spans, what a node's step resolves to (valohai-yaml's rules: `commit` disables the lookup, last step name wins).
import { child, itemsOf, stringAt, type YNode } from '../document/nodes.js';
import { replaceScalar, subSpan } from '../document/scalar-text.js';
import type { Fix } from '../diagnostic/types.js';
import type { SourceFile, Span } from '../source/source-file.js';
import { itemLabel, pipelines, type Item, type Named, type ValohaiModel } from './model.js';
import { namedEntries, pyTruthy } from './steps.js';

/** Edge socket types valohai-yaml accepts (`valohai_yaml/objs/pipelines/types.py`), in its documentation order. */
export const EDGE_TYPES: readonly string[] = ['output', 'input', 'parameter', 'metadata', 'file', 'deployment', 'environment-variable', 'dependency'];

/** What each edge socket type connects, for hovers and completion. */
export const EDGE_TYPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  output: "the node's output files (a name or a pattern such as model*)",
  input: "an input of the node's step",
  parameter: "a parameter of the node's step",
  metadata: 'a metadata value the node prints',
  file: "a deployment node's endpoint file (ENDPOINT.FILE)",
  deployment: 'a deployment',
  'environment-variable': "an environment variable of the node's step",
  dependency: 'run after the node without passing anything',
};

/** A string-valued entry of a node, with the scalar that holds it (for edits). */
export type NamedNode = Named & { node: YNode };

export interface PipelineNode {
  node: YNode;
  index: number;
  /** The name when it is a string. */
  name?: NamedNode;
  /** `execution`, `task`, `deployment`, or whatever string is written. */
  type?: string;
  step?: NamedNode;
  task?: NamedNode;
  /** The node's `commit` when set (truthy): its step or task comes from another commit, so it is not looked up here. */
  commit?: string;
  /** The `override` mapping, if any. */
  override?: YNode;
}

export interface PipelineView {
  item: Item;
  /** The pipeline's name for messages. */
  label: string;
  nodes: PipelineNode[];
  /** Nodes by name; a later node of the same name wins, as in valohai-yaml's `node_map`. */
  byName: Map<string, PipelineNode>;
  /** Names given to more than one node (pipeline-duplicate-node reports them; other checks should not guess). */
  repeated: Set<string>;
}

/** The display label of a node: its name, or its position. */
export function nodeLabel(n: PipelineNode): string {
  return n.name?.value ?? `#${n.index + 1}`;
}

function nodeView(node: YNode, index: number): PipelineNode {
  const view: PipelineNode = { node, index };
  const name = stringAt(node, 'name');
  if (name) view.name = name;
  const type = stringAt(node, 'type');
  if (type) view.type = type.value;
  const step = stringAt(node, 'step');
  if (step) view.step = step;
  const task = stringAt(node, 'task');
  if (task) view.task = task;
  const commit = child(node, 'commit');
  if (commit && pyTruthy(commit.value)) view.commit = commit.kind === 'scalar' ? commit.text : String(commit.value);
  const override = child(node, 'override');
  if (override?.kind === 'map') view.override = override;
  return view;
}

/** Views by item: an item kept from an earlier lint (see buildModel) keeps its view. */
const viewCache = new WeakMap<Item, PipelineView>();

/** Every `pipeline` and `blueprint` item as a view, in file order. */
export function pipelineViews(model: ValohaiModel): PipelineView[] {
  return pipelines(model).map((item) => {
    let view = viewCache.get(item);
    if (!view) viewCache.set(item, (view = pipelineView(item)));
    return view;
  });
}

function pipelineView(item: Item): PipelineView {
  const nodes = itemsOf(child(item.body, 'nodes')).map((node, index) => nodeView(node, index));
  const byName = new Map<string, PipelineNode>();
  const repeated = new Set<string>();
  for (const n of nodes) {
    if (n.name && byName.has(n.name.value)) repeated.add(n.name.value);
    if (n.name) byName.set(n.name.value, n);
    else {
      // A non-string scalar name (`name: 5`) is the schema's finding; keep it findable so edges do not cascade.
      const raw = child(n.node, 'name');
      if (raw?.kind === 'scalar' && raw.value !== null) byName.set(raw.text, n);
    }
  }
  return { item, label: itemLabel(item), nodes, byName, repeated };
}

// --- Specifiers (`NODE.TYPE.KEY`) -------------------------------------------------------------------------------------

export interface SpecifierPart {
  readonly text: string;
  readonly span: Span;
}

export interface Specifier {
  /** The string node holding the specifier. */
  readonly node: YNode;
  readonly text: string;
  /** The parts after splitting at the first two dots (so 1 to 3 parts; the key may contain dots). */
  readonly parts: readonly SpecifierPart[];
}

/** Splits a string node like valohai-yaml's `split_socket_str` (`str.split('.', 2)`); undefined for non-strings. */
export function parseSpecifier(source: SourceFile, node: YNode | undefined): Specifier | undefined {
  if (!node || typeof node.value !== 'string') return undefined;
  const text = node.value;
  const parts: SpecifierPart[] = [];
  splitSpecifier(text, (start, end) => parts.push(new PartOfSpecifier(text.slice(start, end), node, source.text, start, end)));
  return { node, text, parts };
}

/**
 * A part of a specifier; where it lies in the source is worked out when first asked, as most parts are only compared
 * (the pipeline rules split every edge's ends, and report few of them).
 */
class PartOfSpecifier implements SpecifierPart {
  private placed: Span | undefined;

  constructor(
    readonly text: string,
    private readonly node: YNode,
    private readonly source: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get span(): Span {
    return (this.placed ??= subSpan(this.node, this.source, this.start, this.end));
  }
}

/** The parts of a specifier's text, without their places in the source (cheaper, for checking before reporting). */
export function specifierTexts(text: string): string[] {
  const parts: string[] = [];
  splitSpecifier(text, (start, end) => parts.push(text.slice(start, end)));
  return parts;
}

/** Calls `part` with where each part of a specifier lies in its text: split at the first two dots. */
function splitSpecifier(text: string, part: (start: number, end: number) => void): void {
  let at = 0;
  for (let i = 0; i < 2; i++) {
    const dot = text.indexOf('.', at);
    if (dot < 0) break;
    part(at, dot);
    at = dot + 1;
  }
  part(at, text.length);
}

/**
 * Suggestions that replace part `index` of a specifier with each candidate, in the order given (closest first, as
 * closestMatches gives them), keeping the scalar's quoting; a candidate that cannot be written in place is left out.
 */
export function partSuggestions(source: SourceFile, spec: Specifier, index: number, candidates: readonly string[]): Fix[] {
  const written = spec.parts[index]?.text ?? '';
  return candidates.flatMap((candidate) => {
    const edit = replaceScalar(source, spec.node, withPart(spec, index, candidate));
    return edit ? [{ title: `Replace "${written}" with "${candidate}"`, edits: [edit] }] : [];
  });
}

/** `spec` with part `index` replaced. */
export function withPart(spec: Specifier, index: number, replacement: string): string {
  return spec.parts.map((p, i) => (i === index ? replacement : p.text)).join('.');
}

// --- Edges ------------------------------------------------------------------------------------------------------------

export interface EdgeView {
  node: YNode;
  form: 'shorthand' | 'full';
  /** The source and target nodes, when the edge has that shape (a shorthand list of exactly two items, or a mapping). */
  source?: YNode;
  target?: YNode;
}

export function edgesOf(view: PipelineView): EdgeView[] {
  const edges: EdgeView[] = [];
  for (const node of itemsOf(child(view.item.body, 'edges'))) {
    if (node.kind === 'seq') {
      const e: EdgeView = { node, form: 'shorthand' };
      if (node.items.length === 2) {
        e.source = node.items[0];
        e.target = node.items[1];
      }
      edges.push(e);
    } else if (node.kind === 'map') {
      const e: EdgeView = { node, form: 'full' };
      const source = child(node, 'source');
      const target = child(node, 'target');
      if (source) e.source = source;
      if (target) e.target = target;
      edges.push(e);
    }
  }
  return edges;
}

/**
 * Every string scalar of a pipeline that holds a `NODE.TYPE.KEY` specifier: edge sources and targets (both forms) and
 * pipeline parameter targets, in file order.
 */
export function specifierNodes(view: PipelineView): YNode[] {
  const out: YNode[] = [];
  for (const edge of edgesOf(view)) for (const end of [edge.source, edge.target]) if (end) out.push(end);
  for (const p of pipelineParameters(view)) out.push(...p.all);
  return out.filter((n) => n.kind === 'scalar' && typeof n.value === 'string');
}

// --- Steps ------------------------------------------------------------------------------------------------------------

/** Names declared per step, kept while the step's item lives (one lint): many edges of a file name the same steps. */
const declaredCache = new WeakMap<Item, Partial<Record<'inputs' | 'parameters', readonly string[]>>>();

/** The names a step declares under `inputs` or `parameters` (string names only), in file order, without repeats. */
export function declaredNames(step: Item, key: 'inputs' | 'parameters'): readonly string[] {
  let cached = declaredCache.get(step);
  if (!cached) declaredCache.set(step, (cached = {}));
  return (cached[key] ??= [...new Set(namedEntries(step.body, key).flatMap((e) => (e.name ? [e.name.value] : [])))]);
}

/** Names of the items of a kind, in file order, without repeats. */
export function namesOf(model: ValohaiModel, kind: 'step' | 'task'): readonly string[] {
  return model.names(kind);
}

export type StepResolution =
  /** The node's step is defined in this file (for a task node with `task`, the blueprint's step). */
  | { kind: 'resolved'; step: Item; via: 'step' | 'task'; ref: Named }
  /** The node has `commit`: its step or task comes from another commit and is not looked up. */
  | { kind: 'commit' }
  /** The node names a step or task that is not defined here (reported by pipeline-unknown-step / -task). */
  | { kind: 'unknown' }
  /** The node refers to no step (a deployment node, an unknown type, or a reference of the wrong type). */
  | { kind: 'none' };

/** What the node's step is, by valohai-yaml's rules. A task node with both `step` and `task` uses `step`. */
export function resolveNodeStep(model: ValohaiModel, n: PipelineNode): StepResolution {
  if (n.type !== 'execution' && n.type !== 'task') return { kind: 'none' };
  const ref = n.step ?? (n.type === 'task' ? n.task : undefined);
  if (!ref) return { kind: 'none' };
  if (n.commit !== undefined) return { kind: 'commit' };
  if (n.step) {
    const step = model.step(n.step.value);
    return step ? { kind: 'resolved', step, via: 'step', ref: n.step } : { kind: 'unknown' };
  }
  const task = model.task(ref.value);
  if (!task) return { kind: 'unknown' };
  const stepName = stringAt(task.body, 'step');
  if (!stepName) return { kind: 'none' };
  const step = model.step(stepName.value);
  return step ? { kind: 'resolved', step, via: 'task', ref } : { kind: 'unknown' };
}

/** Where a step is defined, as a related location. */
export function stepDefinition(step: Item): { span: Span; message: string } {
  const name = step.name;
  return name ? { span: name.span, message: `step "${name.value}" is defined here` } : { span: step.node.span, message: 'the step is defined here' };
}

// --- Pipeline parameters ----------------------------------------------------------------------------------------------

export interface PipelineParameterView {
  node: YNode;
  /** Position in the `parameters` list. */
  index: number;
  /** The name when it is a string (the schema reports a missing one). */
  name?: Named;
  /** The `target` entry, if any. */
  target?: YNode;
  /** The `targets` entry, if any. */
  targets?: YNode;
  /** Every target node from `target` and `targets` (a string, or a list's items), whatever their type. */
  all: YNode[];
}

/** The display label of a pipeline parameter: its name, or its position. */
export function parameterLabel(p: PipelineParameterView): string {
  return p.name?.value ?? `#${p.index + 1}`;
}

export function pipelineParameters(view: PipelineView): PipelineParameterView[] {
  return itemsOf(child(view.item.body, 'parameters')).flatMap((node, index) => {
    if (node.kind !== 'map') return [];
    const p: PipelineParameterView = { node, index, all: [] };
    const name = stringAt(node, 'name');
    if (name) p.name = { value: name.value, span: name.span };
    const target = child(node, 'target');
    const targets = child(node, 'targets');
    if (target) {
      p.target = target;
      p.all.push(target);
    }
    if (targets) {
      p.targets = targets;
      if (targets.kind === 'seq') p.all.push(...targets.items);
      else p.all.push(targets);
    }
    return [p];
  });
}

/** A node whose name contains dots and which the specifier text seems to mean (`train.v2.input.x` for node `train.v2`). */
export function dottedNodeMeant(view: PipelineView, specifier: string): string | undefined {
  let best: string | undefined;
  for (const name of view.byName.keys()) {
    if (name.includes('.') && specifier.startsWith(`${name}.`) && (best === undefined || name.length > best.length)) best = name;
  }
  return best;
}

// --- Uses of a node's step, and duplicate step names ------------------------------------------------------------------

/** Something a node takes from its step by name: an input or parameter named by its override, an edge or a target. */
export interface StepUse {
  kind: 'input' | 'parameter';
  name: string;
  /** Where the name is written. */
  span: Span;
}

/** What a node uses of its step: override inputs and parameters, edge keys into it, pipeline parameter targets. */
export function nodeStepUses(source: SourceFile, view: PipelineView, n: PipelineNode): StepUse[] {
  const uses: StepUse[] = [];
  for (const [key, kind] of [['inputs', 'input'], ['parameters', 'parameter']] as const) {
    for (const entry of itemsOf(child(n.override, key))) {
      const name = stringAt(entry, 'name');
      if (name) uses.push({ kind, name: name.value, span: name.span });
    }
  }
  const name = n.name?.value;
  if (name === undefined || view.repeated.has(name)) return uses;
  const specifiers = [...edgesOf(view).flatMap((e) => [e.source, e.target]), ...pipelineParameters(view).flatMap((p) => p.all)];
  for (const node of specifiers) {
    const [nodePart, typePart, keyPart] = parseSpecifier(source, node)?.parts ?? [];
    if (nodePart?.text !== name || !typePart || !keyPart || /[*?]/.test(keyPart.text)) continue;
    if (typePart.text === 'input' || typePart.text === 'parameter') uses.push({ kind: typePart.text, name: keyPart.text, span: keyPart.span });
  }
  return uses;
}

/** Every definition of a step name, in file order (valohai-yaml keeps only the last). */
export function stepDefinitions(model: ValohaiModel, name: string): readonly Item[] {
  return model.definitions('step', name);
}

/**
 * Whether an earlier definition of `step`'s name declares what `use` names while `step` (the one that takes effect)
 * does not: the use was written for the replaced definition, so the duplicate name is the cause, not the use.
 */
export function onlyReplacedHas(model: ValohaiModel, step: Item, use: { kind: StepUse['kind']; name: string }): boolean {
  if (!step.name) return false;
  const key = use.kind === 'input' ? 'inputs' : 'parameters';
  if (declaredNames(step, key).includes(use.name)) return false;
  return stepDefinitions(model, step.name.value).some((d) => d !== step && declaredNames(d, key).includes(use.name));
}

/** A node that relies on a replaced definition of its step: the uses only an earlier definition of the name declares. */
export interface ReplacedStepUse {
  view: PipelineView;
  node: PipelineNode;
  /** The definition that takes effect (the last of the name). */
  step: Item;
  uses: StepUse[];
}

/** The nodes whose uses only a replaced (earlier) definition of their duplicated step name satisfies. */
export function replacedStepUses(model: ValohaiModel, views: readonly PipelineView[], source: SourceFile): ReplacedStepUse[] {
  const out: ReplacedStepUse[] = [];
  // Only a step name defined twice has a replaced definition (most files have none: no node needs looking at).
  if (!model.redefined('step')) return out;
  for (const view of views) {
    for (const n of view.nodes) {
      const resolved = resolveNodeStep(model, n);
      if (resolved.kind !== 'resolved' || resolved.via !== 'step' || stepDefinitions(model, resolved.step.name?.value ?? '').length < 2) continue;
      const uses = nodeStepUses(source, view, n).filter((u) => onlyReplacedHas(model, resolved.step, u));
      if (uses.length > 0) out.push({ view, node: n, step: resolved.step, uses });
    }
  }
  return out;
}
