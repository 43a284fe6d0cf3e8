// json: a stable, documented machine format (docs/cli.md): per file its diagnostics with 1-based positions, fixes and
// suggestions (edits as UTF-16 offsets and 1-based positions), and totals.
import type { Fix, SourceFile } from '@valohai-lint/core';
import { counts, sourceOf, type Formatter } from './types.js';

function fixJson(source: SourceFile, fix: Fix): unknown {
  return {
    title: fix.title,
    edits: fix.edits.map((e) => {
      const s = source.positionAt(e.span.start);
      const t = source.positionAt(e.span.end);
      return { offset: e.span.start, endOffset: e.span.end, line: s.line + 1, column: s.character + 1, endLine: t.line + 1, endColumn: t.character + 1, newText: e.newText };
    }),
  };
}

export const json: Formatter = (results, { version }) => {
  const files = results.map((r) => {
    const source = sourceOf(r);
    return {
      path: r.relativePath,
      ...(r.fixed ? { fixed: true } : {}),
      diagnostics: r.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        messageId: d.messageId,
        severity: d.severity,
        message: d.message,
        line: d.start.line,
        column: d.start.column,
        endLine: d.end.line,
        endColumn: d.end.column,
        offset: d.span.start,
        endOffset: d.span.end,
        ...(d.related ? { related: d.related.map((rel) => ({ message: rel.message, line: rel.start.line, column: rel.start.column, endLine: rel.end.line, endColumn: rel.end.column })) } : {}),
        fix: d.fix ? fixJson(source, d.fix) : null,
        suggestions: (d.suggestions ?? []).map((s) => fixJson(source, s)),
      })),
    };
  });
  const c = counts(results);
  return `${JSON.stringify({ tool: 'valohai-lint', version, files, summary: { files: results.length, errors: c.errors, warnings: c.warnings, infos: c.infos + c.hints, hints: c.hints, fixable: c.fixableErrors + c.fixableWarnings } }, null, 2)}\n`;
};
