// Registry credential patterns, matched with the semantics this project adopts (docs/configuration.md): the image
// exactly as written, whole string, case-sensitive; `*` any run of characters INCLUDING `/`, `?` one character,
// `[...]` a character class. Valohai's own matcher is not public; these semantics agree with every documented example.
import { Minimatch, type MinimatchOptions } from 'minimatch';

/** Longest pattern accepted; longer ones are reported instead of matched (keeps matching bounded). */
export const MAX_PATTERN_LENGTH = 512;
/** Longest image text that is matched at all (a valid reference is far shorter). */
export const MAX_IMAGE_LENGTH = 4096;

// minimatch splits on `/` and never lets `*` cross it; swapping `/` for a private-use character on both sides makes
// `*` cross it, while minimatch still does the (non-backtracking) matching.
const SLASH = '\uE000';
const OPTIONS: MinimatchOptions = { nobrace: true, noext: true, nonegate: true, nocomment: true, noglobstar: true, dot: true, nocase: false, platform: 'linux' };

function toMinimatch(pattern: string): string {
  // fnmatch has no escape character: a backslash is itself.
  return pattern.replace(/\\/g, '\\\\').replace(/\//g, SLASH);
}

// Compiling a pattern is far dearer than matching with it, and the same few patterns are matched against every image
// (and, when configuration is checked, against each other): compiled matchers are kept, up to a bound.
const COMPILED_KEPT = 4096;
const compiled = new Map<string, Minimatch>();

function matcherOf(pattern: string): Minimatch {
  let m = compiled.get(pattern);
  if (!m) {
    if (compiled.size >= COMPILED_KEPT) compiled.clear();
    // Runs of `*` mean the same as one `*`; collapsing them keeps the matcher's work small.
    m = new Minimatch(toMinimatch(pattern.replace(/\*{2,}/g, '*')), OPTIONS);
    compiled.set(pattern, m);
  }
  return m;
}

/** True when `pattern` matches the whole of `image`. Bounded: over-long inputs never match. */
export function patternMatches(pattern: string, image: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH || image.length > MAX_IMAGE_LENGTH) return false;
  // A pattern's text before its first wildcard must start the image; most patterns are told apart by that alone.
  if (!image.startsWith(literalPrefix(pattern))) return false;
  return matcherOf(pattern).match(image.replace(/\//g, SLASH));
}

/** The first pattern that matches, if any. */
export function firstMatch<T extends { pattern: string }>(entries: readonly T[], image: string): T | undefined {
  return entries.find((e) => patternMatches(e.pattern, image));
}

/**
 * True when every image `later` matches is matched by `earlier` too, decided soundly for the common case where
 * `earlier` uses only `*` wildcards: then `earlier` covers `later` exactly when it matches `later`'s text taken literally.
 */
export function shadows(earlier: string, later: string): boolean {
  if (/[?[]/.test(earlier)) return earlier === later;
  return patternMatches(earlier, later);
}

/** The literal prefix of a pattern, before its first wildcard (used for completion and "nearest pattern" hints). */
export function literalPrefix(pattern: string): string {
  const i = pattern.search(/[*?[]/);
  return i < 0 ? pattern : pattern.slice(0, i);
}
