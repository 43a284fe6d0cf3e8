// The request handlers of the language features, each a thin call into its module: code actions and commands,
// completion, hover, definition, references, rename, document symbols and pipeline graphs.
import { createDocument, fixText, SourceFile, type LintConfig } from '@valohai-lint/core';
import { type CodeAction, type CompletionItem, type DocumentSymbol, type Hover, type Location, type WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from './analysis.js';
import { codeActions, fixAllAction, type CodeActionInput } from './code-actions.js';
import { complete } from './completion.js';
import { guarded, throwIfCancelled, type ServerContext } from './context.js';
import { hover } from './hover.js';
import { definition, prepareRename, references, rename } from './navigation.js';
import { pipelineGraphRequest } from './pipeline-graph.js';
import { FIX_ALL_COMMAND, PIPELINE_GRAPH_REQUEST, SHOW_DOCUMENTATION_COMMAND, type PipelineGraphParams, type PipelineGraphResult } from './protocol.js';
import { documentSymbols } from './symbols.js';

/** What code actions work from: the cached analysis, its configuration, and "fix all" computed once per analysis. */
function actionInput(ctx: ServerContext, analysis: Analysis, config: LintConfig, diagnostics: CodeActionInput['diagnostics']): CodeActionInput {
  return {
    uri: analysis.uri,
    version: analysis.version,
    text: analysis.text,
    ...(analysis.result ? { result: analysis.result } : {}),
    source: new SourceFile(analysis.text),
    root: () => {
      const doc = ctx.documents.get(analysis.uri);
      return doc && ctx.documents.revision(analysis.uri) === analysis.revision ? ctx.cache.parsed(doc, analysis.revision, config.maxFileSize)?.doc.root : createDocument(analysis.text).root;
    },
    config,
    fixedText: () => (analysis.fixedText ??= fixText(analysis.text, config).text),
    diagnostics,
    documentChanges: ctx.support.documentChanges,
  };
}

export function listenFeatures(ctx: ServerContext): void {
  const { connection } = ctx;

  connection.onCodeAction((params, token) =>
    guarded(ctx, 'textDocument/codeAction', [] as CodeAction[], token, async () => {
      const analysis = await ctx.analysis(params.textDocument?.uri, token);
      if (!analysis?.result) return [];
      const l = await ctx.lintable(analysis.uri);
      throwIfCancelled(token);
      if (!l) return [];
      const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
      return codeActions({ ...actionInput(ctx, analysis, l.config.config, diagnostics), ...(Array.isArray(params.context?.only) ? { only: params.context.only } : {}) });
    }),
  );

  connection.onExecuteCommand((params, token) =>
    guarded(ctx, 'workspace/executeCommand', null, token, async () => {
      const arg = params.arguments?.[0];
      if (params.command === SHOW_DOCUMENTATION_COMMAND && typeof arg === 'string' && /^https?:\/\//.test(arg)) {
        if (ctx.support.showDocument) await connection.window.showDocument({ uri: arg, external: true });
        else connection.window.showInformationMessage(`valohai-lint documentation: ${arg}`);
      } else if (params.command === FIX_ALL_COMMAND && typeof arg === 'string') {
        const analysis = await ctx.analysis(arg, token);
        const l = await ctx.lintable(arg);
        if (!analysis?.result || !l) return null;
        const action = fixAllAction(actionInput(ctx, analysis, l.config.config, []));
        if (action?.edit) await connection.workspace.applyEdit({ label: action.title, edit: action.edit });
      }
      return null;
    }),
  );

  connection.onCompletion((params, token) =>
    guarded(ctx, 'textDocument/completion', [] as CompletionItem[], token, async () => {
      const at = await ctx.parsedAt(params.textDocument?.uri, params.position, token);
      if (!at) return [];
      return complete({ text: at.parsed.text, offset: at.offset, model: at.parsed.model, source: at.parsed.source, config: at.config.config });
    }),
  );

  connection.onHover((params, token) =>
    guarded(ctx, 'textDocument/hover', null as Hover | null, token, async () => {
      const at = await ctx.parsedAt(params.textDocument?.uri, params.position, token);
      return at ? hover(at.parsed, at.offset, at.config.config) : null;
    }),
  );

  connection.onDefinition((params, token) =>
    guarded(ctx, 'textDocument/definition', [] as Location[], token, async () => {
      const at = await ctx.parsedAt(params.textDocument?.uri, params.position, token);
      return at ? definition(at.parsed, params.textDocument.uri, at.offset) : [];
    }),
  );

  connection.onReferences((params, token) =>
    guarded(ctx, 'textDocument/references', [] as Location[], token, async () => {
      const at = await ctx.parsedAt(params.textDocument?.uri, params.position, token);
      return at ? references(at.parsed, params.textDocument.uri, at.offset, params.context?.includeDeclaration !== false) : [];
    }),
  );

  connection.onPrepareRename((params, token) =>
    guarded(ctx, 'textDocument/prepareRename', null, token, async () => {
      const at = await ctx.parsedAt(params.textDocument?.uri, params.position, token);
      return (at && prepareRename(at.parsed, at.offset)) ?? null;
    }),
  );

  connection.onRenameRequest((params, token) =>
    guarded(ctx, 'textDocument/rename', null as WorkspaceEdit | null, token, async () => {
      const at = await ctx.parsedAt(params.textDocument?.uri, params.position, token);
      if (!at || typeof params.newName !== 'string') return null;
      return rename(at.parsed, params.textDocument.uri, at.offset, params.newName);
    }),
  );

  connection.onRequest(PIPELINE_GRAPH_REQUEST, (params: PipelineGraphParams | undefined, token) =>
    guarded(ctx, PIPELINE_GRAPH_REQUEST, null as PipelineGraphResult | null, token, () => pipelineGraphRequest(ctx, params)),
  );

  connection.onDocumentSymbol((params, token) =>
    guarded(ctx, 'textDocument/documentSymbol', [] as DocumentSymbol[], token, async () => {
      const at = await ctx.parsedAt(params.textDocument?.uri, { line: 0, character: 0 }, token);
      return at ? documentSymbols(at.parsed) : [];
    }),
  );
}
