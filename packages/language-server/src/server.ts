// Wires a language server onto a connection: capabilities, document sync, settings and configuration-file changes,
// diagnostics delivery and the language features. Embedders (the VS Code extension, tests) call startServer with a
// connection of their own; src/main.ts is the stdio entry point.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import type { IncrementalStats } from '@valohai-lint/core';
import { isConfigFile } from './analysis.js';
import { ServerContext } from './context.js';
import { DiagnosticsDelivery } from './diagnostics.js';
import { listenFeatures } from './features.js';
import { FIX_ALL_COMMAND, FIX_ALL_KIND, SETTINGS_SECTION, SHOW_DOCUMENTATION_COMMAND } from './protocol.js';
import { CONFIG_NAMES } from '@valohai-lint/node';
import { SERVER_VERSION } from './version.js';
import { uriToPath, type DocumentConfig } from './workspace-config.js';

/** Request returning counters that show the server's caching at work (for tests and troubleshooting). */
export const STATUS_REQUEST = 'valohai-lint/status';

export interface ServerStatus {
  /** How many times a document was linted since start-up. */
  lintRuns: number;
  openDocuments: number;
  pullDiagnostics: boolean;
  /** Where documents are linted: on the server's linting thread, or on the thread that answers requests. */
  linting: 'thread' | 'inline';
  /** What the last lint did: the whole text, or how many items it parsed and checked again of how many. */
  lastLint?: IncrementalStats;
}

function readSupport(params: InitializeParams): ServerContext['support'] {
  const c = params.capabilities ?? {};
  return {
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticsRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    configuration: c.workspace?.configuration === true,
    dynamicConfiguration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFiles: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    createFiles: Array.isArray(c.workspace?.workspaceEdit?.resourceOperations) && c.workspace.workspaceEdit.resourceOperations.includes('create'),
    showDocument: c.window?.showDocument?.support === true,
    prepareRename: c.textDocument?.rename?.prepareSupport === true,
  };
}

/** Settings given in `initializationOptions`, for clients that can neither be asked nor push them. */
function initialSettings(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  const o = options as Record<string, unknown>;
  return o[SETTINGS_SECTION] ?? o['settings'];
}

export interface ServerOptions {
  /**
   * This server's own script, which the server starts again as its linting thread so that linting never holds up the
   * editor's requests; without it, documents are linted on the server's thread.
   */
  workerScript?: string;
}

/** Starts serving on a connection (and calls `connection.listen()`). */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const ctx = new ServerContext(connection, options.workerScript);
  const diagnostics = new DiagnosticsDelivery(ctx);

  connection.onInitialize((params): InitializeResult => {
    ctx.lifecycle.initialize();
    ctx.support = readSupport(params);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    ctx.config.setFolders(folders);
    ctx.config.setPushedSettings(initialSettings(params.initializationOptions));
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(ctx.support.pullDiagnostics ? { diagnosticProvider: { identifier: 'valohai-lint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND, FIX_ALL_COMMAND] },
        completionProvider: { triggerCharacters: ['.', ':'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: ctx.support.prepareRename ? { prepareProvider: true } : true,
        documentSymbolProvider: { label: 'valohai-lint' },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        experimental: { pipelineGraphProvider: true },
      },
      serverInfo: { name: 'valohai-lint', version: SERVER_VERSION },
    };
  });

  connection.onShutdown(() => ctx.lifecycle.shutDown());

  connection.onInitialized(() => {
    if (!ctx.lifecycle.running) return;
    ctx.info(`valohai-lint language server ${SERVER_VERSION} started (Node.js ${process.version}).`);
    if (ctx.support.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    if (ctx.support.watchedFiles) {
      const watchers = CONFIG_NAMES.map((name) => ({ globPattern: `**/${name}` }));
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    }
    if (ctx.support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const current = new Set(ctx.config.folders());
        for (const f of e.removed) current.delete(f.uri);
        for (const f of e.added) current.add(f.uri);
        ctx.config.setFolders([...current]);
        ctx.config.clearSettings();
        ctx.config.clearConfigFiles();
        void diagnostics.refreshAll();
      });
    }
  });

  /** A configuration file's text as the editor holds it applies at once (see registry-action.ts), saved or not. */
  const configEdited = (uri: string): void => {
    if (!isConfigFile(uri)) return;
    ctx.config.clearConfigFiles();
    void diagnostics.refreshAll();
  };

  connection.onDidOpenTextDocument((params) => {
    if (!ctx.lifecycle.running) return;
    const td = params?.textDocument;
    const doc = ctx.documents.open(td?.uri, td?.version, td?.text);
    if (!doc) return;
    diagnostics.changed(doc.uri);
    configEdited(doc.uri);
    if (!isConfigFile(doc.uri)) void ctx.config.configFor(doc.uri).then((config) => ctx.info(configurationLine(doc.uri, config)), () => undefined);
  });

  connection.onDidChangeTextDocument((params) => {
    if (!ctx.lifecycle.running) return;
    const doc = ctx.documents.change(params?.textDocument?.uri, params?.textDocument?.version, params?.contentChanges);
    if (doc) {
      diagnostics.changed(doc.uri);
      configEdited(doc.uri);
    }
  });

  connection.onDidCloseTextDocument((params) => {
    if (!ctx.lifecycle.running) return;
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return;
    ctx.documents.close(uri);
    ctx.cache.delete(uri);
    ctx.config.forget(uri);
    diagnostics.closed(uri);
    configEdited(uri);
  });

  connection.onDidChangeConfiguration((params) => {
    if (!ctx.lifecycle.running) return;
    const settings = (params?.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (settings !== undefined) ctx.config.setPushedSettings(settings);
    ctx.config.clearSettings();
    void diagnostics.refreshAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!ctx.lifecycle.running) return;
    // Any watched file may be a configuration file (the nearest one, or the one valohaiLint.configFile names); reloading
    // is cheap and documents are linted again only if their configuration really changed.
    if (!Array.isArray(params?.changes) || params.changes.length === 0) return;
    ctx.config.clearConfigFiles();
    void diagnostics.refreshAll();
  });

  connection.onRequest(STATUS_REQUEST, (): ServerStatus => {
    ctx.lifecycle.checkRequest();
    return { lintRuns: ctx.cache.lintRuns, openDocuments: ctx.documents.all().length, pullDiagnostics: ctx.support.pullDiagnostics, linting: ctx.runner.offThread ? 'thread' : 'inline', ...(ctx.runner.lastLint ? { lastLint: ctx.runner.lastLint } : {}) };
  });

  diagnostics.listen();
  listenFeatures(ctx);
  connection.listen();
}

/** What the output says about an opened file: which configuration file applies to it. */
function configurationLine(uri: string, config: DocumentConfig): string {
  const file = uriToPath(uri) ?? uri;
  if (!config.configPath) return `${file}: no .valohai-lint.yaml applies, so the defaults are used.`;
  if (config.problem?.kind === 'unreadable') return `${file}: configuration ${config.configPath}, which cannot be read: ${config.problem.message}`;
  const problem = config.problem ? ', which has problems (they are shown in the editor)' : '';
  return `${file}: configuration ${config.configPath}${problem}.`;
}
