// What a pipeline's checks read of the items it refers to, beyond their kinds and names: each step's declared input and
// parameter names (an edge or a pipeline parameter names one), and each task's step (a task node runs it). Rules that
// read an item at a time may read these from pipeline items; the incremental linter keeps their findings on pipelines
// while these facts stay the same, so that typing elsewhere in a step (a command, a default) checks no pipeline again.
import { stringAt } from '../document/nodes.js';
import type { Item, ItemKind, ValohaiModel } from './model.js';
import { declaredNames } from './pipelines.js';

/** The kinds of items whose item rules may read the facts of other items. */
export const READS_CROSS_ITEM_FACTS: ReadonlySet<ItemKind | undefined> = new Set(['pipeline', 'blueprint']);

/** One item's facts as a string: equal strings, equal facts (JSON, so that no name can pass for two). */
export function itemFacts(item: Item): string {
  if (item.kind === 'step') return JSON.stringify([declaredNames(item, 'inputs'), declaredNames(item, 'parameters')]);
  if (item.kind === 'task') {
    const step = stringAt(item.body, 'step');
    return step ? JSON.stringify(step.value) : '';
  }
  return '';
}

/** Every item's facts, in order. */
export function modelFacts(model: ValohaiModel): string {
  return JSON.stringify(model.items.map(itemFacts));
}
