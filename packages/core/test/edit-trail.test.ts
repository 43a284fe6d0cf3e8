// EditTrail: passes of edits on successive texts, given back as edits on the original, reproduce the final text
// exactly; fixText reports the edits of all its passes that way.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { applyEdits, fixText, type TextEdit } from '../src/index.js';
import { EditTrail } from '../src/engine/edit-trail.js';

/** Random sorted, non-overlapping edits for a text of the given length. */
const editsFor = (length: number): fc.Arbitrary<TextEdit[]> =>
  fc.array(fc.tuple(fc.nat({ max: length }), fc.nat({ max: 4 }), fc.constantFrom('', 'x', 'yz\n', '\r\n', '😀')), { maxLength: 6 }).map((raw) => {
    const edits: TextEdit[] = [];
    let at = 0;
    for (const [start, width, newText] of [...raw].sort((a, b) => a[0] - b[0])) {
      if (start < at) continue;
      const end = Math.min(length, start + width);
      edits.push({ span: { start, end }, newText });
      at = end;
    }
    return edits;
  });

it('gives back edits on the original that make the final text, sorted and non-overlapping', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (original, seeds) => {
      const trail = new EditTrail(original.length);
      let current = original;
      for (const seed of seeds) {
        const edits = fc.sample(editsFor(current.length), { numRuns: 1, seed })[0]!;
        trail.apply(edits);
        current = applyEdits(current, edits);
      }
      const composed = trail.edits();
      expect(applyEdits(original, composed)).toBe(current);
      for (let i = 1; i < composed.length; i++) expect(composed[i]!.span.start).toBeGreaterThanOrEqual(composed[i - 1]!.span.end);
    }),
    { numRuns: 1000 },
  );
});

it('fixText reports the edits of every pass as edits on the text it was given', () => {
  // Two passes: the unused suppression goes, and the image is qualified.
  const text = '# valohai-lint-disable-next-line yaml-duplicate-key\n- step:\n    name: a\n    image: python:3.12\n    command: x\n';
  const fixed = fixText(text);
  expect(fixed.text).not.toBe(text);
  expect(applyEdits(text, fixed.edits)).toBe(fixed.text);
  expect(fixText(fixed.text).edits).toEqual([]);
});
