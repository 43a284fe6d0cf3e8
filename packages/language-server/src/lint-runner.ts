// Hands lints to the linting thread (lint-worker.ts) and gives back their diagnostics, latest text first: while a lint
// runs, only the newest text of each document waits, and older ones are dropped (their callers ask again for the
// newest). A small document is linted on this thread: its lint takes a few milliseconds, less than the trip to the
// other thread and back. When no worker thread can be started (an embedder without one), every document is linted on
// this thread, with the same incremental linters.
import { Worker } from 'node:worker_threads';
import { textDelta, type Diagnostic, type IncrementalStats, type KnownChange, type LintConfig } from '@valohai-lint/core';
import { DocumentLinters, type WorkerReply, type WorkerRequest } from './lint-worker.js';

/** Documents shorter than this (in characters) are linted on the server's thread; a valohai.yaml is rarely longer. */
export const INLINE_BELOW_CHARS = 32_768;

/** Marks the thread a lint worker when the server's own script is started as one. */
export const LINT_WORKER_ROLE = 'valohai-lint:lint-worker';

/** A lint of one text of a document. */
export interface LintJob {
  uri: string;
  revision: number;
  text: string;
  config: LintConfig;
  configFile: boolean;
  /** How `text` was made from an earlier text, when the document knows (see OpenDocument.lastChange). */
  change?: KnownChange | undefined;
}

/** Thrown to callers whose text was replaced by a newer one before it was linted. */
export class Superseded extends Error {
  constructor() {
    super('A newer text of the document is being linted.');
  }
}

interface Waiting {
  job: LintJob;
  resolve: (diagnostics: Diagnostic[]) => void;
  reject: (error: Error) => void;
}

export class LintRunner {
  private worker: Worker | undefined;
  private inThread: DocumentLinters | undefined;
  /** The newest job of each document that has not been sent yet, with everyone waiting for it. */
  private readonly pending = new Map<string, Waiting[]>();
  private running: { id: number; waiting: Waiting[] } | undefined;
  private nextId = 1;
  /** The text of each document the linting thread holds, so that only what changed is sent. */
  private readonly sent = new Map<string, string>();
  /** How many lints ran (the status request reports it; tests check caching with it). */
  runs = 0;
  /** What the last lint of a valohai.yaml did: items parsed and checked again, or the whole text (status request). */
  lastLint: IncrementalStats | undefined;

  /** `script`: this server's own script, started again as the linting thread; without one, lints run on this thread. */
  constructor(
    private script: string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** The diagnostics of one text; rejects with Superseded when a newer text of the document came first. */
  lint(job: LintJob): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(job.uri) ?? [];
      const older = waiting.filter((w) => w.job.revision < job.revision);
      for (const w of older) w.reject(new Superseded());
      const same = waiting.filter((w) => w.job.revision >= job.revision);
      this.pending.set(job.uri, [...same, { job, resolve, reject }]);
      this.pump();
    });
  }

  /** True while lints run on the linting thread, so that a lint keeps no request waiting. */
  get offThread(): boolean {
    return this.script !== undefined;
  }

  /** A document was closed: its linter's memory can go. */
  forget(uri: string): void {
    for (const w of this.pending.get(uri) ?? []) w.reject(new Superseded());
    this.pending.delete(uri);
    this.sent.delete(uri);
    this.post({ type: 'forget', uri });
    this.inThread?.forget(uri);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** Starts the next pending lint when nothing runs. */
  private pump(): void {
    if (this.running) return;
    const next = this.pending.entries().next();
    if (next.done) return;
    const [uri, waiting] = next.value;
    this.pending.delete(uri);
    // The newest text wins; callers waiting for it share its result.
    const newest = waiting.reduce((a, b) => (b.job.revision > a.job.revision ? b : a));
    const id = this.nextId++;
    this.running = { id, waiting };
    this.runs++;
    const { job } = newest;
    const worker = job.text.length < INLINE_BELOW_CHARS ? undefined : this.workerThread();
    if (worker) {
      const before = this.sent.get(uri);
      // The thread holds `before`: the change that made this text from it is all it needs, known or found.
      const text = before === undefined ? job.text : job.change?.from === before ? job.change.delta : textDelta(before, job.text);
      this.sent.set(uri, job.text);
      worker.postMessage({ type: 'lint', id, uri, text, config: job.config, configFile: job.configFile } satisfies WorkerRequest);
    } else {
      // Here (a small document, or no worker), after the messages already queued (a cancellation, a newer edit) are read.
      setImmediate(() => {
        let reply: WorkerReply;
        try {
          this.inThread ??= new DocumentLinters();
          reply = { type: 'result', id, ...this.inThread.lint(uri, job.text, job.config, job.configFile, job.change) };
        } catch (error) {
          reply = { type: 'error', id, message: error instanceof Error ? error.message : String(error) };
        }
        this.finish(reply);
      });
    }
  }

  private finish(reply: WorkerReply): void {
    const running = this.running;
    if (!running || running.id !== reply.id) return;
    this.running = undefined;
    if (reply.type === 'result' && reply.stats) this.lastLint = reply.stats;
    for (const w of running.waiting) {
      if (reply.type === 'result') w.resolve(reply.diagnostics);
      else w.reject(new Error(reply.message));
    }
    this.pump();
  }

  private post(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  /** The linting thread, started on first use; undefined (lint on this thread) when it cannot be started. */
  private workerThread(): Worker | undefined {
    if (this.worker || this.script === undefined) return this.worker;
    try {
      const worker = new Worker(this.script, { workerData: { role: LINT_WORKER_ROLE }, argv: [] });
      worker.on('message', (reply: WorkerReply) => this.finish(reply));
      worker.on('error', (error) => this.failed(worker, error));
      worker.on('exit', (code) => {
        if (this.worker === worker) this.failed(worker, new Error(`the linting thread ended with exit code ${code}`));
      });
      worker.unref();
      this.worker = worker;
    } catch (error) {
      this.log(`valohai-lint: could not start the linting thread (${String(error)}); linting on the server's thread.`);
      this.script = undefined;
    }
    return this.worker;
  }

  /** The linting thread died: say so, lint on this thread from now on, and run again what it was running. */
  private failed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.script = undefined;
    this.sent.clear();
    this.log(`valohai-lint: the linting thread failed (${error.message}); linting on the server's thread.`);
    const running = this.running;
    this.running = undefined;
    if (running) for (const w of running.waiting) this.pending.set(w.job.uri, [...(this.pending.get(w.job.uri) ?? []), w]);
    this.pump();
  }
}
