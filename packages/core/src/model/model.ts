// Typed, tolerant views of a valohai.yaml's items (steps, pipelines, endpoints, tasks, deployments) for the rules.
// Tolerant: a field of the wrong type reads as missing, so one schema error never makes a rule throw or cascade.
import type { Span } from '../source/source-file.js';
import { itemsOf, stringAt, type YNode } from '../document/nodes.js';

/** The kinds of top-level items, in valohai-yaml's parser priority order. */
export const ITEM_KINDS = ['step', 'task', 'endpoint', 'pipeline', 'blueprint', 'deployment'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface Named {
  value: string;
  span: Span;
}

export interface Item {
  index: number;
  /** The list item (a mapping such as `{step: {...}}`). */
  node: YNode;
  /** The kind valohai-yaml parses this item as, if any. */
  kind?: ItemKind;
  /** The mapping under the kind key (`item.step`), when it is a mapping. */
  body?: YNode;
  /** The node under the kind key, whatever its type. */
  kindNode?: YNode;
  name?: Named;
}

export interface ValohaiModel {
  items: Item[];
  ofKind(kind: ItemKind): Item[];
  /** The item of a kind that valohai-yaml keeps under a name: the last definition wins. */
  last(kind: ItemKind, name: string): Item | undefined;
  /** Last definition wins, as in valohai-yaml. */
  step(name: string): Item | undefined;
  task(name: string): Item | undefined;
}

function named(node: YNode | undefined): Named | undefined {
  const s = stringAt(node, 'name');
  return s ? { value: s.value, span: s.span } : undefined;
}

export function buildModel(root: YNode | undefined): ValohaiModel {
  const items: Item[] = [];
  for (const [index, node] of itemsOf(root).entries()) {
    const item: Item = { index, node };
    if (node.kind === 'map') {
      const kind = ITEM_KINDS.find((k) => node.entries.has(k));
      if (kind) {
        item.kind = kind;
        item.kindNode = node.entries.get(kind);
        if (item.kindNode?.kind === 'map') item.body = item.kindNode;
        item.name = named(item.body);
      }
    }
    items.push(item);
  }
  const byKind = new Map<ItemKind, Item[]>();
  for (const item of items) {
    if (!item.kind) continue;
    const list = byKind.get(item.kind);
    if (list) list.push(item);
    else byKind.set(item.kind, [item]);
  }
  const lastByName = new Map<ItemKind, Map<string, Item>>();
  for (const [kind, list] of byKind) {
    const m = new Map<string, Item>();
    for (const item of list) if (item.name) m.set(item.name.value, item);
    lastByName.set(kind, m);
  }
  const last = (kind: ItemKind, name: string): Item | undefined => lastByName.get(kind)?.get(name);
  return {
    items,
    ofKind: (kind) => byKind.get(kind) ?? [],
    last,
    step: (name) => last('step', name),
    task: (name) => last('task', name),
  };
}

/**
 * The model of one item as the rest of the document sees it: only that item is listed, while lookups by name (which
 * definition valohai-yaml keeps) still answer for the whole document. Rules that read one item at a time run on it.
 */
export function itemModel(full: ValohaiModel, item: Item): ValohaiModel {
  const items = [item];
  return {
    items,
    ofKind: (kind) => (item.kind === kind ? items : []),
    last: full.last,
    step: full.step,
    task: full.task,
  };
}

/** The pipeline-like items (`pipeline` and its legacy alias `blueprint`). */
export function pipelines(model: ValohaiModel): Item[] {
  return [...model.ofKind('pipeline'), ...model.ofKind('blueprint')].sort((a, b) => a.index - b.index);
}

/** The display name of an item for messages: its name, or its kind and position. */
export function itemLabel(item: Item): string {
  return item.name?.value ?? `${item.kind ?? 'item'} #${item.index + 1}`;
}
