// The reference grammar of github.com/distribution/reference (current code, after distribution#3818), written as
// hand-made scanners over a range of a string. No regular expressions: every scanner moves forward only, visits each
// character at most once and adds it to `ParseStats.steps`, so the whole parser is linear and tests can prove it.
//
//   reference := name [ ":" tag ] [ "@" digest ]
//   name      := [ domain "/" ] component ( "/" component )*
//   domain    := host [ ":" digits ]         host := label ( "." label )* | "[" (hex | ":")+ "]"
//   label     := [A-Za-z0-9] | [A-Za-z0-9] [A-Za-z0-9-]* [A-Za-z0-9]
//   component := [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
//   tag       := [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}
//   digest    := algo-part ( [-_+.] algo-part )* ":" [0-9A-Fa-f]{32,}     algo-part := [A-Za-z] [A-Za-z0-9]*

import { isAlnum, isDigit, isHex, isLetter, isLowerAlnum, isWord } from '../util/ascii.js';
import type { ParseStats } from './types.js';

const SLASH = 0x2f;
const COLON = 0x3a;
const AT = 0x40;
const DOT = 0x2e;
const DASH = 0x2d;
const UNDERSCORE = 0x5f;

/** `host [":" port]` over exactly s[start, end). The port is any run of digits (no range check, like upstream). */
export function scanDomain(s: string, start: number, end: number, w: ParseStats): boolean {
  let i = start;
  if (i >= end) return false;
  if (s.charCodeAt(i) === 0x5b /* [ */) {
    i++;
    const inner = i;
    while (i < end && (isHex(s.charCodeAt(i)) || s.charCodeAt(i) === COLON)) i++;
    w.steps += i - start;
    if (i === inner || i >= end || s.charCodeAt(i) !== 0x5d /* ] */) return false;
    i++;
  } else {
    for (;;) {
      if (i >= end || !isAlnum(s.charCodeAt(i))) return false;
      const label = i;
      i++;
      while (i < end && (isAlnum(s.charCodeAt(i)) || s.charCodeAt(i) === DASH)) i++;
      w.steps += i - label;
      if (s.charCodeAt(i - 1) === DASH) return false;
      if (i < end && s.charCodeAt(i) === DOT) {
        i++;
        w.steps++;
        continue;
      }
      break;
    }
  }
  if (i === end) return true;
  if (s.charCodeAt(i) !== COLON) return false;
  const port = ++i;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  w.steps += i - port + 1;
  return i > port && i === end;
}

/** The repository path over exactly s[start, end): lowercase components joined by single `/`. */
export function scanPath(s: string, start: number, end: number, w: ParseStats): boolean {
  let i = start;
  for (;;) {
    if (i >= end || !isLowerAlnum(s.charCodeAt(i))) return false;
    for (;;) {
      const run = i;
      while (i < end && isLowerAlnum(s.charCodeAt(i))) i++;
      w.steps += i - run;
      if (i >= end) return true;
      const c = s.charCodeAt(i);
      w.steps++;
      if (c === SLASH) {
        i++;
        break; // next component
      }
      if (c === DOT) i++;
      else if (c === UNDERSCORE) i += i + 1 < end && s.charCodeAt(i + 1) === UNDERSCORE ? 2 : 1;
      else if (c === DASH) {
        const dashes = i;
        while (i < end && s.charCodeAt(i) === DASH) i++;
        w.steps += i - dashes;
      } else return false;
      if (i >= end || !isLowerAlnum(s.charCodeAt(i))) return false;
    }
  }
}

/** A tag over exactly s[start, end). */
function scanTag(s: string, start: number, end: number, w: ParseStats): boolean {
  const length = end - start;
  if (length < 1 || length > 128 || !isWord(s.charCodeAt(start))) return false;
  let i = start + 1;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (!(isWord(c) || c === DOT || c === DASH)) break;
    i++;
  }
  w.steps += i - start;
  return i === end;
}

/** The grammar layer of a digest (not go-digest's validation) over exactly s[start, end). */
export function scanDigest(s: string, start: number, end: number, w: ParseStats): boolean {
  let i = start;
  for (;;) {
    if (i >= end || !isLetter(s.charCodeAt(i))) return false;
    i++;
    while (i < end && isAlnum(s.charCodeAt(i))) i++;
    const c = s.charCodeAt(i);
    if (c === DASH || c === UNDERSCORE || c === 0x2b /* + */ || c === DOT) {
      i++;
      continue;
    }
    if (c !== COLON) {
      w.steps += i - start + 1;
      return false;
    }
    break;
  }
  const hex = ++i;
  while (i < end && isHex(s.charCodeAt(i))) i++;
  w.steps += i - start;
  return i === end && i - hex >= 32;
}

/** Where the parts of a matching reference are (offsets into the matched string). */
export interface RefMatch {
  /** End of the domain (the index of its `/`), or -1 when the name has no domain. */
  domainEnd: number;
  pathStart: number;
  /** End of the name (path). */
  nameEnd: number;
  /** Start of the tag (after `:`), or -1. The tag ends at `digestStart - 1` or at the end. */
  tagStart: number;
  /** Start of the digest (after `@`), or -1. The digest runs to the end. */
  digestStart: number;
}

/**
 * The anchored reference match, with the same parts the upstream regular expression captures. The split is forced:
 * `@` occurs only before the digest; the tag (no `:` or `/`) follows the last `:` when that `:` comes after the last
 * `/`; and the domain, tried first as upstream's greedy optional group does, is whatever precedes the first `/`.
 */
export function matchReference(s: string, w: ParseStats): RefMatch | undefined {
  let at = -1;
  let firstSlash = -1;
  let lastSlash = -1;
  let lastColon = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === AT) {
      if (at >= 0) {
        w.steps += i + 1;
        return undefined;
      }
      at = i;
    } else if (at < 0) {
      if (c === SLASH) {
        if (firstSlash < 0) firstSlash = i;
        lastSlash = i;
      } else if (c === COLON) lastColon = i;
    }
  }
  w.steps += s.length;
  const preEnd = at >= 0 ? at : s.length;
  const tagStart = lastColon > lastSlash ? lastColon + 1 : -1;
  const nameEnd = tagStart >= 0 ? lastColon : preEnd;
  if (tagStart >= 0 && !scanTag(s, tagStart, preEnd, w)) return undefined;
  if (at >= 0 && !scanDigest(s, at + 1, s.length, w)) return undefined;
  const digestStart = at >= 0 ? at + 1 : -1;
  if (firstSlash >= 0 && firstSlash < nameEnd && scanDomain(s, 0, firstSlash, w) && scanPath(s, firstSlash + 1, nameEnd, w)) {
    return { domainEnd: firstSlash, pathStart: firstSlash + 1, nameEnd, tagStart, digestStart };
  }
  if (scanPath(s, 0, nameEnd, w)) return { domainEnd: -1, pathStart: 0, nameEnd, tagStart, digestStart };
  return undefined;
}
