// The language client: starts the bundled server (dist/server.js) over Node IPC for valohai.yaml files, answers the
// server's settings requests per resource, and opens the bundled rule pages for the server's documentation actions.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import type {
  CloseHandlerResult,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';
import { FIX_ALL_KIND as SERVER_FIX_ALL_KIND, SHOW_DOCUMENTATION_COMMAND } from '../../packages/language-server/src/protocol.js';
import { ruleIdFromUrl } from './rule-docs.js';
import { SECTION, documentPatterns, readSettings } from './settings.js';
import type { ServerStatusItem } from './status.js';

/** Client id: also the prefix of the `valohaiLint.trace.server` setting the client library reads. */
export const CLIENT_ID = SECTION;
/** The code action kind of "fix all" (the server offers it as a source action). */
export const FIX_ALL_KIND = vscode.CodeActionKind.Empty.append(SERVER_FIX_ALL_KIND);
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
      // The server's "Show documentation" actions carry the page's URL; open the page bundled with the extension.
      executeCommand: async (command, args, next) => {
        const ruleId = command === SHOW_DOCUMENTATION_COMMAND ? ruleIdFromUrl(args[0]) : undefined;
        return ruleId ? showRuleDocs(ruleId) : next(command, args);
      },
    },
  };

  return new LanguageClient(CLIENT_ID, 'valohai-lint', serverOptions, clientOptions);
}

/** Maps the client library's state to the status item. */
export function trackState(client: LanguageClient, status: ServerStatusItem): vscode.Disposable {
  return client.onDidChangeState(({ newState }) => {
    if (newState === State.Starting) status.set('starting');
    else if (newState === State.Running) status.set('running');
    else if (status.status !== 'error') status.set('stopped');
  });
}
