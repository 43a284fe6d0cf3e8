// The quick fix "Add registry pattern "<host>/<prefix>/*" to .valohai-lint.yaml" on an image that needs credentials no
// configured pattern covers. It is a WorkspaceEdit the client applies (undoable, and onto the configuration's open,
// maybe unsaved, text): one insertion into the file, which keeps every byte already there, or, when there is no file
// yet, a CreateFile followed by the file's text. The server reads open configuration files from the editor, so the
// finding goes away as soon as the edit lands, saved or not.
import { addRegistries, SourceFile, type Diagnostic as CoreDiagnostic } from '@valohai-lint/core';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { spanToRange } from './to-lsp.js';

const NEW_FILE_HEADER = '# valohai-lint configuration (docs/configuration.md): the registry credentials your Valohai organization has.\n';

/** The configuration file a pattern would go into, as the editor has it. */
export interface ConfigTarget {
  uri: string;
  /** Its file name, for the action's title. */
  name: string;
  /** Its text: the open document's, else the file's, else '' (no file yet). */
  text: string;
  /** The open document's version, or null when it is not open. */
  version: number | null;
  exists: boolean;
  /** The client can create files (`workspace.workspaceEdit.resourceOperations` includes `create`). */
  canCreate: boolean;
  /** The client takes `documentChanges` (versioned edits and resource operations). */
  documentChanges: boolean;
}

/** The action for one finding of image-registry-coverage that names the pattern to add, or undefined. */
export function addRegistryAction(target: ConfigTarget, core: CoreDiagnostic, lsp: Diagnostic): CodeAction | undefined {
  const pattern = core.data?.['pattern'];
  if (core.ruleId !== 'image-registry-coverage' || !pattern) return undefined;
  const comment = `${core.data?.['registry'] ?? 'Registry'}: "${core.data?.['image'] ?? ''}"; make this the pattern set up in Valohai`;
  const insertion = addRegistries(target.text, [{ pattern, comment }]);
  if (!insertion) return undefined;
  const header = target.text === '' ? NEW_FILE_HEADER : '';
  const edits = [{ range: spanToRange(new SourceFile(target.text), insertion.span), newText: header + insertion.newText }];
  let edit: WorkspaceEdit;
  if (target.exists) {
    edit = target.documentChanges ? { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] } : { changes: { [target.uri]: edits } };
  } else {
    // A file that does not exist can only be created by a client that says it can.
    if (!target.documentChanges || !target.canCreate) return undefined;
    edit = { documentChanges: [{ kind: 'create', uri: target.uri, options: { ignoreIfExists: true } }, { textDocument: { uri: target.uri, version: null }, edits }] };
  }
  return { title: `Add registry pattern "${pattern}" to ${target.name}`, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit };
}
