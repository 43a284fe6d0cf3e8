// Applies text edits: non-overlapping, in order; bytes outside the edits never change.
import type { Fix, TextEdit } from '../diagnostic/types.js';

/**
 * Applies as many fixes as do not overlap (earlier ones first); returns the new text, how many fixes were applied and
 * the edits that made it (sorted, non-overlapping, in the coordinates of `text`).
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number; edits: TextEdit[] } {
  const sorted = fixes
    .filter((f) => f.edits.length > 0)
    .map((f) => ({ fix: f, start: Math.min(...f.edits.map((e) => e.span.start)), end: Math.max(...f.edits.map((e) => e.span.end)) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let lastEnd = -1;
  let applied = 0;
  for (const { fix, start, end } of sorted) {
    if (start < lastEnd) continue; // overlaps an accepted fix; a later pass picks it up
    chosen.push(...fix.edits);
    lastEnd = end; // a pure insertion blocks only its point
    applied++;
  }
  const edits = nonOverlapping(chosen);
  return { text: applySorted(text, edits), applied, edits };
}

/** Edits sorted by position, dropping any that overlaps one before it. */
function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept: TextEdit[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at) continue;
    kept.push(e);
    at = e.span.end;
  }
  return kept;
}

function applySorted(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/** Applies edits that must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applySorted(text, nonOverlapping(edits));
}
