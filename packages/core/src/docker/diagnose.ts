// Turns an upstream failure into our own diagnosis: a code, one clear sentence naming the offending part in double
// quotes and what would be right, the offending part's span in the input, and a corrected text when one is obvious.
// The upstream message is kept verbatim next to it. Runs only on failure; every scan is forward-only (linear).
import { d, EXAMPLE, span, splice, structure, type Diagnosis } from './diagnose-grammar.js';
import { DIGEST_ALGORITHMS } from './digest.js';
import { changesUnderLower, lowerCodeForMatch, lowerForMatch, NAME_MAX, OFFICIAL_PREFIX, toInput, type Outcome } from './normalize.js';
import { findPlaceholders } from './template.js';
import { quote as q } from './text.js';
import type { ImageRefError, ParseStats } from './types.js';

type Failure = Extract<Outcome, { ok: false }>;

/**
 * Diagnoses `s`, which `normalize` rejected with `o`. `parses` tells whether a candidate correction is valid;
 * suggestions that do not parse are dropped. Like the scanners, adds the characters it visits (and copies) to `w.steps`.
 */
export function diagnose(s: string, o: Failure, w: ParseStats, parses: (text: string) => boolean): ImageRefError {
  const found = find(s, o, w);
  const error: ImageRefError = { code: found.code, upstreamMessage: o.upstream, message: found.message, span: found.span };
  if (found.suggestion !== undefined && found.suggestion !== s && parses(found.suggestion)) error.suggestion = found.suggestion;
  return error;
}

function find(s: string, o: Failure, w: ParseStats): Diagnosis {
  if (s === '') return d('empty', `The image reference is empty; write an image name such as ${EXAMPLE}.`, span(0, 0));
  const trimmed = s.trim();
  w.steps += s.length;
  if (trimmed === '') return d('empty', `The image reference is only whitespace; write an image name such as ${EXAMPLE}.`, span(0, s.length));
  if (trimmed !== s) {
    w.steps += 2 * s.length;
    const lead = s.length - s.trimStart().length;
    const where = lead > 0 ? span(0, lead) : span(s.trimEnd().length, s.length);
    const side = lead > 0 ? 'before' : 'after';
    return d('whitespace', `Remove the whitespace ${side} ${q(trimmed)}: image references cannot contain spaces.`, where, trimmed);
  }
  const placeholder = findPlaceholders(s, w)[0];
  if (placeholder) {
    const text = s.slice(placeholder.start, placeholder.end);
    w.steps += text.length;
    return d('templated', `${q(text)} is a template placeholder, which an image reference cannot contain; write the image name itself, e.g. ${EXAMPLE}.`, placeholder);
  }
  const scheme = schemeLength(s, w);
  if (scheme > 0) {
    w.steps += s.length;
    return d('scheme', `Remove the ${q(s.slice(0, scheme))} scheme: image references have no scheme.`, span(0, scheme), s.slice(scheme));
  }
  switch (o.kind) {
    case 'hex-identifier':
      return d('hex-identifier', `${q(s)} is a 64-character hex ID, which cannot be a repository name; write the image name, and pin a digest as "name@sha256:<hex>".`, span(0, s.length));
    case 'digest-unsupported':
    case 'digest-length':
    case 'digest-format':
      return digestValidation(s, o, w);
    case 'name-too-long':
      return nameTooLong(s, o, w);
    case 'lowercase-repository':
      return lowercaseRepository(s, o, w);
    case 'name-uppercase':
      return nameUppercase(s, o, w);
    default:
      return structure(s, w);
  }
}

/** Length of a leading `scheme://`, or 0. */
function schemeLength(s: string, w: ParseStats): number {
  let i = 0;
  if (!/[A-Za-z]/.test(s.charAt(0))) return 0;
  while (i < s.length && /[A-Za-z0-9+.-]/.test(s.charAt(i))) i++;
  w.steps += i + 1;
  return s.startsWith('://', i) ? i + 3 : 0;
}

function digestValidation(s: string, o: Failure, w: ParseStats): Diagnosis {
  const m = o.m;
  const start = m ? toInput(o, m.digestStart) : s.lastIndexOf('@') + 1;
  const digest = s.slice(start);
  const colon = digest.indexOf(':');
  const alg = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  w.steps += (m ? 0 : s.length - start) + 3 * digest.length; // finding "@", the copy, the ":" and the two parts
  const algSpan = span(start, start + colon);
  const hexSpan = span(start + colon + 1, s.length);
  const size = DIGEST_ALGORITHMS.get(alg);
  if (o.kind === 'digest-unsupported') {
    return d('digest-unsupported', `Digest algorithm ${q(alg)} is not supported; use "sha256" (or "sha384" or "sha512").`, algSpan);
  }
  if (o.kind === 'digest-length') {
    return d('digest-length', `Digest ${q(digest)} has ${hex.length} hex digits, but a ${alg} digest has exactly ${size ?? '?'}.`, hexSpan);
  }
  if (size !== undefined) {
    const lower = hex.toLowerCase();
    w.steps += hex.length;
    return d('digest-format', `Digest ${q(digest)} must use lowercase hex digits; did you mean ${q(`${alg}:${lower}`)}?`, hexSpan, splice(s, hexSpan, lower, w));
  }
  const lower = alg.toLowerCase();
  w.steps += alg.length;
  if (lower !== alg) {
    return d('digest-format', `Digest algorithm ${q(alg)} must be lowercase; did you mean ${q(lower)}?`, algSpan, splice(s, algSpan, lower, w));
  }
  return d('digest-format', `Digest ${q(digest)} is malformed; write it as "<algorithm>:<hex>", e.g. "sha256:" followed by 64 lowercase hex digits.`, span(start, s.length));
}

function nameTooLong(s: string, o: Failure, w: ParseStats): Diagnosis {
  const m = o.m;
  const text = o.text ?? s;
  if (!m) return d('name-too-long', `The repository path is longer than ${NAME_MAX} characters.`, span(0, s.length));
  const path = text.slice(m.pathStart, m.nameEnd);
  w.steps += path.length;
  const where = span(toInput(o, m.pathStart), toInput(o, m.nameEnd));
  const implied = o.split?.libraryAdded ? ' (with the implied "library/" prefix)' : '';
  return d('name-too-long', `Repository path ${q(path)} is ${path.length} characters long${implied}; at most ${NAME_MAX} are allowed.`, where);
}

/** `ParseNormalizedNamed`'s own check: the remainder up to its first `:` (which may include `@algorithm`). */
function lowercaseRepository(s: string, o: Failure, w: ParseStats): Diagnosis {
  const split = o.split;
  if (!split) return structure(s, w);
  const remainder = split.libraryAdded ? split.remainder.slice(OFFICIAL_PREFIX.length) : split.remainder;
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  const at = remote.indexOf('@');
  const path = at < 0 ? remote : remote.slice(0, at);
  w.steps += 4 * remainder.length; // the copy, the ":", the "@" and the copies of the parts
  const upperPath = changesUnderLower(path, w);
  if (at < 0 && !upperPath) return structure(s, w);
  const start = split.restStart;
  if (upperPath) {
    const where = span(start, start + path.length);
    const lower = path.toLowerCase();
    w.steps += path.length;
    return d('uppercase', `Repository ${q(path)} must be lowercase; did you mean ${q(lower)}?`, where, splice(s, where, lower, w));
  }
  const alg = remote.slice(at + 1);
  const where = span(start + at + 1, start + remote.length);
  const lower = alg.toLowerCase();
  w.steps += 2 * alg.length;
  return d('uppercase', `Digest algorithm ${q(alg)} must be lowercase; did you mean ${q(lower)}?`, where, splice(s, where, lower, w));
}

/** Raw `Parse` failed, but would parse lower-cased: upper case where the grammar has no room for it. */
function nameUppercase(s: string, o: Failure, w: ParseStats): Diagnosis {
  let i = 0;
  while (i < s.length && lowerCodeForMatch(s.charCodeAt(i)) === s.charCodeAt(i)) i++;
  let start = i;
  let end = i;
  const isBoundary = (c: number): boolean => c === 0x2f || c === 0x3a || c === 0x40;
  while (start > 0 && !isBoundary(s.charCodeAt(start - 1))) start--;
  while (end < s.length && !isBoundary(s.charCodeAt(end))) end++;
  w.steps += i + 1 + (i - start) + (end - i); // the three walks
  const part = s.slice(start, end);
  w.steps += part.length;
  const lower = lowerForMatch(part, w);
  const where = span(start, end);
  const hostNote = o.split?.explicit && end <= o.split.slash ? ' (it is not a valid registry host, so it is read as a repository namespace)' : '';
  return d('uppercase', `${q(part)} must be lowercase${hostNote}; did you mean ${q(lower)}?`, where, splice(s, where, lower, w));
}
