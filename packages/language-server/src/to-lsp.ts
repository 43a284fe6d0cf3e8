// Conversions at the edge: core diagnostics, spans and edits (UTF-16 offsets, 1-based lines) to LSP's 0-based shapes.
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl, type SourceFile, type Diagnostic as CoreDiagnostic, type LineColumn, type Severity, type Span, type TextEdit as CoreTextEdit } from '@valohai-lint/core';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './protocol.js';
import type { ConfigProblem } from './workspace-config.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity] ?? DiagnosticSeverity.Warning;
}

/** The LSP range of a span. */
export function spanToRange(source: SourceFile, span: Span): Range {
  const start = source.positionAt(span.start);
  const end = source.positionAt(Math.max(span.start, span.end));
  return { start, end };
}

export function toLspEdits(source: SourceFile, edits: readonly CoreTextEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: spanToRange(source, e.span), newText: e.newText }));
}

/** The LSP range of positions the core computed (1-based): no line index needed. */
export function diagnosticRange(d: { start: LineColumn; end: LineColumn }): Range {
  return {
    start: { line: Math.max(0, d.start.line - 1), character: Math.max(0, d.start.column - 1) },
    end: { line: Math.max(0, d.end.line - 1), character: Math.max(0, d.end.column - 1) },
  };
}

/**
 * One core diagnostic as LSP: the rule id as `code`, its page as `codeDescription`, related locations, tags, and the
 * data code actions need. Every position comes from the core.
 */
export function toLspDiagnostic(d: CoreDiagnostic, uri: string, version: number): Diagnostic {
  const data: DiagnosticData = { ruleId: d.ruleId, version, fixable: d.fix !== undefined, suggestions: d.suggestions?.length ?? 0 };
  const out: Diagnostic = {
    range: diagnosticRange(d),
    severity: toLspSeverity(d.severity),
    code: d.ruleId,
    codeDescription: { href: ruleDocsUrl(d.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
    data,
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: diagnosticRange(r) }, message: r.message }));
  }
  if (d.tags?.length) {
    out.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  return out;
}

/** A problem with the configuration file, shown at the top of the linted document with links into the file. */
export function configProblemDiagnostic(problem: ConfigProblem, version: number): Diagnostic {
  const base = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: 'config-invalid',
    codeDescription: { href: ruleDocsUrl('config-invalid') },
    source: DIAGNOSTIC_SOURCE,
    data: { ruleId: 'config-invalid', version, fixable: false, suggestions: 0 } satisfies DiagnosticData,
  };
  if (problem.kind === 'unreadable') {
    return { ...base, message: `The configuration file "${problem.path}" cannot be read (${problem.message}); linting with the editor settings only.` };
  }
  const uri = pathToFileURL(problem.path).href;
  const first = problem.diagnostics[0];
  const count = problem.diagnostics.length;
  const where = first ? ` Line ${first.start.line}: ${first.message}` : '';
  return {
    ...base,
    message: `The configuration file "${problem.path}" has ${count} problem${count === 1 ? '' : 's'}; its valid parts are used.${where}`,
    relatedInformation: problem.diagnostics.map((d) => ({ location: { uri, range: diagnosticRange(d) }, message: d.message })),
  };
}
