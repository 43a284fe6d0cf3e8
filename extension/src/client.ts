// The language client: starts the bundled server (dist/server.js) over Node IPC for valohai.yaml files, answers the
// server's settings requests per resource, keeps files whose folder has valohai-lint turned off free of diagnostics,
// and adds a "Show documentation" action for each diagnostic.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  vsdiag,
} from 'vscode-languageclient/node';
import type {
  CloseHandlerResult,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_SHOW_DOCUMENTATION_COMMAND, ruleIdFromUrl, ruleIdOf } from './rule-docs.js';
import { SECTION, documentPatterns, readSettings } from './settings.js';
import type { ServerStatusItem } from './status.js';

/** Client id: also the prefix of the `valohaiLint.trace.server` setting the client library reads. */
export const CLIENT_ID = SECTION;
/** The code action kind of "fix all" (the server offers it as a source action). */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('valohai-lint');
/** Command of the "Show documentation for <rule>" code action. */
export const SHOW_RULE_DOCS_COMMAND = 'valohaiLint.showRuleDocumentation';

/** Crashes within this window count towards the restart limit. */
const RESTART_WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 4;

/** Restarts a crashed server a few times, then gives up and leaves the status item in the error state. */
class RestartingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly status: ServerStatusItem,
  ) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - (this.crashes[0] ?? now) > RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length <= MAX_RESTARTS) {
      this.output.warn(`The server stopped unexpectedly; restarting it (${this.crashes.length}/${MAX_RESTARTS}).`);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = `The valohai-lint server stopped ${this.crashes.length} times in 3 minutes and will not be restarted.`;
    this.status.set('error', message);
    return { action: CloseAction.DoNotRestart, message };
  }
}

/** Creates a client for the server bundled at `serverModule`. It is not started yet. */
export function createClient(
  serverModule: string,
  output: vscode.LogOutputChannel,
  status: ServerStatusItem,
  showRuleDocs: (ruleId: string) => Promise<void>,
): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };

  const isEnabled = (uri: vscode.Uri): boolean => readSettings(uri).enable;

  const clientOptions: LanguageClientOptions = {
    documentSelector: documentPatterns().map((pattern) => ({ scheme: 'file', pattern })),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new RestartingErrorHandler(output, status),
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
    middleware: {
      workspace: {
        // The server pulls settings per file; answer with the settings of that file's folder, paths resolved.
        configuration: async (params, token, next) => {
          const results = await next(params, token);
          if (!Array.isArray(results)) return results;
          return params.items.map((item, index) => {
            if (item.section !== undefined && item.section !== SECTION) return results[index];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return readSettings(scope);
          });
        },
      },
      // valohaiLint.enable is honoured here as well as in the server, so a folder that turned it off stays clean.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const uri = document instanceof vscode.Uri ? document : document.uri;
        if (!isEnabled(uri)) return { kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] };
        return next(document, previousResultId, token);
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, isEnabled(uri) ? diagnostics : []);
      },
      // The server's "Show documentation" actions carry the page's URL; open the page bundled with the extension.
      executeCommand: async (command, args, next) => {
        const ruleId = command === SERVER_SHOW_DOCUMENTATION_COMMAND ? ruleIdFromUrl(args[0]) : undefined;
        return ruleId ? showRuleDocs(ruleId) : next(command, args);
      },
      provideCodeActions: async (document, range, context, token, next) => {
        if (!isEnabled(document.uri)) return [];
        const actions = (await next(document, range, context, token)) ?? [];
        return [...actions, ...documentationActions(context, actions)];
      },
    },
  };

  return new LanguageClient(CLIENT_ID, 'valohai-lint', serverOptions, clientOptions);
}

/** One "Show documentation for <rule>" action per rule among the diagnostics, unless the server already offers it. */
function documentationActions(
  context: vscode.CodeActionContext,
  existing: readonly (vscode.Command | vscode.CodeAction)[],
): vscode.CodeAction[] {
  if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
  const offered = new Set(existing.map((action) => action.title));
  const result: vscode.CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of context.diagnostics) {
    const id = ruleIdOf(diagnostic);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const title = `Show documentation for ${id}`;
    if (offered.has(title)) continue;
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { title, command: SHOW_RULE_DOCS_COMMAND, arguments: [id] };
    result.push(action);
  }
  return result;
}

/** Maps the client library's state to the status item. */
export function trackState(client: LanguageClient, status: ServerStatusItem): vscode.Disposable {
  return client.onDidChangeState(({ newState }) => {
    if (newState === State.Starting) status.set('starting');
    else if (newState === State.Running) status.set('running');
    else if (status.status !== 'error') status.set('stopped');
  });
}
