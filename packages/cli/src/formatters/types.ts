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

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixableErrors: number;
  fixableWarnings: number;
  /** Infos and hints with a safe fix (`--fix` applies them too). */
  fixableOthers: number;
}

export function counts(results: readonly FileResult[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0, fixableErrors: 0, fixableWarnings: 0, fixableOthers: 0 };
  for (const r of results)
    for (const d of r.diagnostics) {
      if (d.severity === 'error') {
        c.errors++;
        if (d.fix) c.fixableErrors++;
      } else if (d.severity === 'warning') {
        c.warnings++;
        if (d.fix) c.fixableWarnings++;
      } else {
        if (d.severity === 'info') c.infos++;
        else c.hints++;
        if (d.fix) c.fixableOthers++;
      }
    }
  return c;
}

/** Every finding counted. */
export const total = (c: Counts): number => c.errors + c.warnings + c.infos + c.hints;

/** "1 error, 2 warnings, 3 info", with hints only when there are some. */
export function breakdown(c: Counts): string {
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info${c.hints ? `, ${plural(c.hints, 'hint')}` : ''}`;
}
