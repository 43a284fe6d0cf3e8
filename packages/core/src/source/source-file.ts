// Offsets inside, positions at the edges: converts UTF-16 offsets of one text to line/column positions and back.

/** A half-open range of UTF-16 offsets `[start, end)` into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/** A zero-based line and UTF-16 column, as LSP uses them. */
export interface Position {
  line: number;
  character: number;
}

/**
 * The text of one file with a line index, so offsets can be turned into positions in O(log n). A leading byte-order
 * mark stays in the text (and in offsets, so edits keep it) but takes no column: editors, ESLint and LSP clients do not
 * show it, so the first line's columns are counted as they see them.
 */
export class SourceFile {
  readonly text: string;
  readonly lineStarts: readonly number[];
  /** 1 when the text starts with a byte-order mark, else 0. */
  private readonly bom: number;

  constructor(text: string) {
    this.text = text;
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // CR, LF and CRLF each end one line, as YAML counts them.
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** Clamps an offset into the text. */
  clamp(offset: number): number {
    if (!Number.isFinite(offset) || offset < 0) return 0;
    return Math.min(Math.floor(offset), this.text.length);
  }

  /** Zero-based position of an offset. */
  positionAt(offset: number): Position {
    const o = this.clamp(offset);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    const character = o - (this.lineStarts[lo] ?? 0);
    return { line: lo, character: lo === 0 ? Math.max(0, character - this.bom) : character };
  }

  /** Offset of a zero-based position; out-of-range lines and columns are clamped to the text. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.contentStart(position.line);
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the first character of a zero-based line that takes a column (after a leading byte-order mark). */
  contentStart(line: number): number {
    return (this.lineStarts[line] ?? this.text.length) + (line === 0 ? this.bom : 0);
  }

  /** Offset just past the last character of a zero-based line, before its line break. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a zero-based line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.contentStart(line), this.lineEnd(line));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
