// The line index of edited texts: patched per edit rather than copied, and flattened only every so many edits, so that a
// keystroke in a large file costs no copy of its line offsets while lookups stay as right as a fresh index's.
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/source/line-index.js';

/** 10,000 lines of 10 characters. */
const startsOf = (lines: number): number[] => Array.from({ length: lines }, (_, i) => i * 10);

describe('LineIndex', () => {
  it('stays equal to the offsets it stands for while edits stack patches on it', () => {
    let model = startsOf(10_000);
    let index = LineIndex.of([...model]);
    let flattened = 0;
    for (let k = 0; k < 200; k++) {
      // Type a character on some line, and every 7th edit add a line after it too.
      const line = (k * 7919) % model.length;
      const inserted = k % 7 === 0 ? [model[line]! + 5] : [];
      const shift = inserted.length > 0 ? 2 : 1;
      index = index.edited(line + 1, inserted, line + 1, shift);
      model = [...model.slice(0, line + 1), ...inserted, ...model.slice(line + 1).map((s) => s + shift)];
      expect(index.patches).toBeLessThanOrEqual(16);
      if (index.patches === 0) flattened++;
      expect(index.count).toBe(model.length);
      for (const i of [0, line, line + 1, line + 2, model.length - 1, (k * 31) % model.length]) {
        expect(index.at(i)).toBe(model[i]);
        expect(index.lineOf(model[i]!)).toBe(i);
        expect(index.lineOf(model[i]! + 1)).toBe(i);
      }
      expect(index.at(model.length)).toBeUndefined();
    }
    // A copy of the offsets every 17 edits, not one per edit.
    expect(flattened).toBe(Math.floor(200 / 17));
    expect(index.starts()).toEqual(model);
  });

  it('puts an offset where a removed line started on the kept line before the edit', () => {
    // Lines at 0, 10, 20, 30; the 10 characters from 12 (with the line end before 20) replaced by 15 without one: the
    // line at 20 goes and the one at 30 moves to 35, so offsets 20-34 are on line 1 now, where line 2 started before.
    const edited = (): LineIndex => LineIndex.of([0, 10, 20, 30]).edited(2, [], 3, 5);
    expect([12, 20, 25, 34, 35].map((o) => edited().lineOf(o))).toEqual([1, 1, 1, 1, 2]);
    expect(edited().starts()).toEqual([0, 10, 35]);
  });
});
