// The linting thread of the language server: lints documents with the core's incremental linter (one per document, so
// an edit re-checks only the items it touched) and answers with the diagnostics. It runs apart from the thread that
// answers the editor, so completion, hover and cancellation never wait for a lint.
import { parentPort } from 'node:worker_threads';
import { applyDelta, IncrementalLinter, parseConfig, type Diagnostic, type IncrementalStats, type KnownChange, type LintConfig, type TextDelta } from '@valohai-lint/core';

/**
 * What the server thread asks: lint one text of a document, or forget a closed document. The text comes whole the first
 * time, then as the change from the text sent before.
 */
export type WorkerRequest = { type: 'lint'; id: number; uri: string; text: string | TextDelta; config: LintConfig; configFile: boolean } | { type: 'forget'; uri: string };

/** What the linting thread answers, per lint request. */
export type WorkerReply = { type: 'result'; id: number; diagnostics: Diagnostic[]; stats?: IncrementalStats } | { type: 'error'; id: number; message: string };

/** Lints one text of a document, keeping what the document's linter knows from its earlier texts. */
export class DocumentLinters {
  private readonly linters = new Map<string, IncrementalLinter>();

  /** `change`: how `text` was made from the document's text before, when known (the linting thread is sent only that). */
  lint(uri: string, text: string, config: LintConfig, configFile: boolean, change?: KnownChange): { diagnostics: Diagnostic[]; stats?: IncrementalStats } {
    // A `.valohai-lint.yaml` open in the editor: its own problems, as the CLI reports them.
    if (configFile) return { diagnostics: parseConfig(text).diagnostics };
    let linter = this.linters.get(uri);
    if (!linter) {
      linter = new IncrementalLinter();
      this.linters.set(uri, linter);
    }
    return { diagnostics: linter.lint(text, config, change).diagnostics, stats: linter.stats };
  }

  forget(uri: string): void {
    this.linters.delete(uri);
  }
}

/** Serves lint requests on this worker thread's port until the server ends. */
export function serveLintRequests(): void {
  const port = parentPort;
  if (!port) throw new Error('The lint worker must run in a worker thread.');
  const linters = new DocumentLinters();
  const texts = new Map<string, string>();
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'forget') {
      linters.forget(request.uri);
      texts.delete(request.uri);
      return;
    }
    let reply: WorkerReply;
    try {
      const before = texts.get(request.uri);
      const change = typeof request.text === 'string' || before === undefined ? undefined : { from: before, delta: request.text };
      const text = typeof request.text === 'string' ? request.text : change && applyDelta(change.from, change.delta);
      if (text === undefined) throw new Error(`no earlier text of ${request.uri} to apply a change to`);
      texts.set(request.uri, text);
      reply = { type: 'result', id: request.id, ...linters.lint(request.uri, text, request.config, request.configFile, change) };
    } catch (error) {
      reply = { type: 'error', id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}
