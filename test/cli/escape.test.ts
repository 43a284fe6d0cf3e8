// escape.ts: whatever a file holds, what a human-readable report prints of it carries no control, bidirectional or
// line-breaking character, no lone surrogate and no "##[", and the offsets keep underlines aligned; text with none of
// those (nearly all) is printed as it is, the quick way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable, printableWithOffsets } from '../../packages/cli/src/escape.js';

const isLone = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return !(s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff);
  if (c >= 0xdc00 && c <= 0xdfff) return !(s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff);
  return false;
};
const unsafe = (c: number): boolean => c <= 0x1f || (c >= 0x7f && c <= 0x9f) || [0x061c, 0x200e, 0x200f, 0x2028, 0x2029].includes(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
const needsEscaping = (s: string): boolean => s.includes('##[') || [...Array(s.length).keys()].some((i) => unsafe(s.charCodeAt(i)) || isLone(s, i));
/** Strings rich in what must be escaped, among ordinary text. */
const texts = fc.array(fc.oneof(fc.string(), fc.constantFrom('\n', '\r', '\t', '\u001b[31m', '\u0085', '\u202e', '\u2028', '\ud800', '\udc00', '😀', '##[', '::', '#', '['))).map((parts) => parts.join(''));

describe('printable', () => {
  it('never lets an unsafe character, a lone surrogate or "##[" through, and keeps safe text as it is', () => {
    fc.assert(
      fc.property(texts, (raw) => {
        const { text, offsets } = printableWithOffsets(raw);
        expect(needsEscaping(text)).toBe(false);
        expect(printable(raw)).toBe(text);
        expect(offsets).toHaveLength(raw.length + 1);
        for (let i = 1; i < offsets.length; i++) expect(offsets[i]).toBeGreaterThanOrEqual(offsets[i - 1]!);
        expect(offsets.at(-1)).toBe(text.length);
        if (!needsEscaping(raw)) {
          expect(text).toBe(raw);
          expect(offsets).toEqual(Array.from({ length: raw.length + 1 }, (_, i) => i));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
