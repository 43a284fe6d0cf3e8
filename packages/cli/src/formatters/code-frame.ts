// A code frame: the lines of a diagnostic's range with a gutter, and the exact range underlined. Only a window of
// columns around the range is shown, so a one-line (minified) file of megabytes prints a few hundred characters per
// finding; text from the file is printed through printableWithOffsets, so it cannot drive the terminal.
import type { Diagnostic, SourceFile } from '@valohai-lint/core';
import type { Palette } from '../colors.js';
import { printableWithOffsets } from '../escape.js';

const MAX_LINES = 4;
/** A tab is shown as this arrow: visible (a tab in the indentation is a YAML error) and one column wide, as positions count it. */
const TAB_MARK = '→';
/** Columns of a line shown at most, and how many of them come before the range's start when a line is cut. */
const WINDOW = 160;
const LEAD = 40;

const INDENT = '    ';

export function codeFrame(source: SourceFile, d: Diagnostic, colors: Palette): string {
  const first = d.start.line - 1;
  const last = Math.min(d.end.line - 1, first + MAX_LINES - 1);
  const context = Math.max(0, first - 1);
  const width = String(last + 1).length;
  // The same window for every line of the frame, so that the lines stay aligned with each other.
  const startColumn = d.start.column - 1;
  const from = startColumn < WINDOW - LEAD ? 0 : startColumn - LEAD;
  const to = from + WINDOW;
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
    const start = line === first ? startColumn - from : from === 0 ? indentation : 0;
    const end = line === d.end.line - 1 ? d.end.column - 1 - from : lineLength - from;
    const at = (column: number): number => shown.offsets[Math.max(0, Math.min(column, raw.length))]!;
    const offset = before.length + at(start);
    const length = Math.max(1, at(end) - at(start));
    const color = d.severity === 'error' ? colors.red : colors.yellow;
    out.push(INDENT + colors.dim(`  ${' '.repeat(width)} | `) + ' '.repeat(offset) + color('^'.repeat(length)));
  }
  if (d.end.line - 1 > last) out.push(INDENT + colors.dim(`  ${' '.repeat(width)} | …`));
  return out.join('\n');
}
