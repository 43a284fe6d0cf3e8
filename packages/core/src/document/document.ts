// A parsed valohai.yaml: the source with its line index, the YNode tree and the YAML-level findings.
import { SourceFile } from '../source/source-file.js';
import type { YNode } from './nodes.js';
import { parseValohaiYaml, type ParseResult } from './parse.js';

export interface ValohaiDocument {
  readonly source: SourceFile;
  readonly parse: ParseResult;
  /** The document's root node, undefined when the YAML could not be loaded. */
  readonly root: YNode | undefined;
  /** True when the YAML has syntax errors, so structure-based checks are skipped (they would only echo the damage). */
  readonly hasSyntaxErrors: boolean;
}

/** Parses `text`; `fast: false` skips the fast parsing path (for comparisons, see parse.ts). */
export function createDocument(text: string, options?: { fast?: boolean }): ValohaiDocument {
  const parse = parseValohaiYaml(text, options);
  return {
    source: new SourceFile(text),
    parse,
    root: parse.root,
    hasSyntaxErrors: parse.syntax.length > 0,
  };
}
