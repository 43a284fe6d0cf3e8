// Every place a step, task or pipeline node is named in a document: definitions (`name:`) and references (a node's
// `step:`/`task:`, a task's `step:`, the NODE part of `NODE.TYPE.KEY` in edges and pipeline parameter targets).
// Definition, references, rename and completion all read this one index.
import { child, pipelineViews, specifierNodes, type SourceFile, type Span, type ValohaiModel, type YNode } from '@valohai-lint/core';
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

function str(node: YNode | undefined): string | undefined {
  return node && typeof node.value === 'string' ? node.value : undefined;
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
  const views = new Map(pipelineViews(model).map((v) => [v.item, v]));
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
    const view = views.get(item);
    if (!view) continue;
    for (const n of view.nodes) {
      if (n.name) add({ kind: 'node', pipeline: item.index, name: n.name.value }, 'definition', n.name.node);
      if (n.step) add({ kind: 'step', name: n.step.value }, 'reference', n.step.node);
      if (n.task) add({ kind: 'task', name: n.task.value }, 'reference', n.task.node);
    }
    for (const scalar of specifierNodes(view)) {
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
