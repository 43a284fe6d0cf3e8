// Checks the credential and public patterns of `.valohai-lint.yaml`: a pattern that can never match a fully qualified
// image, duplicates and patterns shadowed by an earlier one are dead configuration that hides real coverage gaps.
import { isHubAlias, REGISTRY_LABELS } from '../docker/image-ref.js';
import { isRegistryType, patternRegistryKind, registryTypesFor } from '../config/registry-types.js';
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

function firstSegment(pattern: string): string | undefined {
  const slash = pattern.indexOf('/');
  return slash < 0 ? undefined : pattern.slice(0, slash);
}

/** Problems of one list of patterns (`registries` or `public`), in order. */
export function checkPatterns(entries: readonly PatternEntry[], list: 'registries' | 'public'): PatternProblem[] {
  const problems: PatternProblem[] = [];
  const seen: PatternEntry[] = [];
  for (const entry of entries) {
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
        if (list === 'registries' && isRegistryType(entry.type)) {
          const fitting = registryTypesFor(p);
          if (!fitting.includes(entry.type)) {
            const label = REGISTRY_LABELS[patternRegistryKind(p)];
            problems.push({ span: entry.typeSpan ?? entry.span, message: `Type "${entry.type}" contradicts the host of "${p}", which is ${label}; write "${fitting[0]}", or leave "type" out and it is inferred from the host.` });
          }
        }
      }
    }
    const duplicate = seen.find((s) => s.pattern === p);
    if (duplicate) report(`Pattern "${p}" is listed twice; remove one.`, [{ span: duplicate.span, message: 'first listed here' }]);
    else {
      const shadow = seen.find((s) => shadows(s.pattern, p));
      if (shadow) report(`Pattern "${p}" is already covered by the broader pattern "${shadow.pattern}" above; which credentials Valohai uses for images both match is not documented, so keep only the one you mean.`, [{ span: shadow.span, message: `"${shadow.pattern}" is listed here` }]);
    }
    seen.push(entry);
  }
  return problems;
}
