// Offsets and positions: CR, LF and CRLF each end a line, and a leading byte-order mark stays in the text but takes no
// column, as editors, ESLint and LSP clients count columns.
import { describe, expect, it } from 'vitest';
import { lint, SourceFile } from '../src/index.js';

describe('SourceFile', () => {
  it('counts lines ended by LF, CRLF and CR', () => {
    const s = new SourceFile('a\nb\r\nc\rd');
    expect([0, 2, 5, 7].map((o) => s.positionAt(o))).toEqual([0, 1, 2, 3].map((line) => ({ line, character: 0 })));
    expect(s.lineText(1)).toBe('b');
  });

  it('gives a leading byte-order mark no column, and maps positions back past it', () => {
    const s = new SourceFile('\uFEFF- step:\n  x: 1\n');
    expect(s.positionAt(3)).toEqual({ line: 0, character: 2 });
    expect(s.offsetAt({ line: 0, character: 2 })).toBe(3);
    expect(s.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(s.lineText(0)).toBe('- step:');
    expect(s.contentStart(0)).toBe(1);
    // Only the first line starts after the mark.
    expect(s.positionAt(s.lineStarts[1]! + 2)).toEqual({ line: 1, character: 2 });
  });

  it('reports findings on the first line of a file with a byte-order mark at the columns an editor shows', () => {
    const withBom = lint('\uFEFF- stepp:\n    name: a\n').diagnostics.find((d) => d.ruleId === 'file-not-valohai');
    const without = lint('- stepp:\n    name: a\n').diagnostics.find((d) => d.ruleId === 'file-not-valohai');
    expect(withBom?.start).toEqual(without?.start);
    expect(withBom?.span.start).toBe(without!.span.start + 1);
  });
});
