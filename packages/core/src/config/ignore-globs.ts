// The `ignore` globs of `.valohai-lint.yaml` (and the CLI's glob arguments), matched against paths relative to a folder.
// Brace alternatives are bounded: each `{a,b}` doubles what a glob stands for, and `{a,b}` written 30 times would make
// minimatch build up to 100,000 patterns, for every file. Each glob is compiled once, not once per file.
import { braceExpand, Minimatch, type MinimatchOptions } from 'minimatch';

/** The most patterns one glob may stand for once its braces are expanded. */
export const MAX_GLOB_ALTERNATIVES = 256;

// One more than allowed, so that expanding stops as soon as a glob is known to be over the limit.
const OPTIONS: MinimatchOptions = { dot: true, braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 };

/** Why a glob cannot be used (a message naming it), or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  try {
    if (braceExpand(glob, OPTIONS).length > MAX_GLOB_ALTERNATIVES) return `The glob "${glob}" stands for more than ${MAX_GLOB_ALTERNATIVES} patterns once its braces are expanded; write fewer alternatives, or several simpler globs.`;
    new Minimatch(glob, OPTIONS);
    return undefined;
  } catch (error) {
    return `The glob "${glob}" cannot be used: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

/**
 * A test for paths (relative, with forward slashes): true when a glob matches the path itself or, with `andBelow`
 * (as `ignore` works), a folder above it. Globs with a problem (see globProblem) match nothing.
 */
export function globMatcher(globs: readonly string[], { andBelow = true } = {}): (relativePath: string) => boolean {
  const matchers = globs.flatMap((g) => (globProblem(g) !== undefined ? [] : andBelow ? [new Minimatch(g, OPTIONS), new Minimatch(`${g.replace(/\/$/, '')}/**`, OPTIONS)] : [new Minimatch(g, OPTIONS)]));
  return (relativePath) => matchers.some((m) => m.match(relativePath));
}
