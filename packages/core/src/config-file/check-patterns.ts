// Checks the credential and public patterns of `.valohai-lint.yaml`: a pattern that can never match a fully qualified
// image, duplicates and patterns shadowed by an earlier one are dead configuration that hides real coverage gaps.
// Linear: duplicates are found by lookup, and a pattern is compared only with earlier patterns that could cover it
// (found by the hash of their literal prefix), within a budget proportional to the list.
import { isHubAlias, registryKind } from '../docker/image-ref.js';
import { registryLabel } from '../images/analyze.js';
import type { Span } from '../source/source-file.js';
import { literalPrefix, MAX_PATTERN_LENGTH, shadows } from '../registry/pattern.js';

export interface PatternEntry {
  pattern: string;
  span: Span;
  /** The registry type for credential patterns; undefined for public patterns. */
  type?: string;
  typeSpan?: Span;
}

export interface PatternProblem {
  span: Span;
  message: string;
  related?: { span: Span; message: string }[];
}

const TYPE_FOR_KIND: Record<string, string[]> = {
  ecr: ['aws-ecr'],
  gcr: ['gcp-container-registry', 'gcp-artifact-registry'],
  'artifact-registry': ['gcp-artifact-registry'],
  acr: ['azure-container-registry'],
  jfrog: ['jfrog'],
};

function firstSegment(pattern: string): string | undefined {
  const slash = pattern.indexOf('/');
  return slash < 0 ? undefined : pattern.slice(0, slash);
}

/** Comparisons of a later pattern with earlier ones allowed per pattern of the list (plus a base), in total. */
const COMPARISONS_PER_PATTERN = 16;
const COMPARISONS_BASE = 2000;

/** FNV-1a over UTF-16 units, one unit at a time, so that the hash of every prefix of a text comes in one pass. */
const FNV_OFFSET = 0x811c9dc5;
const fnvStep = (hash: number, unit: number): number => Math.imul(hash ^ unit, 0x01000193) >>> 0;
/** One number for a prefix: its hash and its length (at most MAX_PATTERN_LENGTH, so below 1024). */
const prefixKey = (hash: number, length: number): number => hash * 1024 + length;

/**
 * Finds an earlier pattern that covers a later one. A pattern can only match texts that start with its literal prefix
 * (the part before its first wildcard), so earlier patterns are filed by the hash of that prefix, and a later pattern
 * meets only those whose prefix its own text starts with: one pass over its text, not the whole list. Patterns with
 * `?` or `[` cover only themselves (duplicates, found elsewhere).
 */
class CoverFinder {
  private readonly byPrefix = new Map<number, PatternEntry[]>();
  /** The distinct literal-prefix lengths filed, so a later pattern looks up only those. */
  private readonly lengths = new Set<number>();
  private comparisons = 0;

  constructor(
    private readonly budget: number,
    private readonly stats: { steps: number } | undefined,
  ) {}

  /** The first earlier pattern covering `pattern`; undefined, or 'budget' once the comparisons are used up. */
  find(pattern: string): PatternEntry | 'budget' | undefined {
    const keys = new Map<number, number>(); // prefix length -> key, for the lengths that are filed
    let hash = FNV_OFFSET;
    if (this.lengths.has(0)) keys.set(0, prefixKey(hash, 0));
    for (let i = 0; i < pattern.length; i++) {
      hash = fnvStep(hash, pattern.charCodeAt(i));
      if (this.lengths.has(i + 1)) keys.set(i + 1, prefixKey(hash, i + 1));
    }
    if (this.stats) this.stats.steps += pattern.length;
    for (const key of keys.values()) {
      for (const earlier of this.byPrefix.get(key) ?? []) {
        if (++this.comparisons > this.budget) return 'budget';
        if (this.stats) this.stats.steps++;
        // shadows() compares the texts themselves, so a hash collision costs a comparison, never a wrong answer.
        if (shadows(earlier.pattern, pattern)) return earlier;
      }
    }
    return undefined;
  }

  add(entry: PatternEntry): void {
    if (/[?[]/.test(entry.pattern)) return;
    const prefix = literalPrefix(entry.pattern);
    let hash = FNV_OFFSET;
    for (let i = 0; i < prefix.length; i++) hash = fnvStep(hash, prefix.charCodeAt(i));
    const key = prefixKey(hash, prefix.length);
    const list = this.byPrefix.get(key);
    if (list) list.push(entry);
    else this.byPrefix.set(key, [entry]);
    this.lengths.add(prefix.length);
  }
}

/**
 * Problems of one list of patterns (`registries` or `public`), in order. `stats.steps` counts the work (patterns and
 * comparisons), for the test that shows it stays linear.
 */
export function checkPatterns(entries: readonly PatternEntry[], list: 'registries' | 'public', stats?: { steps: number }): PatternProblem[] {
  const problems: PatternProblem[] = [];
  const firstListed = new Map<string, PatternEntry>();
  const covers = new CoverFinder(COMPARISONS_BASE + COMPARISONS_PER_PATTERN * entries.length, stats);
  let coverChecked = true;
  for (const entry of entries) {
    if (stats) stats.steps++;
    const p = entry.pattern;
    const report = (message: string, related?: PatternProblem['related']): void => {
      problems.push({ span: entry.span, message, ...(related ? { related } : {}) });
    };
    if (p.length > MAX_PATTERN_LENGTH) {
      report(`Pattern is ${p.length} characters long, over the limit of ${MAX_PATTERN_LENGTH}; no image reference is that long.`);
      continue;
    }
    if (/[\s\\]/.test(p)) {
      report(`Pattern "${p}" contains white space or a backslash, which no image reference has, so it can never match.`);
      continue;
    }
    const prefix = literalPrefix(p);
    const host = firstSegment(prefix);
    const startsWithWildcard = prefix === '' ;
    if (!startsWithWildcard) {
      if (host === undefined && !/[*?[]/.test(p)) {
        // A literal without "/": a single image name, or a host without a path.
        report(`Pattern "${p}" has no "/", so it can only match an image written without a registry, which is never fully qualified; write the full name, e.g. "docker.io/library/${p}".`);
      } else if (host !== undefined && !host.includes('.') && !host.includes(':') && host !== 'localhost') {
        report(`Pattern "${p}" has no registry host, so it can only match short image names such as "${prefix}…", which are never fully qualified; write "docker.io/${p}".`);
      } else if (host !== undefined && isHubAlias(host)) {
        report(`Pattern "${p}" names Docker Hub as "${host}", but fully qualified images always say "docker.io"; write "docker.io/${p.slice(host.length + 1)}".`);
      } else if (host !== undefined) {
        const path = prefix.slice(host.length + 1).split(/[:@]/)[0] ?? '';
        if (/[A-Z]/.test(path)) report(`Pattern "${p}" has upper-case letters in the repository path, which image references never have, so it can never match; write "${host}/${p.slice(host.length + 1).replace(/^[^:@]*/, (m) => m.toLowerCase())}".`);
        if (list === 'registries' && entry.type !== undefined) {
          const expected = TYPE_FOR_KIND[registryKind(host)];
          if (expected && !expected.includes(entry.type)) {
            problems.push({ span: entry.typeSpan ?? entry.span, message: `Pattern "${p}" is for an ${registryLabel(registryKind(host))} registry, but its type is "${entry.type}"; did you mean "${expected[0]}"?` });
          }
        }
      }
    }
    const duplicate = firstListed.get(p);
    if (duplicate) {
      report(`Pattern "${p}" is listed twice; remove one.`, [{ span: duplicate.span, message: 'first listed here' }]);
      continue;
    }
    firstListed.set(p, entry);
    if (coverChecked) {
      const shadow = covers.find(p);
      if (shadow === 'budget') {
        coverChecked = false;
        report(`Pattern "${p}" and those after it were not checked for being covered by a broader pattern above: the list is too long to compare them all; consider fewer, broader patterns.`);
      } else if (shadow) report(`Pattern "${p}" is already covered by the broader pattern "${shadow.pattern}" above; which credentials Valohai uses for images both match is not documented, so keep only the one you mean.`, [{ span: shadow.span, message: `"${shadow.pattern}" is listed here` }]);
    }
    covers.add(entry);
  }
  return problems;
}
