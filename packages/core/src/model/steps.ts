// Tolerant views of steps, tasks and step parameters for the step/task rules, plus the few Python semantics
// (truthiness, equality, int()/float() of a value) that valohai-yaml's parameter checks depend on.
// Facts: valohai-yaml's objs/config.py (later definitions replace earlier ones), objs/parameter.py and lint.py
// (parameters).
import { child, type YNode } from '../document/nodes.js';
import { Timestamp } from '../document/scalars.js';
import type { Item, ItemKind, Named, ValohaiModel } from './model.js';
import { display } from '../util/text.js';

/** Items of one kind that valohai-yaml keeps: a later item with the same name replaces an earlier one. */
export function effectiveItems(model: ValohaiModel, kind: ItemKind): Item[] {
  return model.ofKind(kind).filter((i) => i.body && (!i.name || model.last(kind, i.name.value) === i));
}

/** A mapping item of a named list (parameters, inputs, outputs, environment variables). */
export interface NamedEntry {
  node: YNode;
  name?: Named;
}

/** The mapping items of a list-valued key, in file order; other items (wrong type) are skipped. */
export function namedEntries(body: YNode | undefined, key: string): readonly NamedEntry[] {
  const list = child(body, key);
  if (list?.kind !== 'seq') return [];
  // Kept per list node: many rules ask for the same step's parameters or inputs. A tree never changes once parsed (an
  // edit gives the item a new one; one moved in place keeps its span objects, which the entries share).
  let out = namedByList.get(list);
  if (out) return out;
  out = [];
  const items = list.items;
  for (let i = 0; i < items.length; i++) {
    const node = items[i]!;
    if (node.kind !== 'map') continue;
    const n = child(node, 'name');
    out.push(n && typeof n.value === 'string' ? { node, name: { value: n.value, span: n.span } } : { node });
  }
  namedByList.set(list, out);
  return out;
}

const namedByList = new WeakMap<YNode, NamedEntry[]>();
const effectiveByList = new WeakMap<YNode, readonly NamedEntry[]>();

/** The entries valohai-yaml keeps (it stores them in a dict by name, so the last of a repeated name wins). */
export function effectiveEntries(body: YNode | undefined, key: string): readonly NamedEntry[] {
  const list = child(body, key);
  if (list?.kind !== 'seq') return [];
  let out = effectiveByList.get(list);
  if (out) return out;
  const all = namedEntries(body, key);
  const last = new Map<string, NamedEntry>();
  for (let i = 0; i < all.length; i++) {
    const e = all[i]!;
    if (e.name) last.set(e.name.value, e);
  }
  // Usually no name repeats, and the list is kept as it is.
  out = last.size === all.length ? all : all.filter((e) => !e.name || last.get(e.name.value) === e);
  effectiveByList.set(list, out);
  return out;
}

/** Task types, as valohai-yaml spells them after normalizing (its objs/task.py `TaskType`). */
export const TASK_TYPES = ['grid_search', 'random_search', 'manual_search', 'bayesian_tpe', 'distributed'] as const;

/** The task type valohai-yaml reads: `grid_search` when missing or empty, undefined when unknown. */
export function normalizedTaskType(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return 'grid_search';
  const t = raw.toLowerCase().replace(/-/g, '_');
  return (TASK_TYPES as readonly string[]).includes(t) ? t : undefined;
}

export const PARAMETER_TYPES = ['string', 'integer', 'float', 'flag'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/**
 * A parameter's type: `string` when `type` is missing; undefined when `type` is written but is not one of the four
 * types (a wrong value or a value of the wrong type: the schema rules report it, and type-based checks would only guess).
 */
export function parameterType(param: YNode): ParameterType | undefined {
  const t = child(param, 'type');
  if (!t) return 'string';
  return typeof t.value === 'string' && (PARAMETER_TYPES as readonly string[]).includes(t.value) ? (t.value as ParameterType) : undefined;
}

/** True when `type` is written as a string (so a message may say "the type is …" rather than "the default type"). */
export function hasExplicitType(param: YNode): boolean {
  return typeof child(param, 'type')?.value === 'string';
}

/** True when `multiple` asks for several values (`repeat` or `separate`; valohai-yaml lower-cases it first). */
export function isMultiple(param: YNode): boolean {
  const m = child(param, 'multiple')?.value;
  return typeof m === 'string' && (m.toLowerCase() === 'repeat' || m.toLowerCase() === 'separate');
}

/** A number written as `min`/`max` (booleans and strings read as missing). */
export function numberAt(node: YNode | undefined, key: string): { value: number; node: YNode } | undefined {
  const c = child(node, key);
  return c && typeof c.value === 'number' ? { value: c.value, node: c } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Python semantics

/** Python's truthiness of a loaded value. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0; // NaN is truthy in Python too
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Timestamp) return true;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** A Timestamp as milliseconds and whether it carries a time zone, for Python-style equality. */
function timestampKey(t: Timestamp): { ms: number; aware: boolean } | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d*))?(?:[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/.exec(t.text);
  if (!m) return undefined;
  const frac = Number(`0.${m[7] ?? '0'}`) * 1000;
  let ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + Math.floor(frac);
  const tz = m[8];
  if (tz && tz !== 'Z') {
    const [h, min] = tz.slice(1).split(':');
    const offset = (Number(h) * 60 + Number(min ?? 0)) * 60_000;
    ms -= tz.startsWith('-') ? -offset : offset;
  }
  return { ms, aware: tz !== undefined };
}

/** Python `a == b` for loaded YAML values (`1 == 1.0 == True`, `"1" != 1`, dates by value). */
export function pyEquals(a: unknown, b: unknown): boolean {
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : undefined);
  const na = num(a);
  const nb = num(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && nb !== undefined && na === nb;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a instanceof Timestamp || b instanceof Timestamp) {
    if (!(a instanceof Timestamp && b instanceof Timestamp)) return false;
    if (a.dateOnly !== b.dateOnly) return false; // a date never equals a datetime in Python
    if (a.text === b.text) return true;
    const ka = timestampKey(a);
    const kb = timestampKey(b);
    return !!ka && !!kb && ka.aware === kb.aware && ka.ms === kb.ms;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) return false;
    return a.every((x, i) => pyEquals(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    const ob = b as Record<string, unknown>;
    return ka.every((k) => Object.hasOwn(ob, k) && pyEquals((a as Record<string, unknown>)[k], ob[k]));
  }
  return false;
}

/** The number Python compares a value as (`<`, `>`), or undefined when Python would raise TypeError against a number. */
export function pyNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

/** True when a scalar node is a Python float (YAML 1.1 floats always have a dot: `2.5`, `1.0e+3`, `.inf`, `1:30.5`). */
export function isPyFloat(node: YNode): boolean {
  if (node.kind !== 'scalar' || typeof node.value !== 'number') return false;
  return !Number.isInteger(node.value) || (node.style === 'plain' && node.text.includes('.'));
}

// Python's str.isspace() characters, which int() and float() strip.
const WS = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const DIGITS = '\\p{Nd}(?:_?\\p{Nd})*';
const PY_INT = new RegExp(`^${WS}*[+-]?${DIGITS}${WS}*$`, 'u');
const PY_FLOAT = new RegExp(`^${WS}*[+-]?(?:(?:${DIGITS}\\.(?:${DIGITS})?|\\.${DIGITS}|${DIGITS})(?:[eE][+-]?${DIGITS})?|inf|infinity|nan)${WS}*$`, 'iu');

/** Whether Python's `int(str(x), 10)` accepts the value of a node. */
export function pyIntAccepts(node: YNode): boolean {
  const v = node.value;
  if (typeof v === 'number') return !isPyFloat(node);
  if (typeof v === 'string') return PY_INT.test(v);
  return false; // bools ("True"), None, dates, lists and mappings
}

/** Whether Python's `float(str(x))` accepts the value of a node. */
export function pyFloatAccepts(node: YNode): boolean {
  const v = node.value;
  if (typeof v === 'number') return true;
  if (typeof v === 'string') return PY_FLOAT.test(v);
  return false;
}

/** The number a numeric string converts to with Python's int()/float(), or undefined. */
export function pyNumericString(value: string, type: 'integer' | 'float'): number | undefined {
  if (!(type === 'integer' ? PY_INT : PY_FLOAT).test(value)) return undefined;
  const clean = value.trim().replace(/_/g, '').toLowerCase();
  if (/^[+-]?inf(inity)?$/.test(clean)) return clean.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(clean)) return NaN;
  if (/[^\x20-\x7e]/.test(clean)) return undefined; // non-ASCII digits: valid for Python, not worth converting here
  const n = Number(clean);
  return Number.isNaN(n) ? undefined : n;
}

/** How a value is shown in a message: plain scalars as written, other values as compact text (both truncated). */
export function shownValue(node: YNode): string {
  return node.kind === 'scalar' && node.style === 'plain' ? display(node.text) : display(node.value);
}

/** A value as a message names it: text in double quotes, numbers, booleans and dates as written (`not 80`, `"abc"`). */
export function quotedShown(node: YNode): string {
  return typeof node.value === 'string' ? `"${shownValue(node)}"` : shownValue(node);
}
