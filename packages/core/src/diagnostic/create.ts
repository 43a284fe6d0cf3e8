// The one place a Diagnostic is built: message from the kind's template, spans clamped to the text, 1-based positions,
// and the kind's promises (known messageId, fixes only where fixable) enforced. The engine, the configuration parser
// and every adapter get their positions from here rather than doing their own arithmetic.
import type { SourceFile, Span } from '../source/source-file.js';
import { boundMessage } from '../util/text.js';
import type { Diagnostic, FindingMeta, Fix, LineColumn, ReportDescriptor, Severity } from './types.js';

/** Fills `{{name}}` placeholders of a message template. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = data?.[name];
    return value === undefined ? whole : String(value);
  });
}

/** Builds a diagnostic of kind `meta` from a report on `source`. Throws when the report breaks the kind's promises. */
export function createDiagnostic(source: SourceFile, meta: FindingMeta, severity: Severity, r: ReportDescriptor): Diagnostic {
  const template = meta.messages[r.messageId];
  if (template === undefined) throw new Error(`"${meta.id}" reported unknown messageId "${r.messageId}".`);
  if (r.fix && !meta.fixable) throw new Error(`"${meta.id}" reported a fix but is not marked fixable.`);
  if (r.suggestions?.length && !meta.hasSuggestions) throw new Error(`"${meta.id}" reported suggestions but does not declare hasSuggestions.`);
  const { span, start, end } = located(source, r.span);
  const d: Diagnostic = { ruleId: meta.id, messageId: r.messageId, message: boundMessage(formatMessage(template, r.data)), severity, span, start, end };
  if (r.related?.length) d.related = r.related.map((rel) => ({ message: rel.message, ...located(source, rel.span) }));
  // Edits get spans of their own, as the diagnostic's places do: a rule may hand over a node's span, and the incremental
  // linter moves trees in place when typing moves their items (a result must not change after it was returned).
  if (r.fix) d.fix = shiftedFix(r.fix, 0);
  if (r.suggestions?.length) d.suggestions = r.suggestions.map((s) => shiftedFix(s, 0));
  if (r.tags?.length) d.tags = r.tags;
  if (r.data) d.data = Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, String(v)]));
  return d;
}

/** A copy of a fix with every edit's span moved by `by` (each span an object of its own). */
export function shiftedFix(fix: Fix, by: number): Fix {
  return { title: fix.title, edits: fix.edits.map((e) => ({ span: { start: e.span.start + by, end: e.span.end + by }, newText: e.newText })) };
}

/** A span clamped into the text (never ending before it starts) with its 1-based start and end. */
export function located(source: SourceFile, raw: Span): { span: Span; start: LineColumn; end: LineColumn } {
  const startOffset = source.clamp(raw.start);
  const endOffset = Math.max(startOffset, source.clamp(raw.end));
  const s = source.positionAt(startOffset);
  const e = source.positionAt(endOffset);
  return { span: { start: startOffset, end: endOffset }, start: { line: s.line + 1, column: s.character + 1 }, end: { line: e.line + 1, column: e.character + 1 } };
}

/** Declares a finding reported by something other than a rule (the engine or the configuration parser). */
export interface DeclaredFinding<M extends string = string> {
  meta: FindingMeta<M>;
  /** Who reports it, for documentation and `--list-rules`. */
  reportedBy: 'engine' | 'configuration';
}

export function declareFinding<M extends string>(finding: DeclaredFinding<M>): DeclaredFinding<M> {
  return finding;
}
