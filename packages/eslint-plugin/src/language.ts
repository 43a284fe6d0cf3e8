// The ESLint language `valohai/yaml`: parsing is the core's parser (never a failure: YAML errors are findings of the
// rule valohai/yaml-syntax), and the SourceCode carries the core's document. Lines are 1-based, columns 0-based.
import type { File, Language, OkParseResult } from '@eslint/core';
import { createDocument, DEFAULT_MAX_FILE_SIZE, SourceFile } from '@valohai-lint/core';
import { isConfigFile } from './files.js';
import type { DocumentNode } from './nodes.js';
import { ValohaiSourceCode } from './source-code.js';

type ValohaiLanguageOptions = Record<string, unknown>;

function textOf(file: File): string {
  return typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
}

export const valohaiYaml: Language<{ LangOptions: ValohaiLanguageOptions; Code: ValohaiSourceCode; RootNode: DocumentNode; Node: DocumentNode }> = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: 'type',
  visitorKeys: { Document: [] },
  defaultLanguageOptions: {},

  // The language has no options; options meant for other languages (globals, parsers) are left alone.
  validateLanguageOptions() {},

  parse(file) {
    const text = textOf(file);
    const configFile = isConfigFile(file.physicalPath || file.path);
    // Up to the default size limit the core's document is parsed here, once; a larger text is left to the core's lint,
    // which parses it only if the configured limit allows (otherwise it reports valohai/file-too-large).
    const document = configFile || text.length > DEFAULT_MAX_FILE_SIZE ? undefined : createDocument(text);
    const positions = document?.source ?? new SourceFile(text);
    const end = positions.positionAt(text.length);
    const ast: DocumentNode = { type: 'Document', range: [0, text.length], loc: { start: { line: 1, column: 0 }, end: { line: end.line + 1, column: end.character } } };
    return { ok: true, ast, document, positions, configFile };
  },

  createSourceCode(file, input: OkParseResult<DocumentNode>) {
    return new ValohaiSourceCode({ text: textOf(file), ast: input.ast, document: input['document'], positions: input['positions'], isConfigFile: input['configFile'] === true });
  },
};
