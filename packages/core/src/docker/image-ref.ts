// Docker image references, parsed exactly as github.com/distribution/reference's `ParseNormalizedNamed` does
// (grammar after distribution#3818; digests validated like go-digest v1.0.0 with sha256/sha384/sha512 registered),
// with source spans, our own diagnoses next to the upstream messages, and the helpers the image rules need.
// Pure TypeScript, no regular expressions in the grammar: linear time on any input (see scan.ts).
//
// Reference: distribution/reference (regexp.go for the grammar, normalize.go for ParseNormalizedNamed, reference.go
// for the error strings); the cases are in test/image-ref.test.ts.
import { diagnose } from './diagnose.js';
import { DEFAULT_DOMAIN, normalize, OFFICIAL_PREFIX, toInput, type Outcome } from './normalize.js';
import type { ImageRef, ImageRefResult, ImageRefSpans, ParseOptions, ParseStats, Span } from './types.js';

export type {
  ImageRef,
  ImageRefError,
  ImageRefErrorCode,
  ImageRefResult,
  ImageRefSpans,
  ImageTrap,
  ImageTrapCode,
  ParseOptions,
  ParseStats,
  RegistryKind,
  Span,
} from './types.js';
export { qualify, ERR_INVALID_FORMAT, ERR_NAME_TOO_LONG, ERR_NAME_UPPERCASE } from './normalize.js';
export { DIGEST_INVALID_FORMAT, DIGEST_INVALID_LENGTH, DIGEST_UNSUPPORTED } from './digest.js';
export { findPlaceholders, isTemplated } from './template.js';
export { HUB_ALIASES, imageTraps, isHubAlias, PRIVATE_KINDS, REGISTRY_LABELS, registryKind } from './registry.js';

/**
 * Parses `text` as `ParseNormalizedNamed` would. Never throws. `options.stats.steps` grows by the work done (character
 * visits), which stays within a constant times `text.length`.
 */
export function parseImageReference(text: string, options: ParseOptions = {}): ImageRefResult {
  const w: ParseStats = options.stats ?? { steps: 0 };
  const o = normalize(text, w);
  if (!o.ok) return { ok: false, error: diagnose(text, o, w, (candidate) => normalize(candidate, w).ok) };
  w.steps += o.text.length;
  return { ok: true, ref: build(text, o) };
}

/** The reference's string from its parts: `[domain/]path[:tag][@digest]` (for normalized parts, the normalized string). */
export function printImageRef(parts: { domain: string; path: string; tag?: string; digest?: string }): string {
  const name = parts.domain === '' ? parts.path : `${parts.domain}/${parts.path}`;
  return name + (parts.tag === undefined ? '' : `:${parts.tag}`) + (parts.digest === undefined ? '' : `@${parts.digest}`);
}

/** `familiarizeName`: drop `docker.io/`, then `library/` when nothing but the last component follows it. */
function familiarName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return domain === '' ? path : `${domain}/${path}`;
  if (path.startsWith(OFFICIAL_PREFIX) && !path.includes('/', OFFICIAL_PREFIX.length)) return path.slice(OFFICIAL_PREFIX.length);
  return path;
}

function build(text: string, o: Extract<Outcome, { ok: true }>): ImageRef {
  const { m, split, text: normalized } = o;
  const at = (start: number, end: number): Span => ({ start: toInput(o, start), end: toInput(o, end) });
  const domain = m.domainEnd >= 0 ? normalized.slice(0, m.domainEnd) : '';
  const path = normalized.slice(m.pathStart, m.nameEnd);
  const tagEnd = m.digestStart >= 0 ? m.digestStart - 1 : normalized.length;
  const spans: ImageRefSpans = { path: at(m.pathStart, m.nameEnd) };
  if (split.explicit && m.domainEnd >= 0) spans.domain = { start: 0, end: split.slash };
  const ref: ImageRef = {
    domain,
    path,
    normalized,
    dockerRef: '',
    familiar: '',
    fullyQualified: text === normalized,
    libraryAdded: split.libraryAdded,
    spans,
  };
  if (m.tagStart >= 0) {
    ref.tag = normalized.slice(m.tagStart, tagEnd);
    spans.tag = at(m.tagStart, tagEnd);
  }
  if (m.digestStart >= 0) {
    ref.digest = normalized.slice(m.digestStart);
    spans.digest = at(m.digestStart, normalized.length);
  }
  ref.dockerRef = printImageRef(ref.digest === undefined ? { domain, path, tag: ref.tag ?? 'latest' } : { domain, path, digest: ref.digest });
  ref.familiar = printImageRef({ domain: '', path: familiarName(domain, path), tag: ref.tag, digest: ref.digest });
  return ref;
}
