// Lint results and parsed trees per document, computed at most once per document revision and configuration: a
// document whose text did not change is never linted again (unless its configuration changed). Lints run on the
// linting thread (lint-runner.ts); parsing for completion, hover and navigation happens here, on demand.
import { buildModel, createDocument, DEFAULT_MAX_FILE_SIZE, type SourceFile, type LintResult, type ValohaiDocument, type ValohaiModel } from '@valohai-lint/core';
import { CONFIG_NAMES } from '@valohai-lint/node';
import type { Diagnostic } from 'vscode-languageserver';
import type { OpenDocument } from './documents.js';
import type { LintRunner } from './lint-runner.js';
import { occurrences, type Occurrence } from './references.js';
import { configProblemDiagnostic, toLspDiagnostic } from './to-lsp.js';
import type { DocumentConfig } from './workspace-config.js';

export interface Analysis {
  uri: string;
  version: number;
  revision: number;
  configKey: string;
  text: string;
  /** The core's findings (as a LintResult without the parsed document, which stays on the linting thread); undefined
   * when linting is disabled for the document or it is a configuration file. */
  result?: LintResult;
  /** The text with every safe fix applied (computed on the first "fix all" request, then reused). */
  fixedText?: string;
  diagnostics: Diagnostic[];
}

/** A parsed document for completion, hover and navigation. */
export interface Parsed {
  text: string;
  doc: ValohaiDocument;
  model: ValohaiModel;
  source: SourceFile;
  /** Every place naming a step, task or node (hover, navigation and rename all look them up), found on first use. */
  occurrences: readonly Occurrence[];
}

interface Entry {
  revision: number;
  analysis?: Analysis;
  parsed?: Parsed | null;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Lints in progress, by document, revision and configuration, so that concurrent requests share one. */
  private readonly inFlight = new Map<string, Promise<Analysis>>();

  constructor(private readonly runner: LintRunner) {}

  /** How many times a document was linted (the status request reports it, tests check caching with it). */
  get lintRuns(): number {
    return this.runner.runs;
  }

  private entry(uri: string, revision: number): Entry {
    let e = this.entries.get(uri);
    if (!e || e.revision !== revision) {
      e = { revision };
      this.entries.set(uri, e);
    }
    return e;
  }

  /** The cached analysis of exactly this revision and configuration, if any. */
  peek(uri: string, revision: number, configKey: string): Analysis | undefined {
    const e = this.entries.get(uri);
    return e?.revision === revision && e.analysis?.configKey === configKey ? e.analysis : undefined;
  }

  /**
   * The analysis of a document's revision under a configuration: cached, or linted on the linting thread. Rejects with
   * Superseded when a newer revision of the document is linted first; the caller asks again for the newest.
   */
  analyze(doc: OpenDocument, revision: number, config: DocumentConfig): Promise<Analysis> {
    const cached = this.peek(doc.uri, revision, config.key);
    if (cached) return Promise.resolve(cached);
    const key = `${doc.uri}\u0000${revision}\u0000${config.key}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const text = doc.getText();
    // Read with the text: the change that made this text, not a later one.
    const change = doc.lastChange;
    const version = doc.version;
    const base: Analysis = { uri: doc.uri, version, revision, configKey: config.key, text, diagnostics: [] };
    const promise = (async (): Promise<Analysis> => {
      try {
        if (!config.settings.enable) return this.store(base, revision);
        const configFile = isConfigFile(doc.uri);
        const found = await this.runner.lint({ uri: doc.uri, revision, text, config: config.config, configFile, change });
        const analysis: Analysis = { ...base, diagnostics: found.map((d) => toLspDiagnostic(d, doc.uri, version)) };
        if (!configFile) {
          analysis.result = { diagnostics: found };
          if (config.problem) analysis.diagnostics.unshift(configProblemDiagnostic(config.problem, version));
        }
        return this.store(analysis, revision);
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, promise);
    return promise;
  }

  private store(analysis: Analysis, revision: number): Analysis {
    const e = this.entry(analysis.uri, revision);
    e.analysis = analysis;
    return analysis;
  }

  /** The parsed document; undefined when too large or not a valohai.yaml. Parsed here, for completion and hover. */
  parsed(doc: OpenDocument, revision: number, maxFileSize = DEFAULT_MAX_FILE_SIZE): Parsed | undefined {
    const e = this.entry(doc.uri, revision);
    if (e.parsed === undefined) {
      const text = doc.getText();
      if (text.length > maxFileSize || isConfigFile(doc.uri)) e.parsed = null;
      else e.parsed = parsedOf(text, createDocument(text));
    }
    return e.parsed ?? undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.runner.forget(uri);
  }
}

/** A parsed document whose model and occurrences are built on first use, once per revision. */
function parsedOf(text: string, doc: ValohaiDocument): Parsed {
  let model: ValohaiModel | undefined;
  let found: Occurrence[] | undefined;
  return {
    text,
    doc,
    source: doc.source,
    get model(): ValohaiModel {
      model ??= buildModel(doc.root);
      return model;
    },
    get occurrences(): readonly Occurrence[] {
      found ??= occurrences(this.model, doc.source);
      return found;
    },
  };
}

/** True for a valohai-lint configuration file (`.valohai-lint.yaml`), which is checked as configuration, not as valohai.yaml. */
export function isConfigFile(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A malformed escape: compare the name as written.
  }
  return CONFIG_NAMES.includes(decoded);
}
