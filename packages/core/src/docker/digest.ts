// The validation layer of a digest, as github.com/opencontainers/go-digest v1.0.0 `Parse` does it, with the three
// algorithms a Docker CLI binary links (sha256, sha384, sha512) registered.
import { isAlnum, isLowerAlnum, isLowerHex } from '../util/ascii.js';
import type { ParseStats } from './types.js';

/** Registered algorithms and the exact number of hex digits each one's digest has. */
export const DIGEST_ALGORITHMS: ReadonlyMap<string, number> = new Map([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);

export const DIGEST_UNSUPPORTED = 'unsupported digest algorithm';
export const DIGEST_INVALID_LENGTH = 'invalid checksum digest length';
export const DIGEST_INVALID_FORMAT = 'invalid checksum digest format';

type DigestProblem = 'unsupported' | 'length' | 'format';

/** go-digest's `DigestRegexpAnchored`: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`, scanned by hand. */
function wellFormed(d: string, w: ParseStats): boolean {
  let i = 0;
  for (;;) {
    if (!isLowerAlnum(d.charCodeAt(i))) return false;
    while (isLowerAlnum(d.charCodeAt(i))) i++;
    const c = d.charCodeAt(i);
    if (c === 0x2e || c === 0x2b || c === 0x5f || c === 0x2d) i++;
    else break;
  }
  if (d.charCodeAt(i) !== 0x3a) return false;
  const encoded = ++i;
  for (; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (!(isAlnum(c) || c === 0x3d || c === 0x5f || c === 0x2d)) break;
  }
  w.steps += i;
  return i > encoded && i === d.length;
}

/** What go-digest v1.0.0 `Parse` rejects `d` for, or undefined when it accepts it. */
export function digestProblem(d: string, w: ParseStats = { steps: 0 }): DigestProblem | undefined {
  const colon = d.indexOf(':');
  w.steps += colon < 0 ? d.length : colon + 1;
  if (colon <= 0 || colon + 1 === d.length) return 'format';
  const size = DIGEST_ALGORITHMS.get(d.slice(0, colon));
  if (size === undefined) return wellFormed(d, w) ? 'unsupported' : 'format';
  if (d.length - colon - 1 !== size) return 'length';
  for (let i = colon + 1; i < d.length; i++) {
    w.steps++;
    if (!isLowerHex(d.charCodeAt(i))) return 'format';
  }
  return undefined;
}

export const DIGEST_MESSAGES: Readonly<Record<DigestProblem, string>> = {
  unsupported: DIGEST_UNSUPPORTED,
  length: DIGEST_INVALID_LENGTH,
  format: DIGEST_INVALID_FORMAT,
};
