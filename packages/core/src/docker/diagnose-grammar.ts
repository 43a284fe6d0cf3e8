// Diagnoses text the reference grammar rejected: walks it left to right as the grammar would (digest separator, tag
// separator, registry host, path components, tag, digest) and reports the first offending part. Forward scans only;
// like scan.ts, every function adds the characters it visits (and copies) to `w.steps`.
import { isAlnum, isDigit, isHex, isLetter, isLowerAlnum, isWord } from '../util/ascii.js';
import { DIGEST_ALGORITHMS } from './digest.js';
import { looksLikeDomain } from './normalize.js';
import { scanDigest, scanDomain, scanPath } from './scan.js';
import { describeChar, quote as q } from './text.js';
import type { ImageRefError, ImageRefErrorCode, ParseStats, Span } from './types.js';

export type Diagnosis = Omit<ImageRefError, 'upstreamMessage'>;

export const span = (start: number, end: number): Span => ({ start, end });
export const EXAMPLE = '"docker.io/library/python:3.12"';

export function d(code: ImageRefErrorCode, message: string, where: Span, suggestion?: string): Diagnosis {
  return suggestion === undefined ? { code, message, span: where } : { code, message, span: where, suggestion };
}

/** `replacement` put in place of the span of `s`. */
export function splice(s: string, where: Span, replacement: string, w: ParseStats): string {
  w.steps += s.length + replacement.length;
  return s.slice(0, where.start) + replacement + s.slice(where.end);
}

/** `s.slice(start, end)`, counting the characters copied. */
function part(s: string, start: number, end: number, w: ParseStats): string {
  const copy = s.slice(start, end);
  w.steps += copy.length;
  return copy;
}

/** Where `code` next occurs in s[from, end), or `end`; counts the characters passed. */
function next(s: string, code: number, from: number, end: number, w: ParseStats): number {
  let i = from;
  while (i < end && s.charCodeAt(i) !== code) i++;
  w.steps += i - from + 1;
  return i;
}

/** The grammar failed: find the first offending part, left to right. */
export function structure(s: string, w: ParseStats): Diagnosis {
  const at = s.indexOf('@');
  w.steps += at < 0 ? s.length : at + 1;
  if (at >= 0) {
    const second = next(s, 0x40, at + 1, s.length, w);
    if (second < s.length) return d('extra-at', `Remove the second "@" in ${q(s)}: only one "@" may separate the image name from its digest.`, span(second, second + 1));
    if (at === 0) {
      const example = at + 1 < s.length ? `python@${part(s, 1, s.length, w)}` : 'python@sha256:<64 hex digits>';
      return d('missing-name', `A digest needs an image name before "@", e.g. ${q(example)}.`, span(0, 1));
    }
  }
  const preEnd = at >= 0 ? at : s.length;
  let firstSlash = -1;
  let lastSlash = -1;
  let lastColon = -1;
  for (let i = 0; i < preEnd; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2f) {
      if (firstSlash < 0) firstSlash = i;
      lastSlash = i;
    } else if (c === 0x3a) lastColon = i;
  }
  w.steps += preEnd;
  const tagStart = lastColon > lastSlash ? lastColon + 1 : -1;
  const nameEnd = tagStart >= 0 ? lastColon : preEnd;
  if (nameEnd === 0) {
    const before = tagStart >= 0 ? '":"' : '"@"';
    return d('missing-name', `The image name is missing before ${before}; write the repository first, e.g. "ubuntu${part(s, 0, preEnd, w)}".`, span(0, 1));
  }
  if (firstSlash < 0 && s.charCodeAt(0) === 0x5b && scanDomain(s, 0, preEnd, w)) {
    const host = part(s, 0, preEnd, w);
    return d('missing-path', `${q(host)} is a registry address without a repository path; add one after "/", e.g. ${q(`${host}/my-image`)}.`, span(0, preEnd));
  }
  const nameProblem = name(s, firstSlash >= 0 && firstSlash < nameEnd ? firstSlash : -1, nameEnd, w);
  if (nameProblem) return nameProblem;
  if (tagStart >= 0) {
    const tagProblem = tag(s, tagStart, preEnd, w);
    if (tagProblem) return tagProblem;
  }
  if (at >= 0 && !scanDigest(s, at + 1, s.length, w)) return digestGrammar(s, at + 1, w);
  return d('invalid-format', `${q(s)} is not a valid image reference; write [registry/]repository[:tag][@digest], e.g. ${EXAMPLE}.`, span(0, s.length));
}

function name(s: string, slash: number, end: number, w: ParseStats): Diagnosis | undefined {
  let pathStart = 0;
  if (slash >= 0) {
    const first = part(s, 0, slash, w);
    if (looksLikeDomain(first, w)) {
      if (scanDomain(s, 0, slash, w)) pathStart = slash + 1;
      else if (!scanPath(s, 0, end, w)) return domain(first, w);
    }
  }
  if (pathStart === end) {
    const host = part(s, 0, slash, w);
    return d('missing-path', `Registry ${q(host)} needs a repository path after "/", e.g. ${q(`${host}/my-image`)}.`, span(slash, slash + 1));
  }
  return path(s, pathStart, end, w);
}

function path(s: string, start: number, end: number, w: ParseStats): Diagnosis | undefined {
  const whole = part(s, start, end, w);
  let i = start;
  while (i <= end) {
    const compEnd = next(s, 0x2f, i, end, w);
    if (compEnd === i) {
      if (i === end) return d('invalid-path', `Remove the trailing "/" after ${q(part(s, 0, i - 1, w))}.`, span(i - 1, i), splice(s, span(i - 1, i), '', w));
      if (i === start && start === 0) {
        const rest = part(s, 1, s.length, w);
        return d('invalid-path', rest === '' ? 'Remove the "/": an image reference starts with a repository name.' : `Remove the leading "/" before ${q(rest)}.`, span(0, 1), rest);
      }
      return d('invalid-path', `Remove the extra "/" in ${q(whole)}: path components cannot be empty.`, span(i, i + 1), splice(s, span(i, i + 1), '', w));
    }
    const problem = component(s, i, compEnd, whole, start, w);
    if (problem) return problem;
    i = compEnd + 1;
  }
  return undefined;
}

function component(s: string, start: number, end: number, whole: string, pathStart: number, w: ParseStats): Diagnosis | undefined {
  const comp = part(s, start, end, w);
  for (let i = start; i < end; i++) {
    w.steps++;
    const c = s.charCodeAt(i);
    if (isLowerAlnum(c) || c === 0x2e || c === 0x5f || c === 0x2d) continue;
    const ch = String.fromCodePoint(s.codePointAt(i) ?? c);
    const where = span(i, i + ch.length);
    if (c === 0x3a) {
      w.steps += whole.length;
      const message = whole.includes('/')
        ? `Unexpected ":" in path component ${q(comp)}: ":" may only start the tag after the last "/", or a port right after the registry host.`
        : `${q(part(s, pathStart, s.length, w))} has more than one ":"; only one ":" is allowed, between the repository and the tag.`;
      return d('extra-colon', message, where);
    }
    if (ch.toLowerCase() !== ch) {
      w.steps += whole.length;
      return d('uppercase', `Repository ${q(whole)} must be lowercase; did you mean ${q(whole.toLowerCase())}?`, span(pathStart, pathStart + whole.length));
    }
    return d('invalid-character', `Repository ${q(whole)} contains ${describeChar(ch)}; use lowercase letters, digits and the separators ".", "_", "__" or "-".`, where);
  }
  if (!isLowerAlnum(s.charCodeAt(start))) {
    return d('invalid-path', `Path component ${q(comp)} must start with a lowercase letter or digit.`, span(start, start + 1));
  }
  if (!isLowerAlnum(s.charCodeAt(end - 1))) {
    return d('invalid-path', `Path component ${q(comp)} must end with a lowercase letter or digit.`, span(end - 1, end));
  }
  let i = start;
  while (i < end) {
    w.steps++;
    if (isLowerAlnum(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const run = i;
    while (i < end && !isLowerAlnum(s.charCodeAt(i))) i++;
    const sep = part(s, run, i, w);
    w.steps += 2 * sep.length; // the walk over the run, and the test of it
    if (!(sep === '.' || sep === '_' || sep === '__' || /^-+$/.test(sep))) {
      return d('invalid-path', `Path component ${q(comp)} has the separator ${q(sep)}; between letters or digits use one ".", one "_", "__", or a run of "-".`, span(run, i));
    }
  }
  return undefined;
}

function domain(host: string, w: ParseStats): Diagnosis {
  const all = span(0, host.length);
  const bad = (what: string, where: Span = all): Diagnosis => d('invalid-domain', `Registry host ${q(host)} ${what}`, where);
  if (host.startsWith('[')) {
    const close = next(host, 0x5d, 0, host.length, w);
    if (close === host.length) return bad('has no "]" closing its IPv6 address.');
    const inner = part(host, 1, close, w);
    const zone = next(inner, 0x25, 0, inner.length, w);
    if (zone < inner.length) return bad(`has the IPv6 zone ID ${q(part(inner, zone, inner.length, w))}, which image references do not allow.`, span(1 + zone, close));
    if (inner === '') return bad('has an empty IPv6 address between "[" and "]".');
    if (next(inner, 0x2e, 0, inner.length, w) < inner.length) return bad('embeds an IPv4 address in its IPv6 address; write the IPv6 address in hex digits and ":" only.');
    for (let i = 0; i < inner.length; i++) {
      w.steps++;
      const c = inner.charCodeAt(i);
      if (!(isHex(c) || c === 0x3a)) return bad(`contains ${describeChar(inner.charAt(i))} in its IPv6 address; only hex digits and ":" are allowed.`, span(1 + i, 2 + i));
    }
    return port(host, close + 1, bad, w);
  }
  const colon = next(host, 0x3a, 0, host.length, w);
  const hostName = part(host, 0, colon, w);
  if (colon < host.length && next(host, 0x3a, colon + 1, host.length, w) < host.length) {
    w.steps += host.length;
    if (/^[0-9A-Fa-f:]+$/.test(host)) return bad('looks like an IPv6 address, which must be written in square brackets with the port after them, as in "[fc00::1]:5000".');
    return bad('has more than one ":"; only one ":" may separate the host from its port.');
  }
  for (let i = 0; i < hostName.length; i++) {
    w.steps++;
    const c = hostName.charCodeAt(i);
    if (isAlnum(c) || c === 0x2d || c === 0x2e) continue;
    const ch = String.fromCodePoint(hostName.codePointAt(i) ?? c);
    return bad(`contains ${describeChar(ch)}, which host names cannot contain; use letters, digits, "-" and ".".`, span(i, i + ch.length));
  }
  let labelStart = 0;
  for (let i = 0; i <= hostName.length; i++) {
    w.steps++;
    if (i < hostName.length && hostName.charCodeAt(i) !== 0x2e) continue;
    const label = part(hostName, labelStart, i, w);
    if (label === '') return bad('has an empty label; dots must separate non-empty names, as in "registry.example.com".', span(labelStart, Math.min(i + 1, host.length)));
    if (label.startsWith('-') || label.endsWith('-')) return bad(`has the label ${q(label)}, which cannot start or end with "-".`, span(labelStart, i));
    labelStart = i + 1;
  }
  return colon === host.length ? bad('is not a valid host name.') : port(host, colon, bad, w);
}

function port(host: string, at: number, bad: (what: string, where?: Span) => Diagnosis, w: ParseStats): Diagnosis {
  if (at >= host.length) return bad('is not a valid host name.');
  if (host.charCodeAt(at) !== 0x3a) return bad(`has ${q(part(host, at, host.length, w))} after its IPv6 address; only ":<port>" may follow "]".`, span(at, host.length));
  const digits = part(host, at + 1, host.length, w);
  if (digits === '') return bad('has an empty port after ":"; write digits, e.g. ":5000", or remove the ":".', span(at, at + 1));
  for (let i = 0; i < digits.length; i++) {
    w.steps++;
    if (!isDigit(digits.charCodeAt(i))) return bad(`has the port ${q(digits)}, which must be a number.`, span(at + 1, host.length));
  }
  return bad('is not a valid host name.');
}

function tag(s: string, start: number, end: number, w: ParseStats): Diagnosis | undefined {
  const text = part(s, start, end, w);
  const where = span(start, end);
  if (text === '') return d('empty-tag', `The tag after ":" is empty; write a tag such as "latest", or remove the ":".`, span(start - 1, start), splice(s, span(start - 1, start), '', w));
  if (!isWord(s.charCodeAt(start))) {
    return d('invalid-tag', `Tag ${q(text)} must start with a letter, a digit or "_".`, span(start, start + 1));
  }
  for (let i = start; i < end; i++) {
    w.steps++;
    const c = s.charCodeAt(i);
    if (isWord(c) || c === 0x2e || c === 0x2d) continue;
    const ch = String.fromCodePoint(s.codePointAt(i) ?? c);
    return d('invalid-tag', `Tag ${q(text)} contains ${describeChar(ch)}; a tag may contain only letters, digits, "_", "." and "-".`, span(i, i + ch.length));
  }
  if (text.length > 128) return d('tag-too-long', `Tag ${q(text)} is ${text.length} characters long; a tag may have at most 128.`, where);
  return undefined;
}

function digestGrammar(s: string, start: number, w: ParseStats): Diagnosis {
  const digest = part(s, start, s.length, w);
  const where = span(start, s.length);
  const bad = (what: string, at: Span = where): Diagnosis => d('invalid-digest', `Digest ${q(digest)} ${what}`, at);
  if (digest === '') return d('invalid-digest', `The digest after "@" is empty; write "sha256:" followed by 64 hex digits, or remove the "@".`, span(start - 1, start));
  const colon = next(digest, 0x3a, 0, digest.length, w);
  if (colon === digest.length) return bad('has no ":"; a digest is "<algorithm>:<hex>", e.g. "sha256:" followed by 64 hex digits.');
  const alg = part(digest, 0, colon, w);
  if (alg === '') return bad('has no algorithm before ":"; write it as "sha256:" followed by 64 hex digits.', span(start, start + 1));
  if (!isAlgorithm(alg, w)) {
    return bad(`has the malformed algorithm ${q(alg)}; use "sha256".`, span(start, start + colon));
  }
  const hex = part(digest, colon + 1, digest.length, w);
  for (let i = 0; i < hex.length; i++) {
    w.steps++;
    if (!isHex(hex.charCodeAt(i))) {
      const ch = String.fromCodePoint(hex.codePointAt(i) ?? 0);
      return bad(`contains ${describeChar(ch)} after "${alg}:", where only hex digits are allowed.`, span(start + colon + 1 + i, start + colon + 1 + i + ch.length));
    }
  }
  const lower = alg.toLowerCase();
  w.steps += alg.length;
  const size = DIGEST_ALGORITHMS.get(lower);
  return bad(`is too short: it has ${hex.length} hex digits, but ${size === undefined ? 'a digest needs at least 32' : `a ${lower} digest has exactly ${size}`}.`, span(start + colon + 1, s.length));
}

/** The digest grammar's algorithm: letter-led alphanumeric parts joined by single `-`, `_`, `+` or `.`. */
function isAlgorithm(alg: string, w: ParseStats): boolean {
  let i = 0;
  let valid = false;
  for (;;) {
    if (!isLetter(alg.charCodeAt(i))) break;
    i++;
    while (isAlnum(alg.charCodeAt(i))) i++;
    if (i === alg.length) {
      valid = true;
      break;
    }
    const c = alg.charCodeAt(i);
    if (!(c === 0x2d || c === 0x5f || c === 0x2b || c === 0x2e)) break;
    i++;
  }
  w.steps += i + 1;
  return valid;
}
