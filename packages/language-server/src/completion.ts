// Completion: the keys valid at the cursor (from the schema, with their documentation), enum values, step/task names in
// nodes and tasks, node names and NODE.TYPE.KEY parts in edges and parameter targets, parameter names in
// `{parameter:…}` placeholders, and registry prefixes in `image:` values.
import {
  buildModel,
  child,
  childOfItem,
  childOfKey,
  createDocument,
  descriptionOf,
  EDGE_TYPE_DESCRIPTIONS,
  EDGE_TYPES,
  enumValuesOf,
  isObjectSchema,
  itemsOf,
  literalPrefix,
  pipelineViews,
  propertiesOf,
  resolveNodeStep,
  rootSchema,
  typesOf,
  type Instance,
  type Item,
  type LintConfig,
  type PipelineNode,
  type PipelineView,
  type SchemaNode,
  type SourceFile,
  type ValohaiModel,
} from '@valohai-lint/core';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { keyDocumentation } from './hover.js';
import { spanToRange } from './to-lsp.js';
import { cursorContext, type CursorContext, type PathEntry } from './yaml-context.js';

export interface CompletionInput {
  text: string;
  offset: number;
  /** The model of the current text, when it could be parsed. */
  model?: ValohaiModel;
  source: SourceFile;
  config: LintConfig;
}

type Edit = { start: number; end: number };

function item(input: CompletionInput, label: string, kind: CompletionItemKind, range: Edit, newText: string, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind, textEdit: { range: spanToRange(input.source, range), newText }, insertTextFormat: InsertTextFormat.PlainText, ...extra };
}

function markdown(value: string | undefined): CompletionItem['documentation'] {
  return value ? { kind: MarkupKind.Markdown, value } : undefined;
}

/** Completion items at an offset. Never throws on odd text; an unknown place gives no items. */
export function complete(input: CompletionInput): CompletionItem[] {
  const ctx = cursorContext(input.source, input.offset);
  return placeholderItems(ctx, input) ?? semanticItems(ctx, input) ?? schemaItems(ctx, input);
}

/** The top-level item index and its kind key, when the place is inside a top-level item. */
function topOf(ctx: CursorContext): { index: number; kind?: string; rest: PathEntry[] } | undefined {
  const first = ctx.path[0];
  if (first?.kind !== 'item' || first.col !== 0) return undefined;
  const kindKey = ctx.path[1];
  return { index: first.index, ...(kindKey?.kind === 'key' ? { kind: kindKey.name } : {}), rest: ctx.path.slice(2) };
}

/** The model to read names from: the current parse, or (when the line being typed breaks it) the text without that line. */
function modelFor(input: CompletionInput, index: number): ValohaiModel | undefined {
  if (input.model?.items[index]?.kind) return input.model;
  // Parsing a second copy of a very large text is not worth a completion.
  if (input.text.length > 1_000_000) return input.model;
  const start = input.text.lastIndexOf('\n', input.offset - 1) + 1;
  let end = input.text.indexOf('\n', input.offset);
  if (end < 0) end = input.text.length;
  const blanked = input.text.slice(0, start) + input.text.slice(end);
  const doc = createDocument(blanked);
  return buildModel(doc.root);
}

function isKey(e: PathEntry | undefined, name: string): boolean {
  return e?.kind === 'key' && e.name === name;
}

// --- {parameter:NAME} -------------------------------------------------------------------------------------------------

function placeholderItems(ctx: CursorContext, input: CompletionInput): CompletionItem[] | undefined {
  const m = /\{(parameter|parameter-value):([^{}\s]*)$/.exec(ctx.linePrefix);
  if (!m) return undefined;
  const inCommand = ctx.path.some((e) => isKey(e, 'command')) || ((ctx.kind === 'value' || ctx.kind === 'block') && ctx.key === 'command');
  const top = topOf(ctx);
  if (!inCommand || !top) return undefined;
  const model = modelFor(input, top.index);
  const it = model?.items[top.index];
  if (!model || !it) return [];
  let step: Item | undefined;
  if (it.kind === 'step') step = it;
  else if (it.kind === 'pipeline' || it.kind === 'blueprint') {
    const nodeEntry = ctx.path[3];
    if (isKey(ctx.path[2], 'nodes') && nodeEntry?.kind === 'item') {
      const n = pipelineViews(model).find((v) => v.item === it)?.nodes[nodeEntry.index];
      if (n) step = stepOf(model, n);
    }
  }
  if (!step) return [];
  const start = input.offset - (m[2]?.length ?? 0);
  let end = input.offset;
  while (end < input.text.length && /[^{}\s]/.test(input.text[end] ?? '')) end++;
  const close = input.text[end] === '}' ? '' : '}';
  return itemsOf(child(step.body, 'parameters')).flatMap((p) => {
    const name = child(p, 'name')?.value;
    if (typeof name !== 'string') return [];
    const type = child(p, 'type')?.value;
    const description = child(p, 'description')?.value;
    return [
      item(input, name, CompletionItemKind.Variable, { start, end }, name + close, {
        detail: `parameter${typeof type === 'string' ? ` (${type})` : ''}`,
        ...(typeof description === 'string' ? { documentation: markdown(description) } : {}),
      }),
    ];
  });
}

// --- Names, specifiers, images ----------------------------------------------------------------------------------------

function namesOf(model: ValohaiModel, kind: 'step' | 'task' | 'deployment'): { name: string; item: Item }[] {
  const seen = new Map<string, Item>();
  for (const it of model.ofKind(kind)) if (it.name) seen.set(it.name.value, it);
  return [...seen].map(([name, it]) => ({ name, item: it }));
}

function valueRange(ctx: CursorContext, input: CompletionInput): { range: Edit; lead: string } {
  // Right after `key:` a value needs a space before it.
  const lead = ctx.kind === 'value' && input.text[ctx.replace.start - 1] === ':' ? ' ' : '';
  return { range: ctx.replace, lead };
}

function nameItems(ctx: CursorContext, input: CompletionInput, model: ValohaiModel, kind: 'step' | 'task' | 'deployment'): CompletionItem[] {
  const { range, lead } = valueRange(ctx, input);
  return namesOf(model, kind).map(({ name, item: it }) => {
    const description = child(it.body, 'description')?.value;
    const image = child(it.body, 'image')?.value;
    const detail = kind === 'step' && typeof image === 'string' ? `step · ${image}` : kind;
    return item(input, name, CompletionItemKind.Reference, range, lead + name, { detail, ...(typeof description === 'string' ? { documentation: markdown(description) } : {}) });
  });
}

function semanticItems(ctx: CursorContext, input: CompletionInput): CompletionItem[] | undefined {
  const top = topOf(ctx);
  if (!top) return undefined;
  const { kind, rest } = top;
  const isPipeline = kind === 'pipeline' || kind === 'blueprint';
  // A node's step/task/deployment, a task's step.
  if (ctx.kind === 'value') {
    const inNode = isPipeline && rest.length === 2 && isKey(rest[0], 'nodes') && rest[1]?.kind === 'item';
    if ((inNode && (ctx.key === 'step' || ctx.key === 'task' || ctx.key === 'deployment')) || (kind === 'task' && rest.length === 0 && ctx.key === 'step')) {
      const model = modelFor(input, top.index);
      return model ? nameItems(ctx, input, model, ctx.key as 'step' | 'task' | 'deployment') : [];
    }
    if (ctx.key === 'image' && (kind === 'step' || kind === 'endpoint' || rest.some((e) => isKey(e, 'override')))) return imageItems(ctx, input);
  }
  if (!isPipeline) return undefined;
  const onlyParameters = isKey(rest[0], 'parameters');
  if (!isKey(rest[0], 'edges') && !onlyParameters) return undefined;
  const inEntry = rest[1]?.kind === 'item';
  let specifier: boolean;
  if (!onlyParameters) {
    specifier =
      (rest.length === 2 && inEntry && ctx.kind === 'flow' && ctx.key === undefined) ||
      (rest.length === 2 && inEntry && ctx.kind === 'value' && (ctx.key === 'source' || ctx.key === 'target')) ||
      (rest.length === 3 && inEntry && rest[2]?.kind === 'item' && ctx.kind === 'key');
  } else {
    specifier =
      (rest.length === 2 && inEntry && (ctx.kind === 'value' || ctx.kind === 'flow') && (ctx.key === 'target' || ctx.key === 'targets')) ||
      (rest.length === 3 && inEntry && isKey(rest[2], 'targets') && ctx.kind === 'key');
  }
  if (!specifier) return undefined;
  const model = modelFor(input, top.index);
  const pipeline = model ? pipelineViews(model).find((p) => p.item.index === top.index) : undefined;
  if (!model || !pipeline) return [];
  return specifierItems(ctx, input, model, pipeline, onlyParameters);
}

/** Completes one part of `NODE.TYPE.KEY`: node names, then socket types, then the step's inputs/parameters/outputs. */
function specifierItems(ctx: CursorContext, input: CompletionInput, model: ValohaiModel, pipeline: PipelineView, onlyParameters: boolean): CompletionItem[] {
  const { lead } = valueRange(ctx, input);
  const partial = ctx.partial;
  const start = ctx.replace.start;
  const firstDot = partial.indexOf('.');
  const secondDot = firstDot < 0 ? -1 : partial.indexOf('.', firstDot + 1);
  // The part being written ends where the next dot (or the token) ends.
  const partEnd = (from: number): number => {
    const dot = input.text.indexOf('.', from);
    return dot >= 0 && dot < ctx.replace.end ? dot : ctx.replace.end;
  };
  if (firstDot < 0) {
    const range = { start, end: partEnd(start) };
    return [...pipeline.byName.values()].flatMap((n) =>
      n.name ? [item(input, n.name.value, CompletionItemKind.Reference, range, lead + n.name.value, { detail: [n.type ?? 'node', (n.step ?? n.task)?.value].filter(Boolean).join(' → ') })] : [],
    );
  }
  const nodeName = partial.slice(0, firstDot);
  if (secondDot < 0) {
    const from = start + firstDot + 1;
    const range = { start: from, end: partEnd(from) };
    const types = onlyParameters ? ['parameter'] : EDGE_TYPES;
    return types.map((t, i) => item(input, t, CompletionItemKind.EnumMember, range, t, { detail: 'edge type', documentation: markdown(EDGE_TYPE_DESCRIPTIONS[t]), sortText: String(i).padStart(2, '0') }));
  }
  const type = partial.slice(firstDot + 1, secondDot);
  const from = start + secondDot + 1;
  const range = { start: from, end: ctx.replace.end };
  // The last node of a name wins, as in valohai-yaml; a node whose step comes from another commit offers nothing.
  const node = pipeline.byName.get(nodeName);
  const step = node ? stepOf(model, node) : undefined;
  if (!step) return [];
  const listKey = type === 'input' ? 'inputs' : type === 'parameter' ? 'parameters' : type === 'output' ? 'outputs' : type === 'environment-variable' ? 'environment-variables' : undefined;
  if (!listKey) return [];
  const out: CompletionItem[] = [];
  for (const entry of itemsOf(child(step.body, listKey))) {
    const name = child(entry, 'name')?.value;
    if (typeof name !== 'string') continue;
    const description = child(entry, 'description')?.value;
    out.push(item(input, name, CompletionItemKind.Field, range, name, { detail: `${type} of step ${step.name?.value ?? ''}`.trim(), ...(typeof description === 'string' ? { documentation: markdown(description) } : {}) }));
  }
  if (type === 'output') out.push(item(input, '*', CompletionItemKind.Field, range, '*', { detail: 'every output file' }));
  return out;
}

/** The step a node runs when it is defined in this file (not for a node pinned to another commit). */
function stepOf(model: ValohaiModel, node: PipelineNode): Item | undefined {
  const resolution = resolveNodeStep(model, node);
  return resolution.kind === 'resolved' ? resolution.step : undefined;
}

function imageItems(ctx: CursorContext, input: CompletionInput): CompletionItem[] {
  const { range, lead } = valueRange(ctx, input);
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  const add = (pattern: string, detail: string, doc: string): void => {
    const prefix = literalPrefix(pattern);
    if (prefix === '' || seen.has(prefix)) return;
    seen.add(prefix);
    out.push(item(input, prefix, CompletionItemKind.Module, range, lead + prefix, { detail, documentation: markdown(doc) }));
  };
  for (const r of input.config.registries ?? []) add(r.pattern, `registry credentials (${r.type})`, `${r.description ? `${r.description}\n\n` : ''}Pattern \`${r.pattern}\`, from your valohai-lint configuration.`);
  for (const p of input.config.public ?? []) add(p, 'public images', `Pattern \`${p}\`: images that need no credentials.`);
  return out;
}

// --- Schema keys and values -------------------------------------------------------------------------------------------

function mappingInstance(mapping: ReadonlyMap<string, string> | undefined): Instance {
  return { type: 'object', values: mapping ?? new Map(), partial: true };
}

/** The schemas of the container the place is in, following the path from the root. */
function containerSchemas(path: readonly PathEntry[]): SchemaNode[] {
  let schemas: SchemaNode[] = [rootSchema()];
  for (const e of path) {
    if (schemas.length === 0) break;
    schemas = e.kind === 'item' ? childOfItem(schemas, { type: 'array' }) : childOfKey(schemas, mappingInstance(e.mapping), e.name);
  }
  return schemas;
}

const ITEM_KINDS = ['step', 'pipeline', 'endpoint', 'task', 'deployment', 'blueprint'];

function schemaItems(ctx: CursorContext, input: CompletionInput): CompletionItem[] {
  const container = containerSchemas(ctx.path);
  if (container.length === 0) return [];
  const inst = mappingInstance(ctx.siblings);
  if (ctx.kind === 'key') {
    if (ctx.path.length === 0) {
      // At the top level without a list marker: start a new item.
      const range = ctx.replace;
      return ITEM_KINDS.filter((k) => k !== 'blueprint').map((k, i) => {
        const schemas = childOfKey(childOfItem(container, { type: 'array' }), { type: 'object' }, k);
        return item(input, k, CompletionItemKind.Module, range, `- ${k}:`, { filterText: k, documentation: markdown(descriptionOf(schemas)), sortText: String(i) });
      });
    }
    if (!isObjectSchema(container, inst)) return [];
    const isTop = ctx.path.length === 1 && ctx.path[0]?.kind === 'item' && ctx.path[0].col === 0;
    if (isTop && [...ctx.siblings.keys()].some((k) => ITEM_KINDS.includes(k))) return [];
    const after = input.text.slice(ctx.replace.end, ctx.replace.end + 1);
    const props = [...propertiesOf(container, inst).values()].filter((p) => !p.forbidden && !ctx.siblings.has(p.name) && !(isTop && p.name === 'blueprint'));
    return props.map((p, i) => {
      const doc = keyDocumentation(p.name, p.schemas, { type: 'object' });
      const newText = after === ':' ? p.name : `${p.name}:${isObjectSchema(p.schemas) || isList(p.schemas) ? '' : ' '}`;
      return item(input, p.name, isTop ? CompletionItemKind.Module : CompletionItemKind.Property, ctx.replace, newText, {
        filterText: p.name,
        sortText: String(i).padStart(3, '0'),
        ...(doc ? { documentation: markdown(doc) } : {}),
      });
    });
  }
  if (ctx.kind === 'value') {
    const schemas = childOfKey(container, inst, ctx.key);
    const { range, lead } = valueRange(ctx, input);
    return enumValuesOf(schemas).map((v, i) => {
      const text = String(v);
      return item(input, text, CompletionItemKind.EnumMember, range, lead + text, { sortText: String(i).padStart(3, '0'), ...(descriptionOf(schemas) ? { documentation: markdown(descriptionOf(schemas)) } : {}) });
    });
  }
  return [];
}

function isList(schemas: readonly SchemaNode[]): boolean {
  const types = typesOf(schemas);
  return types.length === 1 && types[0] === 'array';
}
