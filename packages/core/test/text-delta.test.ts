// What an edit changed, and what the incremental linter redoes from it: the replacement found between two texts, the
// line index moved past it (SourceFile.afterEdit) and the items split again around it (splitAfterEdit) must each equal
// what working from the whole new text gives, for any edit, including ones that split a CRLF or reach the header.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAfterEdit, splitTopLevelItems } from '../src/document/top-level-items.js';
import { SourceFile } from '../src/source/source-file.js';
import { applyDelta, detachedCopy, textDelta } from '../src/source/text-delta.js';

const HEADER = '# header\n---\n';
const ITEMS = '- step:\n    name: a\n    image: x\n    command: y\n# between\n\n- step:\n    name: b\n    image: x\n    command: y\n- pipeline:\n    name: p\n';
const pieces = fc.constantFrom('', 'x', ' ', '\n', '\r\n', '\r', '- ', '- step:\n    name: c\n', '#', '  ', 'é', '😀', '---\n', '\t');
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 20 }), insert: pieces });
const apply = (text: string, e: { at: number; del: number; insert: string }): string => {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.del);
};
/** Long texts, so that the block comparison (4,096 characters at a time) is crossed too. */
const bases = fc.constantFrom(HEADER + ITEMS, HEADER + ITEMS.repeat(300), ITEMS.replace(/\n/g, '\r\n'), '', 'a', '\r\n'.repeat(5000));

describe('textDelta', () => {
  it('gives the smallest single replacement that turns one text into the other', () => {
    fc.assert(
      fc.property(bases, fc.array(edit, { maxLength: 3 }), (before, edits) => {
        const after = edits.reduce(apply, before);
        const delta = textDelta(before, after);
        expect(applyDelta(before, delta)).toBe(after);
        // Smallest: what stays before and after the replacement cannot be extended.
        const insertedEnd = delta.start + delta.text.length;
        if (delta.start < delta.end && insertedEnd > delta.start) {
          expect(before[delta.start]).not.toBe(after[delta.start]);
          expect(before[delta.end - 1]).not.toBe(after[insertedEnd - 1]);
        }
        expect(delta.end).toBeGreaterThanOrEqual(delta.start);
      }),
      { numRuns: 400 },
    );
  });

  it('finds nothing to replace in equal texts', () => {
    const text = ITEMS.repeat(100);
    expect(textDelta(text, detachedCopy(text))).toEqual({ start: text.length, end: text.length, text: '' });
  });
});

describe('SourceFile.afterEdit', () => {
  it('indexes the lines as indexing the new text afresh does', () => {
    fc.assert(
      fc.property(bases, fc.array(edit, { minLength: 1, maxLength: 4 }), (base, edits) => {
        let source = new SourceFile(base);
        for (const e of edits) {
          const text = apply(source.text, e);
          source = SourceFile.afterEdit(source, text, textDelta(source.text, text));
          expect(source.lineStarts).toEqual(new SourceFile(text).lineStarts);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads lines and positions through the edits as an index of the new text does, past the depth that flattens', () => {
    // Long runs of edits stack patches on one index (flattened beyond a depth); nothing here reads the flat array
    // until the end, so each lookup goes through the patches. Texts kept small so that every offset is checked.
    const small = fc.constantFrom(HEADER + ITEMS, ITEMS.repeat(3), '', 'a\n', '\n\n\n');
    fc.assert(
      fc.property(small, fc.array(edit, { minLength: 1, maxLength: 40 }), (base, edits) => {
        let source = new SourceFile(base);
        for (const e of edits) {
          const text = apply(source.text, e);
          source = SourceFile.afterEdit(source, text, textDelta(source.text, text));
          const fresh = new SourceFile(text);
          expect(source.lineCount).toBe(fresh.lineCount);
          for (let line = -1; line <= fresh.lineCount; line++) {
            expect(source.lineStart(line)).toBe(fresh.lineStart(line));
            if (line >= 0 && line < fresh.lineCount) expect(source.lineEnd(line)).toBe(fresh.lineEnd(line));
          }
          for (let offset = 0; offset <= text.length; offset++) expect(source.positionAt(offset)).toEqual(fresh.positionAt(offset));
        }
        expect(source.lineStarts).toEqual(new SourceFile(source.text).lineStarts);
      }),
      { numRuns: 300 },
    );
  });

  it('knows what the text contains as a search of the new text does, though it looks only around the replacement', () => {
    // Strings the edits make and unmake, across the replacement's ends too: short ones, which an insertion or a
    // deletion next to their other half often completes ("xx", "x#"), and longer ones ("name: c" inserted whole).
    const needles = ['xx', 'x\n\n', ' #', 'x#', '\n\n', ':\n-', 'e: x ', 'name: c', 'step:\n', 'é'];
    fc.assert(
      fc.property(bases, fc.array(edit, { minLength: 1, maxLength: 6 }), (base, edits) => {
        let source = new SourceFile(base);
        for (const needle of needles) expect(source.contains(needle)).toBe(base.includes(needle));
        for (const e of edits) {
          const text = apply(source.text, e);
          source = SourceFile.afterEdit(source, text, textDelta(source.text, text));
          for (const needle of needles) expect(source.contains(needle)).toBe(text.includes(needle));
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('splitAfterEdit', () => {
  it('splits into the chunks that splitting the whole new text gives, or leaves it to that', () => {
    let used = 0;
    let both = 0;
    fc.assert(
      fc.property(bases, fc.array(edit, { minLength: 1, maxLength: 4 }), (base, edits) => {
        let text = base;
        let chunks = splitTopLevelItems(text);
        for (const e of edits) {
          const next = apply(text, e);
          const delta = textDelta(text, next);
          const edited = chunks && splitAfterEdit(chunks, next, delta);
          const whole = splitTopLevelItems(next);
          // An edit inside the items (not of the lines before the first) of a text that splits before and after.
          if (chunks && whole && delta.start > chunks[0]!.start) both++;
          if (edited) {
            used++;
            expect(edited.chunks).toEqual(whole);
            // Outside the range split again, the chunks are the earlier ones, moved by the change in length.
            const shift = next.length - text.length;
            const earlier = chunks!;
            edited.chunks.forEach((c, i) => {
              if (i < edited.first) expect(c).toBe(earlier[i]);
              else if (i >= edited.end) expect(c).toEqual({ start: earlier[i - edited.end + edited.previousEnd]!.start + shift, text: earlier[i - edited.end + edited.previousEnd]!.text });
            });
            expect(edited.chunks.length - edited.end).toBe(earlier.length - edited.previousEnd);
          }
          text = next;
          chunks = edited?.chunks ?? whole;
        }
      }),
      { numRuns: 2000 },
    );
    // Most edits inside the items of a file that stays simply laid out are split around the edit alone. About one run
    // in 17 makes such an edit (400 runs gave 15 to 34 of them), so 2,000 runs keep the count well clear of 40.
    expect(both).toBeGreaterThan(40);
    expect(used).toBeGreaterThan(both * 0.8);
  });
});
