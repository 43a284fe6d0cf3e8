// What every handler of one server instance shares: the connection, the open documents, the analysis cache, the
// configuration and what the client said it can do. One object per server; no module-level state.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { AnalysisCache, isConfigFile, type Analysis, type Parsed } from './analysis.js';
import { LintRunner, Superseded } from './lint-runner.js';
import { DocumentStore, sanitizePosition, type OpenDocument } from './documents.js';
import { Lifecycle } from './lifecycle.js';
import { SETTINGS_SECTION } from './protocol.js';
import { uriToPath, WorkspaceConfig, type DocumentConfig } from './workspace-config.js';

/** What the client supports, read once from `initialize`. */
export interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticsRefresh: boolean;
  configuration: boolean;
  dynamicConfiguration: boolean;
  watchedFiles: boolean;
  workspaceFolders: boolean;
  documentChanges: boolean;
  /** The client can create files in a WorkspaceEdit (`resourceOperations` includes `create`). */
  createFiles: boolean;
  showDocument: boolean;
  prepareRename: boolean;
}

export class ServerContext {
  readonly documents = new DocumentStore();
  readonly runner: LintRunner;
  readonly cache: AnalysisCache;
  readonly lifecycle = new Lifecycle();
  readonly config: WorkspaceConfig;
  support: ClientSupport = {
    pullDiagnostics: false,
    diagnosticsRefresh: false,
    configuration: false,
    dynamicConfiguration: false,
    watchedFiles: false,
    workspaceFolders: false,
    documentChanges: false,
    createFiles: false,
    showDocument: false,
    prepareRename: false,
  };

  /** `workerScript`: this server's own script, started again as its linting thread (see lint-runner.ts). */
  constructor(
    readonly connection: Connection,
    workerScript?: string,
  ) {
    this.runner = new LintRunner(workerScript, (message) => this.log(message));
    this.cache = new AnalysisCache(this.runner);
    this.config = new WorkspaceConfig(
      { pull: (scopeUri) => (this.support.configuration ? connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION }) : Promise.resolve(undefined)) },
      (message) => this.log(message),
      (path) => this.openConfigDocument(path)?.getText(),
    );
  }

  /** The configuration file at `path`, when it is open in the editor (its text may be newer than the disk's). */
  openConfigDocument(path: string): OpenDocument | undefined {
    return this.documents.all().find((d) => isConfigFile(d.uri) && uriToPath(d.uri) === path);
  }

  log(message: string): void {
    try {
      this.connection.console.log(message);
    } catch {
      // The connection may already be closed.
    }
  }

  /** Tells the user something worth knowing (editors show it in the server's output, e.g. VS Code's output channel). */
  info(message: string): void {
    try {
      this.connection.console.info(message);
    } catch {
      // The connection may already be closed.
    }
  }

  /** The document, its revision and its configuration, or undefined when it is not open. */
  async lintable(uri: unknown): Promise<{ doc: OpenDocument; revision: number; config: DocumentConfig } | undefined> {
    if (typeof uri !== 'string') return undefined;
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const revision = this.documents.revision(uri);
    const config = await this.config.configFor(uri);
    return { doc, revision, config };
  }

  /**
   * The analysis of a document's current text under its current configuration (linting only if not cached). When the
   * document changes while it is linted, the newest text is analyzed instead.
   */
  async analysis(uri: unknown, token?: CancellationToken): Promise<Analysis | undefined> {
    for (;;) {
      const l = await this.lintable(uri);
      throwIfCancelled(token);
      if (!l) return undefined;
      // The document may have changed while the settings were read.
      const doc = this.documents.get(l.doc.uri);
      if (!doc) return undefined;
      try {
        return await this.cache.analyze(doc, this.documents.revision(doc.uri), l.config);
      } catch (error) {
        if (!(error instanceof Superseded)) throw error;
        throwIfCancelled(token);
      }
    }
  }

  /** The parsed document and the offset of an LSP position in it. */
  async parsedAt(uri: unknown, position: unknown, token?: CancellationToken): Promise<{ parsed: Parsed; offset: number; config: DocumentConfig } | undefined> {
    const l = await this.lintable(uri);
    throwIfCancelled(token);
    if (!l) return undefined;
    const parsed = this.cache.parsed(l.doc, this.documents.revision(l.doc.uri), l.config.config.maxFileSize);
    if (!parsed) return undefined;
    return { parsed, offset: parsed.source.offsetAt(sanitizePosition(position)), config: l.config };
  }
}

/** Lets queued messages (a `$/cancelRequest`, newer edits) be read before starting work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Runs a request handler so that no input can crash the server: cancellation and protocol errors go back as errors,
 * anything else is logged and answered with the fallback. A request before `initialize` or after `shutdown` gets the
 * error the specification requires.
 */
export async function guarded<T>(ctx: ServerContext, name: string, fallback: T, token: CancellationToken | undefined, fn: () => Promise<T> | T): Promise<T> {
  // Checked before anything is awaited: the lifecycle as it was when the request arrived.
  ctx.lifecycle.checkRequest();
  try {
    await yieldToEventLoop();
    throwIfCancelled(token);
    return await fn();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    ctx.log(`valohai-lint: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

