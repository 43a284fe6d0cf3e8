// A code frame: the lines of a diagnostic's range with a gutter, and the exact range underlined. Several findings on
// the same lines (image-fully-qualified and image-tag on one image, say) share one frame, with one underline each.
// Only a window of columns around the range is shown, so a one-line (minified) file of megabytes prints a few hundred
// characters per finding; text from the file is printed through printableWithOffsets, so it cannot drive the terminal.
import type { Diagnostic, Severity, SourceFile } from '@valohai-lint/core';
import type { Palette } from '../colors.js';
import { printableWithOffsets } from '../escape.js';

const MAX_LINES = 4;
/** A tab is shown as this arrow: visible (a tab in the indentation is a YAML error) and one column wide, as positions count it. */
const TAB_MARK = '→';
/** Columns of a line shown at most, and how many of them come before the range's start when a line is cut. */
const WINDOW = 160;
const LEAD = 40;

const INDENT = '    ';

function paint(colors: Palette, severity: Severity): (s: string) => string {
  return severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.blue;
}

const sameRange = (a: Diagnostic, b: Diagnostic): boolean => a.span.start === b.span.start && a.span.end === b.span.end;

/** The columns (0-based, end exclusive) a frame shows of each line: its first diagnostic's start decides. */
function windowOf(first: Diagnostic): { from: number; to: number } {
  const startColumn = first.start.column - 1;
  const from = startColumn < WINDOW - LEAD ? 0 : startColumn - LEAD;
  return { from, to: from + WINDOW };
}

/**
 * True when `next` can share `first`'s frame: the same range, or both within one and the same line and within the
 * columns that frame shows (then each gets an underline of its own under that line). A finding further along a long
 * line gets a frame of its own, so a one-line file's thousands of findings are never drawn under one window.
 */
export function sharesFrame(first: Diagnostic, next: Diagnostic): boolean {
  if (sameRange(first, next)) return true;
  const oneLine = (d: Diagnostic): boolean => d.start.line === d.end.line;
  if (!oneLine(first) || !oneLine(next) || first.start.line !== next.start.line) return false;
  const { from, to } = windowOf(first);
  return next.start.column - 1 >= from && next.end.column - 1 <= to;
}

/** The frame of a group of diagnostics that share it (see {@link sharesFrame}); the first decides the lines shown. */
export function codeFrame(source: SourceFile, group: readonly Diagnostic[], colors: Palette): string {
  const d = group[0]!;
  const seen = new Set<string>();
  const underlines = group.filter((g) => {
    const key = `${g.span.start}:${g.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const first = d.start.line - 1;
  const last = Math.min(d.end.line - 1, first + MAX_LINES - 1);
  const context = Math.max(0, first - 1);
  const width = String(last + 1).length;
  // The same window for every line of the frame, so that the lines stay aligned with each other.
  const { from, to } = windowOf(d);
  const out: string[] = [];
  for (let line = context; line <= last && line < source.lineCount; line++) {
    const lineStart = source.contentStart(line);
    const lineLength = source.lineEnd(line) - lineStart;
    const raw = source.text.slice(lineStart + Math.min(from, lineLength), lineStart + Math.min(to, lineLength));
    const shown = printableWithOffsets(raw, { tab: TAB_MARK });
    const before = from > 0 && lineLength > 0 ? '…' : '';
    const after = lineLength > to ? '…' : '';
    const marked = line >= first;
    const gutter = `${marked ? '>' : ' '} ${String(line + 1).padStart(width)} | `;
    out.push(INDENT + colors.dim(gutter) + before + shown.text + after);
    if (!marked) continue;
    const indentation = raw.length - raw.trimStart().length;
    const at = (column: number): number => shown.offsets[Math.max(0, Math.min(column, raw.length))]!;
    for (const u of underlines) {
      const start = line === first ? u.start.column - 1 - from : from === 0 ? indentation : 0;
      const end = line === u.end.line - 1 ? u.end.column - 1 - from : lineLength - from;
      const offset = before.length + at(start);
      const length = Math.max(1, at(end) - at(start));
      out.push(INDENT + colors.dim(`  ${' '.repeat(width)} | `) + ' '.repeat(offset) + paint(colors, u.severity)('^'.repeat(length)));
    }
  }
  if (d.end.line - 1 > last) out.push(INDENT + colors.dim(`  ${' '.repeat(width)} | …`));
  return out.join('\n');
}
