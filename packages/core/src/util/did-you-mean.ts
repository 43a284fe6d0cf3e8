// Ranks candidates by edit distance for "Did you mean …?" messages and rename suggestions.
import { distance } from 'fastest-levenshtein';
import { compareStrings, quotedList } from './text.js';

/** Comparisons one lint may spend on guesses: thousands of unknown names among thousands of known ones would otherwise
 * cost their product (4,000 nodes naming unknown steps among 4,000 steps: 80 s). Real files spend a few hundred. */
export const SUGGESTION_COMPARISONS = 200_000;

/** Comparisons left in the current budget (see {@link withSuggestionBudget}); no limit outside one. */
let comparisonsLeft = Number.POSITIVE_INFINITY;

/**
 * Runs `fn` (a lint's rules) with a budget of comparisons for guesses. Once it is spent, a guess that would need more
 * is not made at all (findings then say what is expected instead), so that every guess made is the exact best one.
 */
export function withSuggestionBudget<T>(fn: () => T, budget = SUGGESTION_COMPARISONS): T {
  const outer = comparisonsLeft;
  comparisonsLeft = budget;
  try {
    return fn();
  } finally {
    comparisonsLeft = outer;
  }
}

/** Candidates within a small edit distance of `value` (case-insensitive), closest first, at most `max`. */
export function closestMatches(value: string, given: Iterable<string>, max = 3): string[] {
  // A one-pass iterable is read into a list first: it is counted, then compared.
  const candidates = Array.isArray(given) || given instanceof Set ? (given as readonly string[] | ReadonlySet<string>) : [...given];
  if (comparisonsLeft !== Number.POSITIVE_INFINITY) {
    const count = 'size' in candidates ? candidates.size : candidates.length;
    if (count > comparisonsLeft) {
      comparisonsLeft = 0;
      return [];
    }
    comparisonsLeft -= count;
  }
  const lower = value.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(value.length / 3) + 1));
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === value) continue;
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    // Plural/singular slips (outputs → output) and prefixes count as close too.
    const near = d <= limit || (lower.length >= 4 && (c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase())) && Math.abs(c.length - value.length) <= 3);
    if (near) scored.push({ c, d });
  }
  // Ties go in code-unit order: the same everywhere, and localeCompare's first call in a process costs 6-9 ms of
  // loading collation data (a pre-commit run of one file takes about 90 ms).
  return scored.sort((a, b) => a.d - b.d || compareStrings(a.c, b.c)).slice(0, max).map((s) => s.c);
}

/** The single best match, if any. */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  return closestMatches(value, candidates, 1)[0];
}

/**
 * ` Did you mean "x"?`, or what is expected: ` Expected "a".`, ` Expected "a", "b" or "c".`, ` Expected "a", "b" … or 4
 * more.` (with a leading space); '' when there is nothing to say.
 */
export function alternativesText(value: string, candidates: readonly string[], listLimit = 8): string {
  const best = closestMatch(value, candidates);
  if (best !== undefined) return ` Did you mean "${best}"?`;
  if (candidates.length === 0) return '';
  return ` Expected ${quotedList(candidates, 'or', listLimit)}.`;
}
