// Offsets inside, positions at the edges: converts UTF-16 offsets of one text to line/column positions and back.
import { LineIndex } from './line-index.js';
import type { TextDelta } from './text-delta.js';

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
  /** Where the lines start; read through {@link lineStart} (an edited text's index is patched, not copied). */
  private readonly lines: LineIndex;
  /** 1 when the text starts with a byte-order mark, else 0. */
  private readonly bom: number;

  /** Strings known to be absent from the text (see {@link contains}). */
  private readonly absent = new Set<string>();

  /** `lines`: the text's line index when the caller knows it (see {@link afterEdit}). */
  constructor(text: string, known?: { lines: LineIndex }) {
    this.text = text;
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (known) {
      this.lines = known.lines;
      return;
    }
    const starts = [0];
    if (!text.includes('\r')) {
      // Only LF ends lines: let the string search find them (far quicker than a loop over every character).
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        // CR, LF and CRLF each end one line, as YAML counts them.
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lines = LineIndex.of(starts);
  }

  /**
   * The source of `text`, which is `previous`'s text with `delta` applied: only the replacement (and the character on
   * each side of it) is scanned for line ends, and the lines after it move by the change in length (an edit of a large
   * file costs no full scan).
   */
  static afterEdit(previous: SourceFile, text: string, delta: TextDelta): SourceFile {
    const old = previous.lines;
    const insertedEnd = delta.start + delta.text.length;
    // A line starts after an LF, or after a CR that no LF follows. Whether one starts at an offset depends on the
    // characters on both sides of it, so the lines starting before the replacement keep their offsets, those starting
    // from its first character to just after its last are found again, and those after that move with the text.
    const keep = delta.start === 0 ? 1 : old.lineOf(delta.start - 1) + 1;
    const inserted: number[] = [];
    for (let i = Math.max(delta.start, 1) - 1; i < insertedEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) inserted.push(i + 1);
    }
    const resume = old.lineOf(delta.end) + 1;
    const shift = delta.text.length - (delta.end - delta.start);
    const next = new SourceFile(text, { lines: old.edited(keep, inserted, resume, shift) });
    // A string the earlier text did not contain can only appear across the replacement.
    for (const needle of previous.absent) {
      const around = text.slice(Math.max(0, delta.start - needle.length + 1), insertedEnd + needle.length - 1);
      if (!around.includes(needle)) next.absent.add(needle);
    }
    return next;
  }

  /**
   * Whether the text contains `needle` (such as the suppression comments' prefix, which most files never use). A source
   * made by an edit knows what its earlier source did not contain from the replacement alone, not from a search of the
   * whole text, which on a large file each keystroke would otherwise repeat.
   */
  contains(needle: string): boolean {
    if (this.absent.has(needle)) return false;
    const found = this.text.includes(needle);
    if (!found) this.absent.add(needle);
    return found;
  }

  /** Clamps an offset into the text. */
  clamp(offset: number): number {
    if (!Number.isFinite(offset) || offset < 0) return 0;
    return Math.min(Math.floor(offset), this.text.length);
  }

  /** The offsets where the lines start, as one array (O(lines) the first time after an edit: prefer {@link lineStart}). */
  get lineStarts(): readonly number[] {
    return this.lines.starts();
  }

  /** Where a zero-based line starts, or undefined past the last line. */
  lineStart(line: number): number | undefined {
    return this.lines.at(line);
  }

  /** Zero-based position of an offset. */
  positionAt(offset: number): Position {
    const o = this.clamp(offset);
    const lo = this.lines.lineOf(o);
    const character = o - (this.lines.at(lo) ?? 0);
    return { line: lo, character: lo === 0 ? Math.max(0, character - this.bom) : character };
  }

  /** Offset of a zero-based position; out-of-range lines and columns are clamped to the text. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.count) return this.text.length;
    const start = this.contentStart(position.line);
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the first character of a zero-based line that takes a column (after a leading byte-order mark). */
  contentStart(line: number): number {
    return (this.lines.at(line) ?? this.text.length) + (line === 0 ? this.bom : 0);
  }

  /** Offset just past the last character of a zero-based line, before its line break. */
  lineEnd(line: number): number {
    const next = this.lines.at(line + 1);
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
    return this.lines.count;
  }
}
