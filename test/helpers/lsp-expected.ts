// What the language server should publish for a text: a fresh core lint, converted to LSP here (independently of the
// server's own conversion code), with positions from vscode-languageserver-textdocument.
import { lint, ruleDocsUrl, type LintConfig } from '@valohai-lint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';

const SEVERITIES = { error: 1, warning: 2, info: 3, hint: 4 } as const;

export function expectedFromCore(uri: string, text: string, version: number, config?: LintConfig): Record<string, unknown>[] {
  const doc = TextDocument.create(uri, 'yaml', version, text);
  return lint(text, config).diagnostics.map((d) => {
    const out: Record<string, unknown> = {
      range: { start: doc.positionAt(d.span.start), end: doc.positionAt(d.span.end) },
      severity: SEVERITIES[d.severity],
      code: d.ruleId,
      codeDescription: { href: ruleDocsUrl(d.ruleId) },
      source: 'valohai-lint',
      message: d.message,
      data: { ruleId: d.ruleId, version, fixable: d.fix !== undefined, suggestions: d.suggestions?.length ?? 0 },
    };
    if (d.related?.length) {
      out['relatedInformation'] = d.related.map((r) => ({ location: { uri, range: { start: doc.positionAt(r.span.start), end: doc.positionAt(r.span.end) } }, message: r.message }));
    }
    if (d.tags?.length) out['tags'] = d.tags.map((t) => (t === 'unnecessary' ? 1 : 2));
    return out;
  });
}
