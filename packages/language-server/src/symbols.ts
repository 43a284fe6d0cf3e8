// The document outline (and breadcrumbs): steps with their parameters, inputs and outputs; pipelines with their nodes;
// endpoints, tasks and deployments.
import { child, itemsOf, type Item, type SourceFile, type Span, type YNode } from '@valohai-lint/core';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Parsed } from './analysis.js';
import { spanToRange } from './to-lsp.js';

const KIND: Record<string, SymbolKind> = {
  step: SymbolKind.Function,
  pipeline: SymbolKind.Module,
  blueprint: SymbolKind.Module,
  endpoint: SymbolKind.Interface,
  task: SymbolKind.Event,
  deployment: SymbolKind.Package,
};

/** From a node's key (when it has one) to the end of its value. */
function fullSpan(node: YNode): Span {
  const start = Math.min(node.keySpan?.start ?? node.span.start, node.span.start);
  return { start, end: Math.max(node.span.end, node.keySpan?.end ?? 0) };
}

function symbol(source: SourceFile, name: string, detail: string | undefined, kind: SymbolKind, range: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol {
  // LSP requires the selection range inside the full range.
  const start = Math.min(range.start, selection.start);
  const end = Math.max(range.end, selection.end);
  const s: DocumentSymbol = { name: name.trim() === '' ? '(unnamed)' : name, kind, range: spanToRange(source, { start, end }), selectionRange: spanToRange(source, selection) };
  if (detail) s.detail = detail;
  if (children?.length) s.children = children;
  return s;
}

function nameOf(node: YNode | undefined): { text: string; span: Span } | undefined {
  const n = child(node, 'name');
  if (!n || n.kind !== 'scalar' || n.value === null || n.value === undefined) return undefined;
  return { text: String(n.value), span: n.span };
}

/** Symbols for the named entries of a list (`parameters`, `inputs`, `nodes` …). */
function entries(source: SourceFile, body: YNode | undefined, key: string, kind: SymbolKind, detail: (entry: YNode) => string | undefined): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const entry of itemsOf(child(body, key))) {
    const name = nameOf(entry);
    if (!name) continue;
    out.push(symbol(source, name.text, detail(entry), kind, entry.span, name.span));
  }
  return out;
}

function str(node: YNode | undefined, key: string): string | undefined {
  const v = child(node, key)?.value;
  return typeof v === 'string' ? v : undefined;
}

function itemSymbol(source: SourceFile, item: Item): DocumentSymbol | undefined {
  if (!item.kind || !item.kindNode) return undefined;
  const body = item.body;
  const name = nameOf(body);
  const label = name?.text ?? `${item.kind} #${item.index + 1}`;
  const selection = name?.span ?? item.kindNode.keySpan ?? item.kindNode.span;
  let children: DocumentSymbol[] = [];
  let detail: string | undefined = item.kind;
  if (item.kind === 'step') {
    children = [
      ...entries(source, body, 'parameters', SymbolKind.Variable, (p) => `parameter${str(p, 'type') ? ` (${str(p, 'type')})` : ''}`),
      ...entries(source, body, 'inputs', SymbolKind.File, () => 'input'),
      ...entries(source, body, 'outputs', SymbolKind.File, () => 'output'),
    ];
    const image = str(body, 'image');
    if (image) detail = `step · ${image}`;
  } else if (item.kind === 'pipeline' || item.kind === 'blueprint') {
    children = entries(source, body, 'nodes', SymbolKind.Object, (n) => {
      const ref = str(n, 'step') ?? str(n, 'task') ?? str(n, 'deployment');
      return [str(n, 'type'), ref].filter(Boolean).join(' → ') || undefined;
    });
  } else if (item.kind === 'task') {
    const step = str(body, 'step');
    if (step) detail = `task → ${step}`;
  }
  return symbol(source, label, detail, KIND[item.kind] ?? SymbolKind.Object, fullSpan(item.kindNode), selection, children);
}

export function documentSymbols(parsed: Parsed): DocumentSymbol[] {
  return parsed.model.items.flatMap((item) => {
    const s = itemSymbol(parsed.source, item);
    return s ? [s] : [];
  });
}
