// Every place a step, task or pipeline node is named in a document: definitions (`name:`) and references (a node's
// `step:`/`task:`, a task's `step:`, the NODE part of `NODE.TYPE.KEY` in edges and pipeline parameter targets).
// Definition, references, rename and completion all read this one index.
import { child, itemsOf, type Item, type SourceFile, type Span, type ValohaiModel, type YNode } from '@valohai-lint/core';
import { innerSpan, within } from './tree.js';

/** What a name denotes: a step or task (document-wide) or a node (within one pipeline, by the pipeline's item index). */
export type Target = { kind: 'step'; name: string } | { kind: 'task'; name: string } | { kind: 'node'; pipeline: number; name: string };

export interface Occurrence {
  target: Target;
  role: 'definition' | 'reference';
  /** The string scalar holding the name. */
  scalar: YNode;
  /** The name's own characters when they can be told exactly, else the whole scalar. */
  span: Span;
  exact: boolean;
  /** For `NODE.TYPE.KEY` specifiers: the whole specifier (the name is its first part). */
  specifier?: string;
}

export function sameTarget(a: Target, b: Target): boolean {
  return a.kind === b.kind && a.name === b.name && (a.kind !== 'node' || (b.kind === 'node' && a.pipeline === b.pipeline));
}

/** A pipeline node with the names it refers to. */
export interface NodeView {
  node: YNode;
  name?: string;
  type?: string;
  step?: string;
  task?: string;
}

function str(node: YNode | undefined): string | undefined {
  return node && typeof node.value === 'string' ? node.value : undefined;
}

export function pipelineItems(model: ValohaiModel): Item[] {
  return model.items.filter((i) => i.kind === 'pipeline' || i.kind === 'blueprint');
}

export function nodesOf(item: Item): NodeView[] {
  return itemsOf(child(item.body, 'nodes')).map((node) => {
    const view: NodeView = { node };
    const name = str(child(node, 'name'));
    if (name !== undefined) view.name = name;
    const type = str(child(node, 'type'));
    if (type !== undefined) view.type = type;
    const step = str(child(node, 'step'));
    if (step !== undefined) view.step = step;
    const task = str(child(node, 'task'));
    if (task !== undefined) view.task = task;
    return view;
  });
}

/** The step a node runs: its `step`, or its task's `step` (the last definition of a name wins, as in valohai-yaml). */
export function stepOfNode(model: ValohaiModel, n: NodeView): Item | undefined {
  if (n.step !== undefined) return model.step(n.step);
  if (n.task !== undefined) {
    const s = str(child(model.task(n.task)?.body, 'step'));
    return s === undefined ? undefined : model.step(s);
  }
  return undefined;
}

/** The string scalars of a pipeline's edges (both forms) and parameter targets, which hold `NODE.TYPE.KEY`. */
export function specifierScalars(item: Item): YNode[] {
  const out: YNode[] = [];
  for (const edge of itemsOf(child(item.body, 'edges'))) {
    if (edge.kind === 'seq') out.push(...edge.items);
    else if (edge.kind === 'map') for (const k of ['source', 'target']) out.push(...[child(edge, k)].filter((n): n is YNode => n !== undefined));
  }
  for (const p of itemsOf(child(item.body, 'parameters'))) {
    const target = child(p, 'target');
    if (target) out.push(target);
    const targets = child(p, 'targets');
    if (targets?.kind === 'seq') out.push(...targets.items);
    else if (targets) out.push(targets);
  }
  return out.filter((n) => n.kind === 'scalar' && typeof n.value === 'string');
}

export function occurrences(model: ValohaiModel, source: SourceFile): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (target: Target, role: Occurrence['role'], scalar: YNode | undefined, from?: number, to?: number, specifier?: string): void => {
    if (!scalar || scalar.kind !== 'scalar' || typeof scalar.value !== 'string') return;
    // An alias (`*name`) is not where the name is written.
    if (source.text[scalar.span.start] === '*') return;
    const exact = innerSpan(source, scalar, from, to);
    const o: Occurrence = { target, role, scalar, span: exact ?? scalar.span, exact: exact !== undefined };
    if (specifier !== undefined) o.specifier = specifier;
    out.push(o);
  };
  for (const item of model.items) {
    const nameNode = child(item.body, 'name');
    const name = str(nameNode);
    if (item.kind === 'step' && name !== undefined) add({ kind: 'step', name }, 'definition', nameNode);
    if (item.kind === 'task') {
      if (name !== undefined) add({ kind: 'task', name }, 'definition', nameNode);
      const step = child(item.body, 'step');
      const s = str(step);
      if (s !== undefined) add({ kind: 'step', name: s }, 'reference', step);
    }
    if (item.kind !== 'pipeline' && item.kind !== 'blueprint') continue;
    for (const n of nodesOf(item)) {
      if (n.name !== undefined) add({ kind: 'node', pipeline: item.index, name: n.name }, 'definition', child(n.node, 'name'));
      if (n.step !== undefined) add({ kind: 'step', name: n.step }, 'reference', child(n.node, 'step'));
      if (n.task !== undefined) add({ kind: 'task', name: n.task }, 'reference', child(n.node, 'task'));
    }
    for (const scalar of specifierScalars(item)) {
      const text = scalar.value as string;
      const dot = text.indexOf('.');
      if (dot <= 0) continue;
      add({ kind: 'node', pipeline: item.index, name: text.slice(0, dot) }, 'reference', scalar, 0, dot, text);
    }
  }
  return out;
}

/** The occurrence under an offset. */
export function occurrenceAt(all: readonly Occurrence[], offset: number): Occurrence | undefined {
  return all.find((o) => within(o.span, offset));
}

/** The definitions of a target: for steps and tasks the last one wins (valohai-yaml replaces earlier ones). */
export function definitionsOf(all: readonly Occurrence[], target: Target): Occurrence[] {
  return all.filter((o) => o.role === 'definition' && sameTarget(o.target, target));
}
