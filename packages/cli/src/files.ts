// Finds the files to lint: explicit files, folders searched for valohai.yaml / valohai.yml, and simple globs.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isValohaiFileName } from '@valohai-lint/core/file-names';
import { minimatch } from 'minimatch';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileSearch {
  files: string[];
  /** Inputs that matched nothing, for a clear "no files" message. */
  unmatched: string[];
}

function walk(dir: string, out: string[], accept: (path: string) => boolean): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out, accept);
    } else if (e.isFile() && accept(p)) out.push(p);
  }
}

const isGlob = (s: string): boolean => /[*?[\]{}]/.test(s);

/**
 * Resolves CLI inputs (relative to `cwd`) to a sorted, de-duplicated list of absolute file paths. The configuration's
 * `ignore` globs are applied by the caller, per file, as they are relative to each configuration file.
 */
export function findFiles(inputs: readonly string[], cwd: string): FileSearch {
  const files: string[] = [];
  const unmatched: string[] = [];
  const list = inputs.length > 0 ? inputs : ['.'];
  for (const input of list) {
    const before = files.length;
    if (isGlob(input)) {
      const pattern = input.split(sep).join('/');
      walk(cwd, files, (p) => minimatch(relative(cwd, p).split(sep).join('/'), pattern, { dot: true }));
    } else {
      const abs = resolve(cwd, input);
      let st;
      try {
        st = statSync(abs);
      } catch {
        st = undefined;
      }
      if (st?.isDirectory()) walk(abs, files, (p) => isValohaiFileName(p.slice(p.lastIndexOf(sep) + 1)));
      else if (st?.isFile()) files.push(abs);
    }
    if (files.length === before) unmatched.push(input);
  }
  return { files: [...new Set(files)].sort(), unmatched };
}
