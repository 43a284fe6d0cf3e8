// A language client for tests: starts the REAL bundled server (`node packages/language-server/dist/server.js --stdio`),
// speaks JSON-RPC with vscode-languageserver-protocol, answers the server's requests (configuration, registrations,
// applyEdit, showDocument) and lets tests wait for conditions (never for fixed times).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ensureBundle, ROOT } from './build.js';

export { ROOT };

export const SERVER = join(ROOT, 'packages/language-server/dist/server.js');

/** Builds the server bundle when it is missing or older than the sources it is made of. */
export function ensureServerBuilt(): void {
  ensureBundle(SERVER, 'scripts/build-language-server.mjs', ['packages/language-server/src', 'packages/core/src', 'packages/node/src', 'packages/graph/src']);
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export interface ClientOptions {
  /** Declare pull diagnostics support (textDocument/diagnostic). */
  pull: boolean;
  /** Answers workspace/configuration for a scope URI; undefined means the client does not support it. */
  settings?: (scopeUri: string | undefined) => unknown;
  workspaceFolders?: string[];
  initializationOptions?: unknown;
  /** Declare that WorkspaceEdits may create files (`resourceOperations: ['create']`), as VS Code and Neovim do. */
  createFiles?: boolean;
}

type Waiter = { check: () => boolean; resolve: () => void };

export class TestClient {
  readonly pushed: PublishDiagnosticsParams[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly shownDocuments: unknown[] = [];
  readonly registrations: unknown[] = [];
  /** What the server logged (window/logMessage): its type (1 error … 4 log) and message. */
  readonly logs: { type: number; message: string }[] = [];
  refreshes = 0;
  stderr = '';
  /** The server's answer to `initialize`. */
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } } = { capabilities: {} };
  private readonly waiters = new Set<Waiter>();
  private exited = false;

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcessWithoutNullStreams,
  ) {}

  static async start(options: ClientOptions): Promise<TestClient> {
    ensureServerBuilt();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(connection, child);
    child.stderr.on('data', (d: Buffer) => (client.stderr += d.toString()));
    child.on('exit', () => {
      client.exited = true;
      client.notify();
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.pushed.push(p);
      client.notify();
    });
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      client.logs.push(p);
      client.notify();
    });
    connection.onRequest('client/registerCapability', (p: unknown) => {
      client.registrations.push(p);
      return null;
    });
    connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => p.items.map((i) => options.settings?.(i.scopeUri) ?? null));
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      client.notify();
      return null;
    });
    connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      client.appliedEdits.push(p.edit);
      client.notify();
      return { applied: true };
    });
    connection.onRequest('window/showDocument', (p: unknown) => {
      client.shownDocuments.push(p);
      client.notify();
      return { success: true };
    });
    connection.listen();
    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        rename: { prepareSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
      workspace: {
        configuration: options.settings !== undefined,
        workspaceEdit: { documentChanges: true, ...(options.createFiles ? { resourceOperations: ['create'] } : {}) },
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      window: { showDocument: { support: true } },
    };
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  /** Resolves when `check` holds (re-checked on every message from the server); rejects after `timeoutMs`. */
  waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out waiting for ${what}. Server stderr:\n${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = {
        check: () => check() || this.exited,
        resolve: () => {
          clearTimeout(timer);
          if (this.exited && !check()) reject(new Error(`The server exited while waiting for ${what}. Server stderr:\n${this.stderr}`));
          else resolve();
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** The latest pushed diagnostics of a document, once they are for `version` (or any version when undefined). */
  async pushedFor(uri: string, version?: number): Promise<Diagnostic[]> {
    const latest = (): PublishDiagnosticsParams | undefined => this.pushed.filter((p) => p.uri === uri).at(-1);
    await this.waitFor(`diagnostics of ${uri}${version === undefined ? '' : ` version ${version}`}`, () => {
      const p = latest();
      return p !== undefined && (version === undefined || p.version === version);
    });
    return latest()!.diagnostics;
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items ?? [];
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Tells the server that files changed on disk (1 created, 2 changed, 3 deleted), as a file watcher would. */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    if (!this.exited) this.child.kill();
  }
}

/** Applies LSP text edits to a text (as an editor would). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), edits);
}

/** The edits of a WorkspaceEdit for one document (from `changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes?.[uri]) return edit.changes[uri];
  const out: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) if ('textDocument' in c && c.textDocument.uri === uri) out.push(...(c.edits as TextEdit[]));
  return out;
}

/** An LSP range from 0-based numbers. */
export function range(sl: number, sc: number, el: number, ec: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/** The offset of the first `marker` in `text` and the text without it. */
export function cursor(textWithMarker: string, marker = '§'): { text: string; offset: number; position: { line: number; character: number } } {
  const offset = textWithMarker.indexOf(marker);
  if (offset < 0) throw new Error('no cursor marker');
  const text = textWithMarker.slice(0, offset) + textWithMarker.slice(offset + marker.length);
  return { text, offset, position: TextDocument.create('file:///x', 'yaml', 0, text).positionAt(offset) };
}
