// lineAt: the line around an offset, found with string searches that stay within the line. Checked against the
// definition (walk back and forward to the nearest CR or LF) on texts of CR, LF, CRLF and long lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAt } from '../src/document/source-lines.js';

/** The line around `offset` by definition: from after the last line break before it to the next one. */
function byWalking(text: string, offset: number): { start: number; end: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let start = at;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = at;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

describe('lineAt', () => {
  it('finds the line a walk to the nearest line breaks finds, for CR, LF and CRLF', () => {
    const text = fc.array(fc.constantFrom('a', ' ', '\t', '\n', '\r', '\r\n', 'key: value', '- '), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: -2, max: 200 }), (t, offset) => {
        const line = lineAt(t, offset);
        const expected = byWalking(t, offset);
        expect({ start: line.start, end: line.end }).toEqual(expected);
        expect(line.text).toBe(t.slice(expected.start, expected.end));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the line, not the text, on a long line among others', () => {
    const text = `first\r\n${'x'.repeat(100_000)}\nlast`;
    const line = lineAt(text, 50_000);
    expect(line.start).toBe(7);
    expect(line.end).toBe(100_007);
    expect(lineAt(text, text.length).text).toBe('last');
  });
});
