// A plain-data dump of a ParseResult, for comparing the fast parsing path with the `yaml` one: every node with its kind,
// style, text, spans, key, which properties it has, its parent (as a path, checked to be the real parent object), its
// entries in order and its PyYAML value (Timestamps, -0, NaN and infinities spelled out, prototypes included), then
// every finding with its spans.
import type { YNode } from '../../packages/core/src/index.js';
import type { ParseResult } from '../../packages/core/src/document/parse.js';
import { Timestamp } from '../../packages/core/src/document/scalars.js';

type Dumped = null | boolean | number | string | Dumped[] | { [key: string]: Dumped };

/** A value loaded from YAML as plain data, with what JSON would lose made explicit. */
export function dumpValue(value: unknown, seen = new Set<unknown>()): Dumped {
  if (value === null) return null;
  if (value instanceof Timestamp) return { timestamp: value.text, dateOnly: value.dateOnly };
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0 (number)';
    if (!Number.isFinite(value)) return `${String(value)} (number)`;
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return `unexpected ${typeof value}`;
  if (seen.has(value)) return 'cycle';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => dumpValue(v, seen));
  const proto = Object.getPrototypeOf(value) as unknown;
  const out: { [key: string]: Dumped } = { '(prototype)': proto === Object.prototype ? 'Object' : proto === null ? 'null' : dumpValue(proto, seen) };
  for (const key of Object.keys(value)) out[`.${key}`] = dumpValue((value as Record<string, unknown>)[key], seen);
  return out;
}

function dumpSpan(span: { start: number; end: number } | undefined): Dumped {
  return span ? [span.start, span.end] : null;
}

function dumpNode(node: YNode, path: string, parent: YNode | undefined, out: Dumped[]): void {
  const own = Object.keys(node).sort().join(',');
  const base: { [key: string]: Dumped } = {
    path,
    kind: node.kind,
    own,
    span: dumpSpan(node.span),
    keySpan: dumpSpan(node.keySpan),
    key: node.key ?? null,
    parentIsReal: node.parent === parent,
    value: dumpValue(node.value),
  };
  if (node.kind === 'scalar') out.push({ ...base, style: node.style, text: node.text });
  else if (node.kind === 'map') {
    out.push({ ...base, flow: node.flow, entries: [...node.entries.keys()], entryKeys: [...node.entries.values()].map((v) => (v.key === undefined ? null : v.key)) });
    for (const [key, child] of node.entries) dumpNode(child, `${path}/${JSON.stringify(key)}`, node, out);
  } else {
    out.push({ ...base, flow: node.flow, items: node.items.length });
    node.items.forEach((child, i) => dumpNode(child, `${path}/${i}`, node, out));
  }
}

/** The whole result as plain data; two results are the same exactly when their dumps are deeply equal. */
export function dumpParse(result: ParseResult): Dumped {
  const nodes: Dumped[] = [];
  if (result.root) dumpNode(result.root, '', undefined, nodes);
  return {
    nodes,
    syntax: result.syntax.map((f) => ({ code: f.code, message: f.message, span: dumpSpan(f.span) })),
    duplicateKeys: result.duplicateKeys.map((d) => ({ key: d.key, span: dumpSpan(d.span), firstSpan: dumpSpan(d.firstSpan) })),
    yaml11: result.yaml11.map((f) => ({ text: f.text, kind: f.kind, span: dumpSpan(f.span), isKey: f.isKey, value: dumpValue(f.value), node: f.node ? dumpSpan(f.node.span) : null, own: Object.keys(f).join(',') })),
  };
}
