// A code frame: the lines of a diagnostic's range with a gutter, and the exact range underlined.
import type { Diagnostic, SourceFile } from '@valohai-lint/core';
import type { Palette } from '../colors.js';

const MAX_LINES = 4;

/** A tab is shown as this arrow: visible (a tab in the indentation is a YAML error) and one column wide, as positions count it. */
const TAB_MARK = '→';

/** The line as measured for the underline: each tab one column. */
function expand(line: string): string {
  return line.replace(/\t/g, TAB_MARK);
}

const INDENT = '    ';

export function codeFrame(source: SourceFile, d: Diagnostic, colors: Palette): string {
  const first = d.start.line - 1;
  const last = Math.min(d.end.line - 1, first + MAX_LINES - 1);
  const context = Math.max(0, first - 1);
  const width = String(last + 1).length;
  const out: string[] = [];
  for (let line = context; line <= last && line < source.lineCount; line++) {
    const raw = source.lineText(line);
    const text = expand(raw);
    const marked = line >= first;
    const gutter = `${marked ? '>' : ' '} ${String(line + 1).padStart(width)} | `;
    out.push(INDENT + colors.dim(gutter) + raw.replace(/\t/g, colors.dim(TAB_MARK)));
    if (!marked) continue;
    const from = line === first ? d.start.column - 1 : text.length - text.trimStart().length;
    const to = line === d.end.line - 1 ? d.end.column - 1 : text.length;
    const len = Math.max(1, to - from);
    const color = d.severity === 'error' ? colors.red : colors.yellow;
    out.push(INDENT + colors.dim(`  ${' '.repeat(width)} | `) + ' '.repeat(Math.max(0, from)) + color('^'.repeat(len)));
  }
  if (d.end.line - 1 > last) out.push(INDENT + colors.dim(`  ${' '.repeat(width)} | …`));
  return out.join('\n');
}
