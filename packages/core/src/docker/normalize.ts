// `ParseNormalizedNamed` and the raw `Parse` it calls, step by step as distribution/reference does them
// (distribution/reference's normalize.go), keeping track of where each part of the normalized string came from in the input.
import { isLowerHex, isUpper } from '../util/ascii.js';
import { DIGEST_MESSAGES, digestProblem } from './digest.js';
import { matchReference, type RefMatch } from './scan.js';
import type { ParseStats } from './types.js';

export const DEFAULT_DOMAIN = 'docker.io';
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
export const OFFICIAL_PREFIX = 'library/';
export const NAME_MAX = 255;

const ERR_NAME_EMPTY = 'repository name must have at least one component';
export const ERR_INVALID_FORMAT = 'invalid reference format';
export const ERR_NAME_UPPERCASE = 'repository name must be lowercase';
export const ERR_NAME_TOO_LONG = `repository name must not be more than ${NAME_MAX} characters`;

type UpstreamKind =
  | 'hex-identifier'
  | 'lowercase-repository'
  | 'name-empty'
  | 'name-uppercase'
  | 'invalid-format'
  | 'name-too-long'
  | 'digest-unsupported'
  | 'digest-length'
  | 'digest-format';

/** How `splitDockerDomain` divided the input. */
interface Split {
  /** After rewriting `index.docker.io`. */
  domain: string;
  /** The first segment was taken as the domain; it spans `[0, slash)` of the input. */
  explicit: boolean;
  slash: number;
  libraryAdded: boolean;
  /** Input offset where the copied remainder starts. */
  restStart: number;
  /** The remainder, `library/` included when added. */
  remainder: string;
}

type RawOutcome =
  | { ok: true; text: string; m: RefMatch }
  | { ok: false; kind: UpstreamKind; upstream: string; text?: string; m?: RefMatch };

export type Outcome =
  | { ok: true; text: string; m: RefMatch; split: Split }
  | { ok: false; kind: UpstreamKind; upstream: string; text?: string; m?: RefMatch; split?: Split };

/** True when Go's `strings.ToLower` would change `s` (per code point; JS and Go agree on which ones change). */
export function changesUnderLower(s: string, w: ParseStats): boolean {
  for (let i = 0; i < s.length; i++) {
    w.steps++;
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (isUpper(c)) return true;
      continue;
    }
    const cp = s.codePointAt(i) ?? c;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (ch.toLowerCase() !== ch) return true;
  }
  return false;
}

/**
 * Go's `strings.ToLower` of one UTF-16 code unit, as far as it can matter to an ASCII-only grammar: ASCII letters, and
 * the only two non-ASCII code points whose lower case is ASCII (U+0130 → `i`, U+212A KELVIN SIGN → `k`). Every other
 * code unit is returned as it is (it never matches either way).
 */
export function lowerCodeForMatch(c: number): number {
  return isUpper(c) ? c + 32 : c === 0x130 ? 0x69 : c === 0x212a ? 0x6b : c;
}

/** `lowerCodeForMatch` over a whole string. */
export function lowerForMatch(s: string, w: ParseStats): string {
  w.steps += s.length;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const lower = lowerCodeForMatch(c);
    if (lower !== c) {
      out += s.slice(from, i) + String.fromCharCode(lower);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

function isLowerHex64(s: string, w: ParseStats): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    w.steps++;
    if (!isLowerHex(s.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * `splitDockerDomain`'s test of the segment before the first `/`: it is a registry host when it is `localhost`, has a
 * `.` or a `:`, or has upper case (`index.docker.io` has a `.`).
 */
export function looksLikeDomain(first: string, w: ParseStats = { steps: 0 }): boolean {
  w.steps += 2 * first.length;
  return first === 'localhost' || first.includes('.') || first.includes(':') || changesUnderLower(first, w);
}

/** `splitDockerDomain`. */
function splitDomain(s: string, w: ParseStats): Split {
  const slash = s.indexOf('/');
  w.steps += slash < 0 ? s.length : slash + 1;
  let split: Split;
  const implicit = (): Split => ({ domain: DEFAULT_DOMAIN, explicit: false, slash, libraryAdded: false, restStart: 0, remainder: s });
  if (slash < 0) split = implicit();
  else {
    const first = s.slice(0, slash);
    w.steps += first.length;
    split = looksLikeDomain(first, w)
      ? { domain: first === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : first, explicit: true, slash, libraryAdded: false, restStart: slash + 1, remainder: s.slice(slash + 1) }
      : implicit();
  }
  w.steps += split.remainder.length;
  if (split.domain === DEFAULT_DOMAIN && !split.remainder.includes('/')) {
    split.libraryAdded = true;
    split.remainder = OFFICIAL_PREFIX + split.remainder;
  }
  return split;
}

/** Raw `Parse` (no normalization): the grammar, then the path length, then go-digest. */
function rawParse(text: string, w: ParseStats): RawOutcome {
  const m = matchReference(text, w);
  if (!m) {
    if (text === '') return { ok: false, kind: 'name-empty', upstream: ERR_NAME_EMPTY, text };
    if (matchReference(lowerForMatch(text, w), w)) return { ok: false, kind: 'name-uppercase', upstream: ERR_NAME_UPPERCASE, text };
    return { ok: false, kind: 'invalid-format', upstream: ERR_INVALID_FORMAT, text };
  }
  if (m.nameEnd - m.pathStart > NAME_MAX) return { ok: false, kind: 'name-too-long', upstream: ERR_NAME_TOO_LONG, text, m };
  if (m.digestStart >= 0) {
    const problem = digestProblem(text.slice(m.digestStart), w);
    if (problem) return { ok: false, kind: `digest-${problem}`, upstream: DIGEST_MESSAGES[problem], text, m };
  }
  return { ok: true, text, m };
}

/** `ParseNormalizedNamed`. On success `text` is the normalized string (upstream's `String()` reproduces it exactly). */
export function normalize(s: string, w: ParseStats): Outcome {
  w.steps += s.length;
  if (isLowerHex64(s, w)) {
    return { ok: false, kind: 'hex-identifier', upstream: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const split = splitDomain(s, w);
  const colon = split.remainder.indexOf(':');
  const remote = colon < 0 ? split.remainder : split.remainder.slice(0, colon);
  w.steps += split.remainder.length;
  if (changesUnderLower(remote, w)) {
    return { ok: false, kind: 'lowercase-repository', upstream: `${ERR_INVALID_FORMAT}: repository name (${remote}) must be lowercase`, split };
  }
  const text = `${split.domain}/${split.remainder}`;
  w.steps += text.length;
  const outcome = rawParse(text, w);
  return { ...outcome, split };
}

/**
 * Maps an offset of the normalized text back to the input. Everything after `domain "/" [library/]` is a copy of the
 * input from `restStart`; when the grammar kept no domain the normalized text is the input itself.
 */
export function toInput(o: Outcome, offset: number): number {
  const split = o.split;
  if (!split || (o.m && o.m.domainEnd < 0)) return offset;
  const head = split.domain.length + 1 + (split.libraryAdded ? OFFICIAL_PREFIX.length : 0);
  return Math.max(offset, head) - head + split.restStart;
}

/** The fully qualified spelling of `text` (its `ParseNormalizedNamed` string), or undefined when it is invalid. */
export function qualify(text: string): string | undefined {
  const o = normalize(text, { steps: 0 });
  return o.ok ? o.text : undefined;
}
