// What every output format receives: the lint results of each file, relative paths and the rule catalogue.
import { SourceFile, type Diagnostic, type FindingKind, type ValohaiDocument } from '@valohai-lint/core';
import type { Palette } from '../colors.js';

export interface FileResult {
  /** Absolute path (or the --stdin-filename). */
  path: string;
  /** Path relative to the working directory, with forward slashes. */
  relativePath: string;
  text: string;
  diagnostics: Diagnostic[];
  /** True when --fix rewrote the file. */
  fixed?: boolean;
  /** The document lint() parsed from `text` (absent for files too large to analyze); formatters never parse again. */
  document?: ValohaiDocument;
}

/** The line index of a result's text: the one lint() built, when there is one. */
export function sourceOf(result: FileResult): SourceFile {
  return result.document?.source ?? new SourceFile(result.text);
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface FormatContext {
  cwd: string;
  rules: readonly FindingKind[];
  colors: Palette;
  version: string;
  env: NodeJS.ProcessEnv;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

export function counts(results: readonly FileResult[]): { errors: number; warnings: number; infos: number; fixableErrors: number; fixableWarnings: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const r of results)
    for (const d of r.diagnostics) {
      if (d.severity === 'error') {
        errors++;
        if (d.fix) fixableErrors++;
      } else if (d.severity === 'warning') {
        warnings++;
        if (d.fix) fixableWarnings++;
      } else infos++;
    }
  return { errors, warnings, infos, fixableErrors, fixableWarnings };
}
