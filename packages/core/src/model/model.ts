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
  /** Every item of a kind with a name, in file order (more than one when the name is defined again). */
  definitions(kind: ItemKind, name: string): readonly Item[];
  /** The names given to items of a kind, each once, in the order they are first defined. */
  names(kind: ItemKind): readonly string[];
  /** True when some name of a kind is given to more than one item. */
  redefined(kind: ItemKind): boolean;
  /** Last definition wins, as in valohai-yaml. */
  step(name: string): Item | undefined;
  task(name: string): Item | undefined;
}

function named(node: YNode | undefined): Named | undefined {
  const s = stringAt(node, 'name');
  return s ? { value: s.value, span: s.span } : undefined;
}

/** What a model answers from: its items, by kind, and by kind and name. */
interface ModelIndex {
  items: Item[];
  byKind: Map<ItemKind, Item[]>;
  byName: Map<ItemKind, Map<string, Item[]>>;
  redefinedKinds: Set<ItemKind>;
}

/** Each model's index, so that a model can be made from the last one (see withReplacedItems). */
const indexes = new WeakMap<ValohaiModel, ModelIndex>();

/**
 * The model item of a list item at `index`. `known`, the items of earlier models by their node, lets an item whose node
 * is the same object at the same place be used again (the incremental linter keeps unedited items' trees), and with it
 * what was worked out from it (pipeline views, declared names).
 */
export function modelItem(node: YNode, index: number, known?: WeakMap<YNode, Item>): Item {
  const before = known?.get(node);
  if (before?.index === index) return before;
  const item: Item = { index, node };
  known?.set(node, item);
  if (node.kind === 'map') {
    const kind = ITEM_KINDS.find((k) => node.entries.has(k));
    if (kind) {
      item.kind = kind;
      item.kindNode = node.entries.get(kind);
      if (item.kindNode?.kind === 'map') item.body = item.kindNode;
      item.name = named(item.body);
    }
  }
  return item;
}

/** The model of a document's tree; `known` as for {@link modelItem}. */
export function buildModel(root: YNode | undefined, known?: WeakMap<YNode, Item>): ValohaiModel {
  const items = itemsOf(root).map((node, index) => modelItem(node, index, known));
  const byKind = new Map<ItemKind, Item[]>();
  for (const item of items) {
    if (!item.kind) continue;
    const list = byKind.get(item.kind);
    if (list) list.push(item);
    else byKind.set(item.kind, [item]);
  }
  const byName = new Map<ItemKind, Map<string, Item[]>>();
  const redefinedKinds = new Set<ItemKind>();
  for (const [kind, list] of byKind) {
    const m = new Map<string, Item[]>();
    for (const item of list) {
      if (!item.name) continue;
      const named = m.get(item.name.value);
      if (named) {
        named.push(item);
        redefinedKinds.add(kind);
      } else m.set(item.name.value, [item]);
    }
    byName.set(kind, m);
  }
  return modelOf({ items, byKind, byName, redefinedKinds });
}

/**
 * The model of `previous`'s document after some items were replaced by items of the same kind and name at the same
 * places (an edit inside an item: every other item, and every answer by kind and name, stays). Undefined when a kind or
 * name differs: build the model again then. The lookups by name are updated in place, so `previous` must not be used
 * afterwards (the incremental linter's results are valid until its next call).
 */
export function withReplacedItems(previous: ValohaiModel, replacements: readonly Item[]): ValohaiModel | undefined {
  const index = indexes.get(previous);
  if (!index) return undefined;
  const items = index.items.slice();
  const byKind = new Map(index.byKind);
  for (const item of replacements) {
    const old = items[item.index];
    if (!old || old.kind !== item.kind || old.name?.value !== item.name?.value) return undefined;
    if (old === item) continue;
    items[item.index] = item;
    if (!item.kind) continue;
    byKind.set(item.kind, byKind.get(item.kind)!.map((i) => (i === old ? item : i)));
    const names = index.byName.get(item.kind)!;
    if (item.name) names.set(item.name.value, names.get(item.name.value)!.map((i) => (i === old ? item : i)));
  }
  return modelOf({ items, byKind, byName: index.byName, redefinedKinds: index.redefinedKinds });
}

function modelOf(index: ModelIndex): ValohaiModel {
  const { items, byKind, byName, redefinedKinds } = index;
  const definitions = (kind: ItemKind, name: string): readonly Item[] => byName.get(kind)?.get(name) ?? [];
  const last = (kind: ItemKind, name: string): Item | undefined => definitions(kind, name).at(-1);
  const names = (kind: ItemKind): readonly string[] => [...(byName.get(kind)?.keys() ?? [])];
  const model: ValohaiModel = {
    items,
    ofKind: (kind) => byKind.get(kind) ?? [],
    last,
    definitions,
    names,
    redefined: (kind) => redefinedKinds.has(kind),
    step: (name) => last('step', name),
    task: (name) => last('task', name),
  };
  indexes.set(model, index);
  return model;
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
    definitions: full.definitions,
    names: full.names,
    redefined: full.redefined,
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

/** Why a document is not a valohai.yaml at all: it has content, but not one item of a kind Valohai knows. */
export interface ForeignShape {
  /** A list of items none of which has a kind key, or a mapping (the top level of valohai.yaml is a list). */
  shape: 'list' | 'mapping';
  /** The keys its items (or the mapping) start with, in file order, without repeats. */
  keys: string[];
  /** Where to report it: the first key. */
  span: Span;
}

/**
 * The shape of a document that defines nothing for Valohai: a non-empty list of mappings none of which has a kind key,
 * or a mapping without one (such as a CI workflow). Undefined for anything a valohai.yaml could be meant to be,
 * including lists with scalar items and mappings with a kind key (the schema reports those).
 */
export function foreignShape(root: YNode | undefined): ForeignShape | undefined {
  const hasKind = (node: YNode): boolean => node.kind === 'map' && ITEM_KINDS.some((k) => node.entries.has(k));
  if (root?.kind === 'map') {
    const first = [...root.entries.values()][0];
    if (!first || hasKind(root)) return undefined;
    return { shape: 'mapping', keys: [...root.entries.keys()], span: first.keySpan ?? root.span };
  }
  const items = itemsOf(root);
  // A file of Valohai items has a kind in its first item: found there, no other item is read (typing re-asks per keystroke).
  if (items.length === 0 || items.some(hasKind) || !items.every((i) => i.kind === 'map')) return undefined;
  const keys = [...new Set(items.flatMap((i) => (i.kind === 'map' ? [...i.entries.keys()].slice(0, 1) : [])))];
  const firstKey = items.flatMap((i) => (i.kind === 'map' ? [...i.entries.values()] : []))[0];
  return { shape: 'list', keys, span: firstKey?.keySpan ?? items[0]!.span };
}
