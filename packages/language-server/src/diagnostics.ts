// Diagnostics delivery: pulled (textDocument/diagnostic) when the client supports it, otherwise pushed after a debounce.
// Both read the same per-revision analysis, so a document is linted once per change whichever way it is delivered.
import { DocumentDiagnosticReportKind, type DocumentDiagnosticReport } from 'vscode-languageserver';
import { guarded, type ServerContext } from './context.js';
import type { Analysis } from './analysis.js';
import { Superseded } from './lint-runner.js';
import { PushScheduler } from './push-scheduler.js';

export class DiagnosticsDelivery {
  private readonly scheduler: PushScheduler;
  /** What was last pushed per document (revision and configuration), so nothing is published twice. */
  private readonly published = new Map<string, string>();

  constructor(private readonly ctx: ServerContext) {
    this.scheduler = new PushScheduler((uri) => this.publish(uri));
  }

  /** Wires the pull handler (the push path is driven by {@link changed}). */
  listen(): void {
    this.ctx.connection.languages.diagnostics.on((params, token) =>
      guarded(this.ctx, 'textDocument/diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, token, async () => {
        const analysis = await this.ctx.analysis(params.textDocument?.uri, token);
        if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const resultId = `${analysis.revision}:${hash(analysis.configKey)}`;
        if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items: analysis.diagnostics };
      }),
    );
  }

  /** A document was opened or changed. */
  changed(uri: string): void {
    if (!this.ctx.support.pullDiagnostics) this.scheduler.schedule(uri);
  }

  closed(uri: string): void {
    this.scheduler.cancel(uri);
    this.published.delete(uri);
    if (!this.ctx.support.pullDiagnostics) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /** Settings or configuration files changed: every open document may lint differently. */
  async refreshAll(): Promise<void> {
    if (this.ctx.support.pullDiagnostics) {
      if (this.ctx.support.diagnosticsRefresh) await this.ctx.connection.languages.diagnostics.refresh().catch((e: unknown) => this.ctx.log(`diagnostics refresh failed: ${String(e)}`));
      return;
    }
    for (const doc of this.ctx.documents.all()) this.scheduler.schedule(doc.uri);
  }

  private async publish(uri: string): Promise<void> {
    try {
      const doc = this.ctx.documents.get(uri);
      if (!doc) return;
      const revision = this.ctx.documents.revision(uri);
      const config = await this.ctx.config.configFor(uri);
      // A newer change has its own publish scheduled.
      if (this.ctx.documents.revision(uri) !== revision || !this.ctx.documents.get(uri)) return;
      const cached = this.ctx.cache.peek(uri, revision, config.key);
      const started = performance.now();
      let analysis: Analysis;
      try {
        analysis = cached ?? (await this.ctx.cache.analyze(doc, revision, config));
      } catch (error) {
        // A newer text came first; its own publish is scheduled.
        if (error instanceof Superseded) return;
        throw error;
      }
      // The quiet time after a lint only matters when linting holds up this thread; on the linting thread the newest
      // text simply replaces the ones waiting (lint-runner.ts).
      if (!cached) this.scheduler.record(uri, this.ctx.runner.offThread ? 0 : performance.now() - started);
      // The document changed while it was linted: these diagnostics are already old, and the newer ones are coming.
      if (this.ctx.documents.revision(uri) !== revision) return;
      const key = `${revision}:${config.key}`;
      if (this.published.get(uri) === key) return;
      this.published.set(uri, key);
      await this.ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: analysis.diagnostics });
    } catch (error) {
      this.ctx.log(`valohai-lint: publishing diagnostics for ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

/** A short stable hash (FNV-1a) for result ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
