// Where a text's lines start, kept without copying per edit: an edited text's index is the earlier index with the
// edited lines replaced, so that typing in a file of 45,000 lines does not copy 45,000 offsets per keystroke (that copy,
// and the memory it walks, was a fifth of a keystroke's lint on a large file after a pause).

/** Patches stacked on one flat index before an edit flattens them (each lookup walks every patch). */
const MAX_DEPTH = 16;

/** The ascending offsets where a text's lines start; the first is 0. */
export class LineIndex {
  /** The number of lines. */
  readonly count: number;
  /** The offsets, when held flat (always for an index read from a whole text; for a patched one once flattened). */
  private flat: number[] | undefined;
  /** An edited text's index: the earlier one with some lines replaced (see {@link edited}). */
  private patch: Patch | undefined;
  /** Patches between this index and a flat one (0 once flat). */
  private depth: number;

  private constructor(flat: number[] | undefined, patch: Patch | undefined, count: number, depth: number) {
    this.flat = flat;
    this.patch = patch;
    this.count = count;
    this.depth = depth;
  }

  /** An index of these offsets (ascending, starting at 0). */
  static of(starts: number[]): LineIndex {
    return new LineIndex(starts, undefined, starts.length, 0);
  }

  /**
   * The index of a text made from this one's by a replacement: the lines up to `keep` stay, `inserted` start in the
   * replacement, and the lines from this index's `resume` on follow, moved by `shift`. Nothing is copied, but for the
   * one edit in 17 that flattens the patches below it.
   */
  edited(keep: number, inserted: number[], resume: number, shift: number): LineIndex {
    const afterCount = this.count - resume;
    const count = keep + inserted.length + afterCount;
    const firstMovedStart = afterCount > 0 ? this.at(resume)! + shift : Infinity;
    const index = new LineIndex(undefined, { base: this, keep, inserted, resume, shift, firstMovedStart }, count, this.depth + 1);
    if (index.depth > MAX_DEPTH) index.flatten();
    return index;
  }

  /** How many patches a lookup walks (0 for a flat index): at most 16, for tests. */
  get patches(): number {
    return this.depth;
  }

  /** Where line `line` starts (zero-based), or undefined past the last line. */
  at(line: number): number | undefined {
    if (line < 0 || line >= this.count) return undefined;
    return LineIndex.startOf(this, line, 0);
  }

  /** Line `line` of `index` (which has it), plus `add`: through the patches, down to a flat index. */
  private static startOf(index: LineIndex, line: number, add: number): number {
    for (;;) {
      if (index.flat) return index.flat[line]! + add;
      const p = index.patch!;
      if (line >= p.keep + p.inserted.length) {
        line = line - p.keep - p.inserted.length + p.resume;
        add += p.shift;
      } else if (line >= p.keep) return p.inserted[line - p.keep]! + add;
      index = p.base;
    }
  }

  /** The line an offset is on: the last line starting at or before it (0 when none does). */
  lineOf(offset: number): number {
    if (this.flat) return lastAtOrBefore(this.flat, offset);
    const p = this.patch!;
    const movedFrom = p.keep + p.inserted.length;
    // On a line that moved: its line in the earlier index, moved by the lines the edit added or removed.
    if (offset >= p.firstMovedStart) return p.base.lineOf(offset - p.shift) - p.resume + movedFrom;
    if (p.inserted.length > 0 && offset >= p.inserted[0]!) return p.keep + lastAtOrBefore(p.inserted, offset);
    // Before the edit's first new line: on a kept line (the earlier index may have had lines here that the edit removed).
    return Math.min(p.base.lineOf(offset), p.keep - 1);
  }

  /** All the offsets, flat (flattening a patched index once: O(lines)). */
  starts(): readonly number[] {
    if (!this.flat) this.flatten();
    return this.flat!;
  }

  /** Holds the offsets flat, written in one pass over the patches (not a copy per patch). */
  private flatten(): void {
    const out: number[] = [];
    this.appendStarts(0, this.count, 0, out);
    this.flat = out;
    // The earlier indexes can go once nothing else holds them.
    this.patch = undefined;
    this.depth = 0;
  }

  /** Appends the starts of lines `[from, to)`, plus `add`, to `out`. */
  private appendStarts(from: number, to: number, add: number, out: number[]): void {
    if (from >= to) return;
    const flat = this.flat;
    if (flat) {
      for (let i = from; i < to; i++) out.push(flat[i]! + add);
      return;
    }
    const p = this.patch!;
    const movedFrom = p.keep + p.inserted.length;
    p.base.appendStarts(from, Math.min(to, p.keep), add, out);
    for (let i = Math.max(from, p.keep); i < Math.min(to, movedFrom); i++) out.push(p.inserted[i - p.keep]! + add);
    const toBase = p.resume - movedFrom;
    p.base.appendStarts(Math.max(from, movedFrom) + toBase, to + toBase, add + p.shift, out);
  }
}

interface Patch {
  base: LineIndex;
  keep: number;
  inserted: number[];
  resume: number;
  shift: number;
  /** Where the first moved line starts (Infinity when none follows the edit). */
  firstMovedStart: number;
}

/** The index of the last of the ascending `starts` that is at most `offset` (0 when none is: starts[0] is 0). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
