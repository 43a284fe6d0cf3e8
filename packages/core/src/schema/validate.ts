// Validates a document against the project's JSON Schema of valohai.yaml (ajv, draft 2020-12) and turns every ajv error
// into one finding with an exact span, a plain sentence and suggestions. The schema-* rules share these findings.
import type { ErrorObject } from 'ajv';
// The validator, precompiled from valohai.schema.json by scripts/gen-schema-validator.mjs (ajv standalone code), so no
// process compiles the schema at start-up. Its ajv options live in ajv-options.json.
import { validate as compiledValidate } from './compiled-validator.js';
import type { ValohaiDocument } from '../document/document.js';
import { child, type YNode } from '../document/nodes.js';
import { Timestamp } from '../document/scalars.js';
import type { Fix } from '../diagnostic/types.js';
import type { SourceFile, Span } from '../source/source-file.js';
import { closestMatches } from '../util/did-you-mean.js';
import { display, quotedList, wordList } from '../util/text.js';
import { dedentedKey } from './dedented-key.js';
import { asSchema, type SchemaNode } from './schema-node.js';

/** Which rule reports a finding. */
export type SchemaCategory = 'unknownKey' | 'missingKey' | 'type' | 'enum' | 'value' | 'exclusive';

/** The message ids each category uses; the rules' `meta.messages` define exactly these. */
export interface SchemaMessageIds {
  unknownKey: 'unknownKey';
  missingKey: 'missingKey' | 'missingKeys';
  type: 'wrongType' | 'noValue' | 'rootType' | 'rootEmpty';
  enum: 'notAllowed';
  value: 'custom' | 'pattern' | 'tooSmall' | 'tooLarge' | 'tooLong' | 'tooShort' | 'tooManyItems' | 'tooFewItems' | 'invalid';
  exclusive: 'custom';
}

interface FindingBase<C extends SchemaCategory> {
  category: C;
  messageId: SchemaMessageIds[C];
  data: Record<string, string>;
  span: Span;
  /** Where the problem is in the loaded document (keys and list indices), as ajv's instance path says. */
  path: (string | number)[];
  /** The node the problem is about: the value, or the mapping that lacks or has too many keys. */
  node: YNode | undefined;
  suggestions?: Fix[];
}

export type SchemaFinding = { [C in SchemaCategory]: FindingBase<C> }[SchemaCategory];

/**
 * Every schema finding of a document (the analysis context keeps the result for its run), or of its top-level item
 * `onlyItem` alone: the items schema is the same for every item, so validating `[item]` finds exactly what validating
 * the whole list finds at that item, once its index is put back.
 */
export function schemaFindings(doc: ValohaiDocument, onlyItem?: number): readonly SchemaFinding[] {
  return computeFindings(doc, onlyItem);
}

/** The findings of one category. */
export function schemaFindingsOf<C extends SchemaCategory>(findings: readonly SchemaFinding[], category: C): FindingBase<C>[] {
  return findings.filter((f): f is FindingBase<C> & SchemaFinding => f.category === category) as FindingBase<C>[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Data preparation

/** Stands for a YAML date: not a string, number or mapping, exactly as PyYAML's date objects fail jsonschema types. */
const DATE = Symbol('date');

/**
 * Builds the value ajv validates from the node tree: the loaded value (mappings with the winning duplicate keys and
 * merged keys), with dates replaced by a marker that fails every `type`. A shared (aliased) subtree is converted at each
 * place it appears; the parser's alias budget bounds what that adds.
 */
function validatable(node: YNode): unknown {
  if (node.kind === 'scalar') return node.value instanceof Timestamp ? DATE : node.value;
  // Index loops and Map#forEach: this runs once per node of every file, mostly before V8 has optimized it, when for-of
  // and destructuring allocate an iterator result (and an entry pair) per step.
  if (node.kind === 'seq') {
    const items = node.items;
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i++) out[i] = validatable(items[i]!);
    return out;
  }
  const out: Record<string, unknown> = {};
  node.entries.forEach((value, key) => {
    // Assigned, "__proto__" would set the prototype; defined, it stays an ordinary own key. Every other key is assigned
    // (the same own property, and far cheaper on a cold run than defineProperty).
    if (key === '__proto__') Object.defineProperty(out, key, { value: validatable(value), enumerable: true, writable: true, configurable: true });
    else out[key] = validatable(value);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Paths and spans

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Located {
  /** The node at the path, or the deepest node that exists on it. */
  node: YNode | undefined;
  path: (string | number)[];
}

function locate(root: YNode | undefined, segments: readonly string[]): Located {
  let node = root;
  const path: (string | number)[] = [];
  for (const s of segments) {
    if (!node) break;
    if (node.kind === 'map') {
      const next = node.entries.get(s);
      if (!next) break;
      node = next;
      path.push(s);
    } else if (node.kind === 'seq') {
      const next = node.items[Number(s)];
      if (!next) break;
      node = next;
      path.push(Number(s));
    } else break;
  }
  return { node, path };
}

/** The span of a value; for a value that is not written at all (`key:` with nothing after it), its key. */
function valueSpan(node: YNode | undefined): Span {
  if (!node) return { start: 0, end: 0 };
  if (node.span.start === node.span.end && node.keySpan) return node.keySpan;
  return node.span;
}

/** The span that stands for a whole mapping: its key, or for a list item the item itself. */
function ownerSpan(node: YNode | undefined): Span {
  if (!node) return { start: 0, end: 0 };
  return node.keySpan ?? node.span;
}

// ---------------------------------------------------------------------------------------------------------------------
// Wording

/** How a value is named as the subject of a sentence: `"name"`, `Item 2 of "command"`, `Top-level item 3`. */
function subjectOf(path: readonly (string | number)[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'The file';
  if (typeof last === 'string') return `"${last}"`;
  const parent = path[path.length - 2];
  if (parent === undefined) return `Top-level item ${last + 1}`;
  return typeof parent === 'string' ? `Item ${last + 1} of "${parent}"` : `Item ${last + 1}`;
}

/** `step "train"`, `parameter "lr"`, or the key when the schema has no title. */
function whereOf(schema: SchemaNode | undefined, node: YNode | undefined, path: readonly (string | number)[]): string {
  const title = schema?.title;
  const name = child(node, 'name')?.value;
  const named = typeof name === 'string' ? ` "${name}"` : '';
  if (title) return `${title}${named}`;
  const last = path[path.length - 1];
  return last === undefined ? 'the file' : `"${String(last)}"${named}`;
}

function nameSuffix(node: YNode | undefined): string {
  const name = child(node, 'name')?.value;
  return typeof name === 'string' ? ` "${name}"` : '';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  null: 'empty',
};

function expectedText(schema: SchemaNode | undefined, types: readonly string[]): string {
  const custom = schema?.['x-expected'];
  if (custom) return custom;
  const words = types.map((t) => {
    if (t !== 'array') return TYPE_WORDS[t] ?? t;
    const itemType = asSchema(schema?.items)?.type;
    if (typeof itemType === 'string' && itemType !== 'array' && TYPE_WORDS[itemType]) return `a list of ${itemType === 'object' ? 'mappings' : `${itemType}s`}`;
    return 'a list';
  });
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function actualText(value: unknown, types: readonly string[]): string {
  if (value === null || value === undefined) return 'empty';
  if (value instanceof Timestamp) return value.dateOnly ? 'a date' : 'a date and time';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number') return !Number.isInteger(value) && types.includes('integer') && !types.includes('number') ? 'a fractional number' : 'a number';
  if (typeof value === 'string') return 'a string';
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** An allowed enum value as it is written in YAML: strings quoted, booleans and numbers bare. */
function writtenValue(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

/** The allowed values as a list: `"a"`, `"a", "b" or "c"`, or the first eight and how many more there are. */
function allowedText(values: readonly unknown[]): string {
  return wordList(values.map(writtenValue), 'or', 8);
}

/** A value as a message names it: text in double quotes, numbers and booleans as they are (`at least 1025, not 80`). */
function quotedValue(value: unknown): string {
  return typeof value === 'string' ? `"${display(value)}"` : display(value);
}

/** A valid value derived from an invalid one, by the schema's `x-rewrite` recipe, when one can be derived. */
function rewritten(schema: SchemaNode | undefined, value: unknown): string | undefined {
  if (schema?.['x-rewrite'] !== 'slug' || typeof value !== 'string') return undefined;
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  return slug !== value && (!pattern || pattern.test(slug)) ? slug : undefined;
}

function fillMessage(template: string, node: YNode | undefined, owner: YNode | undefined, path: readonly (string | number)[], rewrite?: string): string {
  return template
    .replace(/\{value\}/g, () => display(node?.value))
    .replace(/\{key\}/g, () => String(path[path.length - 1] ?? ''))
    .replace(/\{name\}/g, () => nameSuffix(owner))
    .replace(/\{rewrite\}/g, () => (rewrite === undefined ? '' : `; write "${rewrite}"`));
}

// ---------------------------------------------------------------------------------------------------------------------
// Mapping

interface RawError {
  error: ErrorObject;
  segments: string[];
  parent: SchemaNode | undefined;
}

const VALUE_KEYWORDS: Record<string, SchemaMessageIds['value']> = {
  pattern: 'pattern',
  minimum: 'tooSmall',
  exclusiveMinimum: 'tooSmall',
  maximum: 'tooLarge',
  exclusiveMaximum: 'tooLarge',
  maxLength: 'tooLong',
  minLength: 'tooShort',
  maxItems: 'tooManyItems',
  minItems: 'tooFewItems',
};

function computeFindings(doc: ValohaiDocument, onlyItem: number | undefined): SchemaFinding[] {
  if (doc.hasSyntaxErrors) return [];
  const root = doc.root;
  const item = onlyItem === undefined ? undefined : root?.kind === 'seq' ? root.items[onlyItem] : undefined;
  if (onlyItem !== undefined && !item) return [];
  const data = item ? [validatable(item)] : root ? validatable(root) : null;
  compiledValidate(data);
  const raw: RawError[] = (compiledValidate.errors ?? [])
    // An `if` error only says "the then-branch failed"; that branch's own errors are the real ones.
    .filter((e) => e.keyword !== 'if')
    .map((e) => (item && onlyItem !== undefined ? { ...e, instancePath: e.instancePath.replace(/^\/0(?=\/|$)/, `/${onlyItem}`) } : e))
    .map((e) => ({ error: e, segments: decodePointer(e.instancePath), parent: e.parentSchema as SchemaNode | undefined }));

  // One problem per value: a value of the wrong type is only reported as such; an enum error makes a const one redundant.
  // The keywords that failed at each path, so that a mapping with thousands of unknown keys is not searched per error.
  const keywordsAt = new Map<string, Set<string>>();
  for (const r of raw) {
    const keywords = keywordsAt.get(r.error.instancePath);
    if (keywords) keywords.add(r.error.keyword);
    else keywordsAt.set(r.error.instancePath, new Set([r.error.keyword]));
  }
  const kept = raw.filter((r) => {
    const siblings = keywordsAt.get(r.error.instancePath);
    if (r.error.keyword !== 'type' && siblings?.has('type')) return false;
    if (r.error.keyword === 'const' && siblings?.has('enum')) return false;
    return true;
  });

  const findings: SchemaFinding[] = [];
  const missing = new Map<string, { keys: string[]; finding: FindingBase<'missingKey'> }>();
  for (const r of kept) {
    const finding = toFinding(r, root, doc.source);
    if (!finding) continue;
    if (finding.category === 'missingKey' && finding.messageId === 'missingKey') {
      // Several missing keys of one mapping make one finding.
      const key = r.error.instancePath;
      const group = missing.get(key);
      const name = (r.error.params as { missingProperty: string }).missingProperty;
      if (group) {
        if (!group.keys.includes(name)) group.keys.push(name);
        continue;
      }
      missing.set(key, { keys: [name], finding });
    }
    findings.push(finding);
  }
  for (const { keys, finding } of missing.values()) {
    if (keys.length > 1) {
      finding.messageId = 'missingKeys';
      finding.data = { keys: quotedList(keys), where: finding.data['where'] ?? '' };
    }
  }

  // A misspelt required key is one problem: the unknown key's rename fixes the missing one, so only the former is reported.
  const renamedTo = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.category === 'unknownKey' && f.data['best']) {
      const k = JSON.stringify(f.path.slice(0, -1));
      const keys = renamedTo.get(k);
      if (keys) keys.add(f.data['best']);
      else renamedTo.set(k, new Set([f.data['best']]));
    }
  }
  const result: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.category === 'missingKey') {
      const fixedBy = renamedTo.get(JSON.stringify(f.path));
      if (fixedBy) {
        const keys = missing.get(pointerOf(f.path))?.keys ?? [];
        const left = keys.filter((k) => !fixedBy.has(k));
        if (left.length === 0) continue;
        if (left.length !== keys.length) {
          f.messageId = left.length === 1 ? 'missingKey' : 'missingKeys';
          f.data = left.length === 1 ? { key: left[0]!, where: f.data['where'] ?? '' } : { keys: quotedList(left), where: f.data['where'] ?? '' };
        }
      }
    }
    const identity = `${f.category}|${f.messageId}|${f.span.start}|${f.span.end}|${JSON.stringify(f.data)}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    delete f.data['best'];
    result.push(f);
  }
  return result.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function toFinding(r: RawError, root: YNode | undefined, source: SourceFile): SchemaFinding | undefined {
  const { error, parent } = r;
  const at = locate(root, r.segments);
  const { node, path } = at;
  const custom = parent?.['x-message'];
  const exclusive = parent?.['x-category'] === 'exclusive';
  const base = { path, node };

  if (exclusive && custom) {
    // The owner is the mapping the keys belong to: the node itself for `required`, the parent for a key's own schema.
    const owner = error.keyword === 'required' ? node : node?.parent;
    // A missing key: the mapping's key; a forbidden key (`not`): that key; a wrong value (`const`): the value.
    const span = error.keyword === 'required' || error.keyword === 'not' ? ownerSpan(node) : valueSpan(node);
    return { ...base, category: 'exclusive', messageId: 'custom', data: { message: fillMessage(custom, node, owner, path) }, span };
  }

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const keyNode = child(node, key);
      const candidates = Object.keys(parent?.properties ?? {});
      const present = node?.kind === 'map' ? node.entries : new Map();
      const hints = parent?.['x-hints'];
      const dedented = dedentedKey(source, node, keyNode, key);
      const hint = hints && Object.hasOwn(hints, key) ? hints[key] : dedented ? `It is a key of ${dedented.inList ? 'the items of ' : ''}"${dedented.owner}" above, so it is probably indented too little: line it up with "${dedented.lineUpWith}"${dedented.inList ? ' of the last item' : ''}.` : undefined;
      const close = hint ? [] : closestMatches(key, candidates.filter((c) => !present.has(c)), 3);
      const span = keyNode?.keySpan ?? valueSpan(keyNode ?? node);
      let hintText = '';
      if (hint) hintText = ` ${hint}`;
      else if (close.length > 0) hintText = ` Did you mean "${close[0]}"?`;
      else if (candidates.length > 0) hintText = ` Expected ${quotedList(candidates, 'or', 8)}.`;
      const suggestions: Fix[] = dedented?.fix ? [dedented.fix] : close.map((c) => ({ title: `Rename to "${c}"`, edits: [{ span, newText: c }] }));
      return {
        category: 'unknownKey',
        messageId: 'unknownKey',
        data: { key, where: whereOf(parent, node, path), hint: hintText, ...(close[0] ? { best: close[0] } : {}) },
        span,
        path: [...path, key],
        node: keyNode,
        ...(suggestions.length ? { suggestions } : {}),
      };
    }
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return { ...base, category: 'missingKey', messageId: 'missingKey', data: { key, where: whereOf(parent, node, path) }, span: ownerSpan(node) };
    }
    case 'type': {
      const types = Array.isArray(parent?.type) ? parent.type : [String((error.params as { type: string }).type)];
      const expected = expectedText(parent, types);
      const value = node?.value;
      if (path.length === 0) {
        if (value === null || value === undefined) return { ...base, category: 'type', messageId: 'rootEmpty', data: {}, span: { start: 0, end: 0 } };
        const first = node?.kind === 'map' ? [...node.entries.values()][0] : undefined;
        return { ...base, category: 'type', messageId: 'rootType', data: { actual: actualText(value, types) }, span: first?.keySpan ?? valueSpan(node) };
      }
      if ((value === null || value === undefined) && node?.keySpan && (types.includes('object') || types.includes('array'))) {
        const advice = types.includes('array') ? 'write "[]" for an empty list, or indent its items under the key' : 'indent its keys under it';
        return { ...base, category: 'type', messageId: 'noValue', data: { subject: subjectOf(path), expected, advice }, span: valueSpan(node) };
      }
      const quotable = types.includes('string') && !types.includes('integer') && !types.includes('number') && !parent?.['x-expected'] && node?.kind === 'scalar' && node.style === 'plain' && value !== null && typeof value !== 'string';
      const suggestions: Fix[] = quotable ? [{ title: `Quote the value: "${node.text}"`, edits: [{ span: node.span, newText: JSON.stringify(node.text) }] }] : [];
      return {
        ...base,
        category: 'type',
        messageId: 'wrongType',
        data: { subject: subjectOf(path), expected, actual: actualText(value, types), hint: quotable ? ' Quote the value to make it a string.' : '' },
        span: valueSpan(node),
        ...(suggestions.length ? { suggestions } : {}),
      };
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? ((error.params as { allowedValues: unknown[] }).allowedValues ?? []) : [(error.params as { allowedValue: unknown }).allowedValue];
      const value = node?.value;
      const written = allowed.map((v) => String(v));
      const aliases = parent?.['x-aliases'] ?? {};
      const alias = typeof value === 'string' ? [value, value.toLowerCase()].map((v) => (Object.hasOwn(aliases, v) ? aliases[v] : undefined)).find((v) => v !== undefined) : undefined;
      const close = alias ? [alias] : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? closestMatches(String(value), written, 3) : [];
      const span = valueSpan(node);
      const suggestions: Fix[] = node?.span.start !== node?.span.end ? close.map((c) => ({ title: `Replace with "${c}"`, edits: [{ span, newText: c }] })) : [];
      if (custom) return { ...base, category: 'value', messageId: 'custom', data: { message: fillMessage(custom, node, node?.parent, path) }, span };
      return {
        ...base,
        category: 'enum',
        messageId: 'notAllowed',
        data: { subject: subjectOf(path), allowed: allowedText(allowed), value: quotedValue(value), hint: close[0] ? ` Did you mean "${close[0]}"?` : '' },
        span,
        ...(suggestions.length ? { suggestions } : {}),
      };
    }
    default: {
      const span = valueSpan(node);
      const rewrite = rewritten(parent, node?.value);
      const suggestions: Fix[] = rewrite === undefined ? [] : [{ title: `Replace with "${rewrite}"`, edits: [{ span, newText: rewrite }] }];
      if (custom) return { ...base, category: 'value', messageId: 'custom', data: { message: fillMessage(custom, node, node?.parent, path, rewrite) }, span, ...(suggestions.length ? { suggestions } : {}) };
      const id = VALUE_KEYWORDS[error.keyword] ?? 'invalid';
      const params = error.params as { limit?: number; pattern?: string };
      const value = node?.value;
      const data: Record<string, string> = { subject: subjectOf(path), value: quotedValue(value), limit: String(params.limit ?? ''), pattern: String(params.pattern ?? '') };
      if (typeof value === 'string') data['length'] = String([...value].length);
      if (Array.isArray(value)) data['count'] = String(value.length);
      return { ...base, category: 'value', messageId: id, data, span };
    }
  }
}
