// Asks the language server for the pipeline graphs of a document (its valohai-lint/pipelineGraph request), once the
// server is running; undefined when there is no server to ask.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PIPELINE_GRAPH_REQUEST, type PipelineGraphParams, type PipelineGraphResult } from '../../../packages/language-server/src/protocol.js';

/** The graphs of a document: drawn (`render`) or the view alone; null when the server does not have the document. */
export type GraphSource = (document: vscode.TextDocument, render: boolean) => Promise<PipelineGraphResult | null | undefined>;

/** A GraphSource over the client that `running()` resolves to (undefined while there is none). */
export function graphSource(running: () => Promise<LanguageClient | undefined>): GraphSource {
  return async (document, render) => {
    const client = await running();
    if (!client?.isRunning()) return undefined;
    // Top to bottom: the webview is a narrow panel beside the editor.
    const params: PipelineGraphParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) }, render, direction: 'TB' };
    return client.sendRequest<PipelineGraphResult | null>(PIPELINE_GRAPH_REQUEST, params);
  };
}
