// Turns one core diagnostic into an ESLint report with the core's exact range (ESLint lines are 1-based and columns
// 0-based), its fix and suggestions as the same edits, and its related locations, for which ESLint has no field,
// appended to the message.
import type { RuleTextEdit, RuleTextEditor } from '@eslint/core';
import { formatMessage, type Diagnostic, type Fix, type SourceFile } from '@valohai-lint/core';

/** The placeholder every message template ends with, filled with the related locations (or nothing). */
export const RELATED_PLACEHOLDER = 'relatedLocations';

interface ReportBase {
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  fix?: (fixer: RuleTextEditor) => RuleTextEdit[];
  suggest?: { desc: string; fix: (fixer: RuleTextEditor) => RuleTextEdit[] }[];
}
export type EslintReport = ReportBase & ({ messageId: string; data: Record<string, string> } | { message: string });

/** " (the earlier step "train" at 3:11)": related places, 1-based as the CLI prints them. */
export function relatedText(d: Diagnostic, source: SourceFile | undefined): string {
  if (!d.related?.length || !source) return '';
  const places = d.related.map((r) => {
    const p = source.positionAt(r.span.start);
    return `${r.message} at ${p.line + 1}:${p.character + 1}`;
  });
  return ` (${places.join('; ')})`;
}

function edits(fix: Fix): (fixer: RuleTextEditor) => RuleTextEdit[] {
  return (fixer) => fix.edits.map((e) => fixer.replaceTextRange([e.span.start, e.span.end], e.newText));
}

export function toReport(d: Diagnostic, template: string | undefined, source: SourceFile | undefined): EslintReport {
  const related = relatedText(d, source);
  const loc = { start: { line: d.start.line, column: d.start.column - 1 }, end: { line: d.end.line, column: d.end.column - 1 } };
  const data = { ...d.data, [RELATED_PLACEHOLDER]: related };
  // ESLint renders the message from the messageId; when that would not give the core's text exactly (a finding built
  // without its data), the text is passed as it is, without the messageId.
  const report: EslintReport = template !== undefined && formatMessage(template, data) === d.message ? { loc, messageId: d.messageId, data } : { loc, message: d.message + related };
  if (d.fix) report.fix = edits(d.fix);
  if (d.suggestions?.length) report.suggest = d.suggestions.map((s) => ({ desc: s.title, fix: edits(s) }));
  return report;
}
