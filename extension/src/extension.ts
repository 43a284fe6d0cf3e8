// Entry point of the VS Code extension: creates the output channel, the status bar item and the language client, and
// registers the commands (restart the server, show its output, fix all problems in a file, show a rule's page, show
// the pipeline graph) with the graph's code lenses.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIX_ALL_KIND, SHOW_RULE_DOCS_COMMAND, createClient, trackState } from './client.js';
import { PipelineGraphLenses } from './graph/lens.js';
import { GraphPanels } from './graph/panel.js';
import { graphSource } from './graph/source.js';
import { RuleDocs } from './rule-docs.js';
import { SECTION, documentPatterns } from './settings.js';
import { ServerStatusItem } from './status.js';

/** Command ids, as contributed in package.json. */
export const COMMANDS = {
  restartServer: 'valohaiLint.restartServer',
  showOutput: 'valohaiLint.showOutput',
  fixAll: 'valohaiLint.fixAll',
  showRuleDocumentation: SHOW_RULE_DOCS_COMMAND,
  showPipelineGraph: 'valohaiLint.showPipelineGraph',
} as const;

/** What activate() sets up; deactivate() stops it. */
class Extension {
  private client: LanguageClient | undefined;
  /** Resolves to the client once it runs (undefined when it could not start); what the graph asks the server through. */
  private running: Promise<LanguageClient | undefined> = Promise.resolve(undefined);
  private clientSubscriptions: vscode.Disposable[] = [];
  private readonly output = vscode.window.createOutputChannel('valohai-lint', { log: true });
  private readonly status = new ServerStatusItem(COMMANDS.showOutput);
  private readonly docs: RuleDocs;
  private readonly graphs: GraphPanels;
  private readonly lenses: PipelineGraphLenses;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.docs = new RuleDocs(context.extensionUri);
    const source = graphSource(() => this.running);
    this.graphs = new GraphPanels(context.extensionUri, source);
    this.lenses = new PipelineGraphLenses(source, COMMANDS.showPipelineGraph);
  }

  register(): vscode.Disposable[] {
    return [
      this.output,
      this.status,
      vscode.commands.registerCommand(COMMANDS.restartServer, () => this.restart()),
      vscode.commands.registerCommand(COMMANDS.showOutput, () => this.output.show(true)),
      vscode.commands.registerCommand(COMMANDS.fixAll, () => this.fixAll()),
      vscode.commands.registerCommand(COMMANDS.showRuleDocumentation, (ruleId?: unknown) =>
        this.docs.show(typeof ruleId === 'string' ? ruleId : undefined),
      ),
      vscode.commands.registerCommand(COMMANDS.showPipelineGraph, (target?: unknown, pipeline?: unknown) => this.graphs.show(target, pipeline)),
      vscode.languages.registerCodeLensProvider(
        documentPatterns().map((pattern) => ({ scheme: 'file', pattern })),
        this.lenses,
      ),
      this.lenses,
      ...this.graphs.register(),
      // The document selector is fixed when a client starts, so a change of valohaiLint.files needs a new one.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.files`)) void this.restart();
      }),
    ];
  }

  /** Starts a client; failures show in the status item and the output channel, never as an exception. */
  async start(): Promise<void> {
    const serverModule = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'server.js').fsPath;
    const client = createClient(serverModule, this.output, this.status, (ruleId) => this.docs.show(ruleId));
    this.client = client;
    this.clientSubscriptions = [trackState(client, this.status)];
    this.status.set('starting');
    this.running = client.start().then(
      () => client,
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.output.error(`The valohai-lint server could not start: ${message}`);
        this.status.set('error', message);
        return undefined;
      },
    );
    await this.running;
    // Lenses asked for before the server ran came back empty.
    this.lenses.refresh();
  }

  /** Stops the running client, if any; errors while stopping a broken server are logged, not thrown. */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.running = Promise.resolve(undefined);
    for (const subscription of this.clientSubscriptions) subscription.dispose();
    this.clientSubscriptions = [];
    if (!client) return;
    try {
      if (client.needsStop()) await client.stop();
      else await client.dispose();
    } catch (error) {
      this.output.warn(`Stopping the server: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.status.set('stopped');
  }

  async restart(): Promise<void> {
    this.output.info('Restarting the valohai-lint server.');
    await this.stop();
    await this.start();
  }

  /** Applies every safe fix the server offers for the active file (its source.fixAll.valohai-lint action). */
  async fixAll(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const document = editor.document;
    const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
        'vscode.executeCodeActionProvider',
        document.uri,
        whole,
        FIX_ALL_KIND.value,
        10,
      )) ?? [];
    const fixes = actions.filter(
      (action): action is vscode.CodeAction =>
        action instanceof vscode.CodeAction && action.kind !== undefined && FIX_ALL_KIND.contains(action.kind),
    );
    if (fixes.length === 0) {
      void vscode.window.showInformationMessage('valohai-lint: nothing in this file can be fixed automatically.');
      return;
    }
    for (const fix of fixes) {
      if (fix.edit && !(await vscode.workspace.applyEdit(fix.edit))) {
        void vscode.window.showErrorMessage('valohai-lint: the fixes could not be applied; the file changed meanwhile.');
        return;
      }
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    }
  }
}

let current: Extension | undefined;

/** Called by VS Code when a valohai.yaml (or a YAML file) is opened, or one of the commands is run. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const extension = new Extension(context);
  current = extension;
  context.subscriptions.push(...extension.register());
  await extension.start();
}

/** Called by VS Code on shutdown: stops the server cleanly. */
export async function deactivate(): Promise<void> {
  const extension = current;
  current = undefined;
  await extension?.stop();
}
