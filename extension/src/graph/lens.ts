// "Show pipeline graph" above each `- pipeline:` of a valohai.yaml, from the server's graph view (without drawing).
import * as vscode from 'vscode';
import type { GraphSource } from './source.js';

export class PipelineGraphLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly source: GraphSource,
    private readonly command: string,
  ) {}

  /** Asks VS Code for the lenses again (the server has started, say). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const result = await this.source(document, false).catch(() => undefined);
    if (!result || result.version !== document.version) return [];
    return result.pipelines.map(({ graph }) => {
      const at = graph.keyAt;
      const range = new vscode.Range(at.start.line - 1, at.start.column - 1, at.end.line - 1, at.end.column - 1);
      return new vscode.CodeLens(range, { title: '$(type-hierarchy) Show pipeline graph', tooltip: `Draw pipeline "${graph.name}" beside the editor`, command: this.command, arguments: [document.uri.toString(), graph.name] });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
