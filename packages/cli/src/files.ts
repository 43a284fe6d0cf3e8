// Finds the files to lint: explicit files, folders searched for valohai.yaml / valohai.yml, and simple globs. Symlinked
// files are followed; symlinked folders are not (so a link cannot loop the search or lead it out of the project).
// Nothing is skipped silently: a folder that cannot be read, or a link that leads nowhere, is reported.
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { globMatcher, globProblem } from '@valohai-lint/core';
import { isValohaiFileName } from '@valohai-lint/core/file-names';
import { describeError } from '@valohai-lint/node';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileSearch {
  files: string[];
  /** Inputs that matched nothing, for a clear "no files" message. */
  unmatched: string[];
  /** Paths that could not be searched or followed, with the reason. */
  unreadable: { path: string; reason: string }[];
}

/** Thrown for a glob argument that cannot be used; the CLI reports it as a usage error. */
export class BadGlob extends Error {}

/** Why a symbolic link cannot be followed: "it is a symbolic link, and its target does not exist". */
function danglingLink(error: unknown): string {
  return `it is a symbolic link, and ${describeError(error as NodeJS.ErrnoException).replace(/^it /, 'its target ')}`;
}

function walk(dir: string, out: string[], unreadable: FileSearch['unreadable'], accept: (path: string) => boolean): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    unreadable.push({ path: dir, reason: describeError(error as NodeJS.ErrnoException) });
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out, unreadable, accept);
    } else if (!accept(p)) continue;
    else if (e.isSymbolicLink()) {
      try {
        if (!statSync(p).isDirectory()) out.push(p);
      } catch (error) {
        unreadable.push({ path: p, reason: danglingLink(error) });
      }
    } else out.push(p); // a FIFO or a device named valohai.yaml is reported when it is read, not skipped
  }
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
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
  const unreadable: FileSearch['unreadable'] = [];
  const list = inputs.length > 0 ? inputs : ['.'];
  for (const input of list) {
    const before = files.length;
    const unreadableBefore = unreadable.length;
    if (isGlob(input)) {
      const pattern = input.split(sep).join('/');
      const problem = globProblem(pattern);
      if (problem) throw new BadGlob(problem);
      const matches = globMatcher([pattern], { andBelow: false });
      walk(cwd, files, unreadable, (p) => matches(relative(cwd, p).split(sep).join('/')));
    } else {
      const abs = resolve(cwd, input);
      let st;
      try {
        st = statSync(abs);
      } catch (error) {
        st = undefined;
        // A link that leads nowhere was named on purpose: say so rather than "no files matched".
        if (lstatOrUndefined(abs)?.isSymbolicLink()) unreadable.push({ path: abs, reason: danglingLink(error) });
      }
      if (st?.isDirectory()) walk(abs, files, unreadable, (p) => isValohaiFileName(p.slice(p.lastIndexOf(sep) + 1)));
      // Anything else that exists is linted, and reported there if it cannot be (a FIFO, a device).
      else if (st) files.push(abs);
    }
    if (files.length === before && unreadable.length === unreadableBefore) unmatched.push(input);
  }
  return { files: [...new Set(files)].sort(), unmatched, unreadable };
}

/** A path as reports show it: relative to `cwd` with `/` separators, or absolute when it lies outside `cwd`. */
export function relativePath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

/** The most bytes read of a file whose limit is `maxFileSize` characters: no UTF-8 text has over 3 bytes per character. */
export const maxBytesFor = (maxFileSize: number): number => maxFileSize * 3;
