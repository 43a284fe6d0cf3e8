// Walks the project's JSON Schema of valohai.yaml to the place of a value: follows `$ref`, `allOf` and if/then/else (the
// pipeline-node `type` discrimination, string-or-mapping forms) against what is known about the instance. Rules read the
// type a place expects from it; editors read keys, descriptions and allowed values for completion and hover.
import type { YNode } from '../document/nodes.js';
import { asSchema, valohaiSchema, type SchemaNode } from './schema-node.js';

const ROOT = valohaiSchema;

/** What is known about the value a schema is applied to: enough to decide the schema's `if` conditions. */
export interface Instance {
  type?: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
  /** For mappings: the keys present, with the scalar values that are known. */
  values?: ReadonlyMap<string, unknown>;
  /** The mapping is being written: a missing key may still be added, so `required` cannot fail. */
  partial?: boolean;
}

export function rootSchema(): SchemaNode {
  return ROOT;
}

function resolveRef(ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = ROOT;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return asSchema(node as SchemaNode | undefined);
}

function typeMatches(type: string | string[] | undefined, actual: Instance['type']): boolean | undefined {
  if (type === undefined) return true;
  if (actual === undefined) return undefined;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === actual || (t === 'integer' && actual === 'number'));
}

/** Decides an `if` schema against what is known: true, false, or undefined when it cannot be told. */
export function matches(schema: SchemaNode | boolean | undefined, inst: Instance): boolean | undefined {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  const results: (boolean | undefined)[] = [];
  if (schema.type !== undefined) results.push(typeMatches(schema.type, inst.type));
  if (schema.required) {
    if (inst.type !== undefined && inst.type !== 'object') results.push(true);
    else if (!inst.values) results.push(undefined);
    else if (schema.required.every((k) => inst.values!.has(k))) results.push(true);
    else results.push(inst.partial ? undefined : false);
  }
  if (schema.properties && inst.values) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (!inst.values.has(key)) continue;
      const value = inst.values.get(key);
      const s = asSchema(sub);
      if (!s) continue;
      if ('const' in s) results.push(value === undefined ? undefined : value === s.const);
      else if (s.enum) results.push(value === undefined ? undefined : s.enum.includes(value));
    }
  } else if (schema.properties) results.push(undefined);
  if (schema.not !== undefined) {
    const r = matches(schema.not, inst);
    results.push(r === undefined ? undefined : !r);
  }
  if (results.includes(false)) return false;
  if (results.includes(undefined)) return undefined;
  return true;
}

/** A schema that applies, and whether it surely applies (false for a branch whose condition cannot be decided yet). */
export interface Applied {
  node: SchemaNode;
  certain: boolean;
}

/** Every schema that may apply to an instance: the schemas, their `$ref` targets, `allOf` members and matching branches. */
export function expandApplied(schemas: readonly SchemaNode[], inst: Instance): Applied[] {
  const out: Applied[] = [];
  const visit = (s: SchemaNode | boolean | undefined, certain: boolean, depth: number): void => {
    const node = asSchema(s);
    if (!node || depth > 32) return;
    out.push({ node, certain });
    if (node.$ref) visit(resolveRef(node.$ref), certain, depth + 1);
    for (const a of node.allOf ?? []) visit(a, certain, depth + 1);
    for (const a of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) visit(a, false, depth + 1);
    if (node.if !== undefined) {
      const m = matches(node.if, inst);
      if (m !== false) visit(node.then, certain && m === true, depth + 1);
      if (m !== true) visit(node.else, certain && m === false, depth + 1);
    }
  };
  for (const s of schemas) visit(s, true, 0);
  return out;
}

/** Every schema that may apply to an instance. */
export function expand(schemas: readonly SchemaNode[], inst: Instance): SchemaNode[] {
  return expandApplied(schemas, inst).map((a) => a.node);
}

function isForbidden(s: SchemaNode | boolean): boolean {
  return s === false || (typeof s === 'object' && s.not !== undefined && typeof s.not === 'object' && Object.keys(s.not).length === 0);
}

export interface PropertyInfo {
  name: string;
  /** Every schema given for the property (all apply). */
  schemas: SchemaNode[];
  /** True when a matching branch forbids the key (e.g. `step` next to `task` in a task node). */
  forbidden: boolean;
}

/** The properties a mapping may have, in schema order. */
export function propertiesOf(schemas: readonly SchemaNode[], inst: Instance): Map<string, PropertyInfo> {
  const props = new Map<string, PropertyInfo>();
  for (const { node, certain } of expandApplied(schemas, inst)) {
    for (const [name, sub] of Object.entries(node.properties ?? {})) {
      let info = props.get(name);
      if (!info) {
        info = { name, schemas: [], forbidden: false };
        props.set(name, info);
      }
      if (isForbidden(sub)) info.forbidden ||= certain;
      else if (typeof sub === 'object') info.schemas.push(sub);
    }
  }
  return props;
}

/** The schemas of a mapping's value at `key` (properties, then matching patternProperties, then additionalProperties). */
export function childOfKey(schemas: readonly SchemaNode[], inst: Instance, key: string): SchemaNode[] {
  const info = propertiesOf(schemas, inst).get(key);
  if (info && !info.forbidden && info.schemas.length > 0) return info.schemas;
  const out: SchemaNode[] = [];
  for (const s of expand(schemas, inst)) {
    for (const [pattern, sub] of Object.entries(s.patternProperties ?? {})) {
      try {
        if (new RegExp(pattern, 'u').test(key) && typeof sub === 'object') out.push(sub);
      } catch {
        // An invalid pattern in the schema matches nothing.
      }
    }
    if (typeof s.additionalProperties === 'object') out.push(s.additionalProperties);
  }
  return out;
}

/** The schemas of a list's items. */
export function childOfItem(schemas: readonly SchemaNode[], inst: Instance): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const s of expand(schemas, inst)) if (typeof s.items === 'object') out.push(s.items);
  return out;
}

/** The first description among the schemas (the property's own text comes before its `$ref` target's). */
export function descriptionOf(schemas: readonly SchemaNode[], inst: Instance = {}): string | undefined {
  for (const s of expand(schemas, inst)) if (typeof s.description === 'string') return s.description;
  return undefined;
}

/** The JSON types the schemas allow, if they say. */
export function typesOf(schemas: readonly SchemaNode[], inst: Instance = {}): string[] {
  const out = new Set<string>();
  for (const s of expand(schemas, inst)) {
    if (typeof s.type === 'string') out.add(s.type);
    else if (Array.isArray(s.type)) for (const t of s.type) out.add(t);
  }
  return [...out];
}

/**
 * The JSON types a value may have at these schemas: their `type`s plus the types of their enum and const values
 * (`integer` counted as `number` too). Empty when nothing is said, i.e. any value goes.
 */
export function valueTypesOf(schemas: readonly SchemaNode[], inst: Instance = {}): string[] {
  const out = new Set(typesOf(schemas, inst));
  for (const s of expand(schemas, inst)) {
    for (const v of [...(s.enum ?? []), ...('const' in s ? [s.const] : [])]) out.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v);
  }
  if (out.has('integer')) out.add('number');
  return [...out];
}

/** The values an enum (or boolean) allows, in schema order. */
export function enumValuesOf(schemas: readonly SchemaNode[], inst: Instance = {}): unknown[] {
  const expanded = expand(schemas, inst);
  for (const s of expanded) if (Array.isArray(s.enum)) return s.enum;
  for (const s of expanded) if ('const' in s) return [s.const];
  const types = typesOf(schemas, inst);
  if (types.length === 1 && types[0] === 'boolean') return [true, false];
  return [];
}

/** True when a value at these schemas is a mapping (so its keys can be completed). */
export function isObjectSchema(schemas: readonly SchemaNode[], inst: Instance = { type: 'object' }): boolean {
  return expand(schemas, inst).some((s) => s.type === 'object' || s.properties !== undefined);
}

// --- The schema at a node of a parsed document -------------------------------------------------------------------------

/** What the schema can know about a parsed node, for deciding `if` conditions. */
export function instanceOf(node: YNode): Instance {
  if (node.kind === 'map') {
    const values = new Map<string, unknown>();
    for (const [k, v] of node.entries) values.set(k, v.kind === 'scalar' ? v.value : undefined);
    return { type: 'object', values };
  }
  if (node.kind === 'seq') return { type: 'array' };
  const v = node.value;
  return { type: v === null || v === undefined ? 'null' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string' };
}

/** The schemas describing the last node of a chain of nodes from the root down. */
export function schemasForChain(chain: readonly YNode[]): SchemaNode[] {
  let schemas: SchemaNode[] = [ROOT];
  for (let i = 1; i < chain.length && schemas.length > 0; i++) {
    const parent = chain[i - 1]!;
    const node = chain[i]!;
    if (parent.kind === 'seq') schemas = childOfItem(schemas, instanceOf(parent));
    else if (parent.kind === 'map') schemas = childOfKey(schemas, instanceOf(parent), String(node.key ?? ''));
    else return [];
  }
  return schemas;
}

/** The schemas describing a node of a parsed document (found through its parents). */
export function schemasAt(node: YNode): SchemaNode[] {
  const chain: YNode[] = [];
  for (let n: YNode | undefined = node; n && chain.length <= 1000; n = n.parent) chain.push(n);
  return schemasForChain(chain.reverse());
}
