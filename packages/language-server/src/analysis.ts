// Lint results and parsed trees per document, computed at most once per document revision and configuration: a
// document whose text did not change is never linted again (unless its configuration changed).
import { buildModel, createDocument, DEFAULT_MAX_FILE_SIZE, lint, parseConfig, type SourceFile, type LintResult, type ValohaiDocument, type ValohaiModel } from '@valohai-lint/core';
import { CONFIG_NAMES } from '@valohai-lint/node';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { configProblemDiagnostic, toLspDiagnostic } from './to-lsp.js';
import type { DocumentConfig } from './workspace-config.js';

export interface Analysis {
  uri: string;
  version: number;
  revision: number;
  configKey: string;
  text: string;
  /** The core's result; undefined when linting is disabled for the document. */
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
}

interface Entry {
  revision: number;
  analysis?: Analysis;
  parsed?: Parsed | null;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** How many times the core linted a document (the status request reports it, tests check caching with it). */
  lintRuns = 0;

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

  analyze(doc: TextDocument, revision: number, config: DocumentConfig): Analysis {
    const cached = this.peek(doc.uri, revision, config.key);
    if (cached) return cached;
    const e = this.entry(doc.uri, revision);
    const text = doc.getText();
    const analysis: Analysis = { uri: doc.uri, version: doc.version, revision, configKey: config.key, text, diagnostics: [] };
    if (config.settings.enable && isConfigFile(doc.uri)) {
      // A `.valohai-lint.yaml` open in the editor: its own problems, as the CLI reports them (config-invalid).
      this.lintRuns++;
      analysis.diagnostics = parseConfig(text).diagnostics.map((d) => toLspDiagnostic(d, doc.uri, doc.version));
    } else if (config.settings.enable) {
      this.lintRuns++;
      // A document parsed earlier for completion or hover (same revision, so same text) is not parsed again.
      const result = lint(text, config.config, e.parsed ? { document: e.parsed.doc } : undefined);
      analysis.result = result;
      analysis.diagnostics = result.diagnostics.map((d) => toLspDiagnostic(d, doc.uri, doc.version));
      if (config.problem) analysis.diagnostics.unshift(configProblemDiagnostic(config.problem, doc.version));
      if (result.document && e.parsed === undefined) e.parsed = parsedOf(text, result.document, result.model);
    }
    e.analysis = analysis;
    return analysis;
  }

  /** The parsed document (reusing the lint's parse when there was one); undefined when too large or not a valohai.yaml. */
  parsed(doc: TextDocument, revision: number, maxFileSize = DEFAULT_MAX_FILE_SIZE): Parsed | undefined {
    const e = this.entry(doc.uri, revision);
    if (e.parsed === undefined) {
      const text = doc.getText();
      if (text.length > maxFileSize || isConfigFile(doc.uri)) e.parsed = null;
      else {
        e.parsed = parsedOf(text, createDocument(text));
      }
    }
    return e.parsed ?? undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

/** A parsed document; its model is the lint's when there was one, else built on first use. */
function parsedOf(text: string, doc: ValohaiDocument, lintModel?: ValohaiModel): Parsed {
  let model = lintModel;
  return {
    text,
    doc,
    source: doc.source,
    get model(): ValohaiModel {
      model ??= buildModel(doc.root);
      return model;
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
