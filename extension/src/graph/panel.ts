// The pipeline-graph webviews: one beside the editor per valohai.yaml, redrawn by the language server as the file
// changes, marking the element under the cursor, and revealing an element's YAML when it is clicked.
import * as vscode from 'vscode';
import type { PipelineGraphResult } from '../../../packages/language-server/src/protocol.js';
import { elementAt, elementRange } from './elements.js';
import { graphPageHtml, webviewRoot } from './html.js';
import type { FromWebview, ToWebview } from './messages.js';
import type { GraphSource } from './source.js';

/** Edits in quick succession are drawn once, this long after the last. */
const REDRAW_DELAY_MS = 150;
/** How often in a row an answer for an older version of the file is asked again before giving up until the next edit. */
const MAX_STALE_RETRIES = 5;

export const GRAPH_VIEW_TYPE = 'valohaiLint.pipelineGraph';

class GraphPanel {
  private result: PipelineGraphResult | undefined;
  private selected = 0;
  private wanted: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private staleRetries = 0;

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly source: GraphSource,
  ) {
    panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message));
    panel.onDidDispose(() => clearTimeout(this.timer));
  }

  /** Shows pipeline `name` once the graphs are known. */
  choose(name: string | undefined): void {
    this.wanted = name;
    this.applyWanted();
  }

  redrawSoon(delay = REDRAW_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw(), delay);
  }

  private applyWanted(): void {
    if (this.wanted === undefined || !this.result) return;
    const index = this.result.pipelines.findIndex((p) => p.graph.name === this.wanted);
    if (index >= 0) this.selected = index;
    this.wanted = undefined;
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  private async redraw(): Promise<void> {
    const document = this.document();
    if (!document) {
      this.post({ type: 'render', pipelines: [], selected: 0, notice: 'The file is closed; open it to see its pipelines again.' });
      return;
    }
    let result: PipelineGraphResult | null | undefined;
    try {
      result = await this.source(document, true);
    } catch (error) {
      this.post({ type: 'render', pipelines: [], selected: 0, notice: `The graph could not be drawn: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (result === undefined) {
      this.post({ type: 'render', pipelines: [], selected: 0, notice: 'The valohai-lint server is not running.' });
      return;
    }
    if (result === null) {
      this.post({ type: 'render', pipelines: [], selected: 0, notice: 'valohai-lint does not check this file.' });
      return;
    }
    // The server answered for an older text: ask again, a bounded number of times (the next edit starts over).
    if (result.version !== document.version) {
      if (this.staleRetries++ < MAX_STALE_RETRIES) this.redrawSoon();
      return;
    }
    this.staleRetries = 0;
    this.result = result;
    this.applyWanted();
    this.selected = Math.min(this.selected, Math.max(0, result.pipelines.length - 1));
    this.post({
      type: 'render',
      pipelines: result.pipelines.map((p) => ({ name: p.graph.name, svg: p.svg ?? '' })),
      selected: this.selected,
      ...(result.pipelines.length === 0 ? { notice: 'This file has no pipelines.' } : {}),
    });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) this.cursorAt(document, editor.selection.active);
  }

  /** Marks the element under the cursor (switching to its pipeline). */
  cursorAt(document: vscode.TextDocument, position: vscode.Position): void {
    if (!this.result || this.result.version !== document.version) return;
    const hit = elementAt(this.result, document.offsetAt(position));
    if (!hit) {
      this.post({ type: 'highlight', pipeline: this.selected });
      return;
    }
    this.selected = hit.pipeline;
    this.post({ type: 'highlight', pipeline: hit.pipeline, ...(hit.id === undefined ? {} : { id: hit.id }) });
  }

  private receive(message: FromWebview): void {
    if (message.type === 'ready') this.redrawSoon(0);
    else if (message.type === 'select') this.selected = message.pipeline;
    else if (message.type === 'reveal') void this.reveal(message.pipeline, message.ref);
  }

  /** Shows the element's YAML in the editor of the file, selecting its name. */
  private async reveal(pipeline: number, ref: string): Promise<void> {
    const at = this.result && elementRange(this.result, pipeline, ref);
    if (!at) return;
    const document = await vscode.workspace.openTextDocument(this.uri);
    const column = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn ?? vscode.ViewColumn.One;
    const range = new vscode.Range(at.start.line - 1, at.start.column - 1, at.end.line - 1, at.end.column - 1);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** Every open pipeline-graph webview, by file. */
export class GraphPanels implements vscode.Disposable {
  private readonly panels = new Map<string, GraphPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: GraphSource,
  ) {}

  /** Listeners that keep the webviews in step with their files: edits, new findings, the cursor. */
  register(): vscode.Disposable[] {
    return [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.panels.get(event.document.uri.toString())?.redrawSoon();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) this.panels.get(uri.toString())?.redrawSoon();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        const document = event.textEditor.document;
        const active = event.selections[0]?.active;
        if (active) this.panels.get(document.uri.toString())?.cursorAt(document, active);
      }),
      this,
    ];
  }

  /**
   * Opens (or brings forward) the graph of a file beside its editor: `target` is a URI (the editor title button and the
   * code lens pass one), else the active editor's file; `pipeline` names the pipeline to show first.
   */
  async show(target?: unknown, pipeline?: unknown): Promise<void> {
    const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a valohai.yaml to see its pipeline graph.');
      return;
    }
    await vscode.workspace.openTextDocument(uri);
    const key = uri.toString();
    let panel = this.panels.get(key);
    if (panel) panel.panel.reveal(undefined, true);
    else {
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const webviewPanel = vscode.window.createWebviewPanel(
        GRAPH_VIEW_TYPE,
        `Pipeline graph · ${name}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [webviewRoot(this.extensionUri)] },
      );
      webviewPanel.webview.html = graphPageHtml(webviewPanel.webview, this.extensionUri, `Pipeline graph of ${name}`);
      panel = new GraphPanel(uri, webviewPanel, this.source);
      this.panels.set(key, panel);
      webviewPanel.onDidDispose(() => this.panels.delete(key));
    }
    panel.choose(typeof pipeline === 'string' ? pipeline : undefined);
    panel.redrawSoon(0);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.panel.dispose();
    this.panels.clear();
  }
}
