// A code frame: the lines of a diagnostic's range with a gutter, and the exact range underlined. Several findings on
// the same lines (image-fully-qualified and image-tag on one image, say) share one frame, with one underline each.
import type { Diagnostic, Severity, SourceFile } from '@valohai-lint/core';
import type { Palette } from '../colors.js';

const MAX_LINES = 4;

/** Tabs become spaces so that the underline stays aligned. */
function expand(line: string): string {
  return line.replace(/\t/g, ' ');
}

const INDENT = '    ';

function paint(colors: Palette, severity: Severity): (s: string) => string {
  return severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.blue;
}

const sameRange = (a: Diagnostic, b: Diagnostic): boolean => a.span.start === b.span.start && a.span.end === b.span.end;

/**
 * True when `next` can share `first`'s frame: the same range, or both within one and the same line (then each gets an
 * underline of its own under that line).
 */
export function sharesFrame(first: Diagnostic, next: Diagnostic): boolean {
  if (sameRange(first, next)) return true;
  const oneLine = (d: Diagnostic): boolean => d.start.line === d.end.line;
  return oneLine(first) && oneLine(next) && first.start.line === next.start.line;
}

/** The frame of a group of diagnostics that share it (see {@link sharesFrame}); the first decides the lines shown. */
export function codeFrame(source: SourceFile, group: readonly Diagnostic[], colors: Palette): string {
  const d = group[0]!;
  const underlines = group.filter((g, i) => group.findIndex((o) => sameRange(o, g)) === i);
  const first = d.start.line - 1;
  const last = Math.min(d.end.line - 1, first + MAX_LINES - 1);
  const context = Math.max(0, first - 1);
  const width = String(last + 1).length;
  const out: string[] = [];
  for (let line = context; line <= last && line < source.lineCount; line++) {
    const text = expand(source.lineText(line));
    const marked = line >= first;
    const gutter = `${marked ? '>' : ' '} ${String(line + 1).padStart(width)} | `;
    out.push(INDENT + colors.dim(gutter) + text);
    if (!marked) continue;
    for (const u of underlines) {
      const from = line === first ? u.start.column - 1 : text.length - text.trimStart().length;
      const to = line === u.end.line - 1 ? u.end.column - 1 : text.length;
      const len = Math.max(1, to - from);
      out.push(INDENT + colors.dim(`  ${' '.repeat(width)} | `) + ' '.repeat(Math.max(0, from)) + paint(colors, u.severity)('^'.repeat(len)));
    }
  }
  if (d.end.line - 1 > last) out.push(INDENT + colors.dim(`  ${' '.repeat(width)} | …`));
  return out.join('\n');
}
