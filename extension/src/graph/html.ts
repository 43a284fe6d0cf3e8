// The pipeline-graph webview's page: a strict Content-Security-Policy (nothing by default; the extension's own
// stylesheets; only the script carrying this page's nonce), and no resource from outside the extension.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The folder of the webview's files inside the extension (dist/webview), the only one the webview may load from. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function graphPageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), name)).toString();
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('graph.css')}">
<link rel="stylesheet" href="${asset('graph-view.css')}">
<title>${escaped}</title>
</head>
<body>
<header><nav id="tabs" role="tablist" aria-label="Pipelines" hidden></nav><button id="fit" type="button"></button></header>
<p id="notice" hidden></p>
<main id="canvas" aria-live="polite"></main>
<script nonce="${nonce}" src="${asset('graph-view.js')}"></script>
</body>
</html>`;
}
