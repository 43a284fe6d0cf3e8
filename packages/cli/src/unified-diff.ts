// --fix-dry-run's unified diff, made from the fixes' own edits (fixText's `edits`) rather than by comparing the two
// texts: the changed lines are known, so the work is linear in the size of the file, however many fixes there are.
// Lines end at "\n" (as patch and git apply count them; a "\r" stays part of its line).
import type { TextEdit } from '@valohai-lint/core';

const CONTEXT = 3;

/** Work done, counted for the test that shows it grows linearly. */
export interface DiffStats {
  steps: number;
}

/** A run of changed lines: old lines [from, to) replaced by `lines`. */
interface Change {
  from: number;
  to: number;
  lines: string[];
}

function lineStartsOf(text: string, stats?: DiffStats): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (stats) stats.steps += text.length;
  // A final line break ends the last line; it does not start an empty one.
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  return starts;
}

/** The line holding an offset (binary search). */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Splits text into lines, each keeping its "\n". */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** The edits grouped into whole-line changes: edits on the same or touching lines become one change. */
function changesOf(text: string, edits: readonly TextEdit[], starts: readonly number[], stats?: DiffStats): Change[] {
  const changes: Change[] = [];
  const lineEnd = (line: number): number => (line + 1 < starts.length ? starts[line + 1]! : text.length);
  let i = 0;
  while (i < edits.length) {
    const from = lineOf(starts, edits[i]!.span.start);
    let to = lineOf(starts, edits[i]!.span.end) + 1;
    let replaced = '';
    let at = starts[from]!;
    // Take every edit that starts before the region ends (all of them once it reaches the end of the file); a region
    // whose new text does not end with a line break, short of the end of the file, takes the next line too, so that
    // changes are always whole lines.
    for (let first = true; ; first = false) {
      while (i < edits.length && (first || edits[i]!.span.start < lineEnd(to - 1) || lineEnd(to - 1) >= text.length)) {
        first = false;
        const e = edits[i]!;
        replaced += text.slice(at, e.span.start) + e.newText;
        at = e.span.end;
        to = Math.max(to, lineOf(starts, e.span.end) + 1);
        i++;
        if (stats) stats.steps++;
      }
      const end = lineEnd(to - 1);
      const candidate = replaced + text.slice(at, end);
      if (candidate.endsWith('\n') || end >= text.length) {
        replaced = candidate;
        at = end;
        break;
      }
      to++;
    }
    const oldLines = splitLines(text.slice(starts[from]!, at));
    const newLines = splitLines(replaced);
    // Lines an edit rewrote to themselves are context, not change.
    let head = 0;
    while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
    let tail = 0;
    while (tail < oldLines.length - head && tail < newLines.length - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail++;
    if (stats) stats.steps += oldLines.length + newLines.length;
    if (head === oldLines.length && head === newLines.length) continue;
    changes.push({ from: from + head, to: from + oldLines.length - tail, lines: newLines.slice(head, newLines.length - tail) });
  }
  return changes;
}

/** One line of a hunk: its marker, the line without its "\n", and git's note when the file does not end with one. */
function hunkLine(marker: string, line: string): string {
  return line.endsWith('\n') ? `${marker}${line.slice(0, -1)}\n` : `${marker}${line}\n\\ No newline at end of file\n`;
}

/**
 * A unified diff (3 lines of context) from `before` to the text the edits make of it; empty when nothing changes.
 * `edits` must be sorted and non-overlapping, as fixText returns them. `name` is printed as given: escape it first.
 */
export function unifiedDiff(name: string, before: string, edits: readonly TextEdit[], stats?: DiffStats): string {
  if (edits.length === 0) return '';
  const starts = lineStartsOf(before, stats);
  const lineCount = before === '' ? 0 : starts.length;
  const oldLine = (line: number): string => before.slice(starts[line]!, line + 1 < starts.length ? starts[line + 1]! : before.length);
  const changes = changesOf(before, edits, starts, stats);
  if (changes.length === 0) return '';
  const out: string[] = [`--- a/${name}\n`, `+++ b/${name}\n`];
  let shift = 0; // new line number minus old line number, after the hunks so far
  let c = 0;
  while (c < changes.length) {
    // A hunk: this change and every next one whose context would touch it.
    let last = c;
    while (last + 1 < changes.length && changes[last + 1]!.from - changes[last]!.to <= 2 * CONTEXT) last++;
    const hunkFrom = Math.max(0, changes[c]!.from - CONTEXT);
    const hunkTo = Math.min(lineCount, changes[last]!.to + CONTEXT);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    let line = hunkFrom;
    for (let k = c; k <= last; k++) {
      const change = changes[k]!;
      for (; line < change.from; line++, oldCount++, newCount++) body.push(hunkLine(' ', oldLine(line)));
      for (; line < change.to; line++, oldCount++) body.push(hunkLine('-', oldLine(line)));
      for (const added of change.lines) {
        body.push(hunkLine('+', added));
        newCount++;
      }
    }
    for (; line < hunkTo; line++, oldCount++, newCount++) body.push(hunkLine(' ', oldLine(line)));
    if (stats) stats.steps += body.length;
    // An empty side names the line before it (0 at the top of the file), as diff does.
    const oldStart = oldCount === 0 ? hunkFrom : hunkFrom + 1;
    const newStart = newCount === 0 ? hunkFrom + shift : hunkFrom + shift + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`, ...body);
    shift += newCount - oldCount;
    c = last + 1;
  }
  return out.join('');
}
