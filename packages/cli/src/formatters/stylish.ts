// stylish: findings grouped by file, each with a code frame underlining the exact range (findings on the same lines
// share one frame), then a summary line. Every text that comes from a file (its name, messages quoting its values) is
// printed through escape.ts.
import type { Diagnostic } from '@valohai-lint/core';
import { printable, printablePath } from '../escape.js';
import { codeFrame, sharesFrame } from './code-frame.js';
import { counts, plural, sourceOf, total, type Formatter } from './types.js';

/** Consecutive diagnostics (they are in file order) that share a frame. */
function frameGroups(diagnostics: readonly Diagnostic[]): Diagnostic[][] {
  const groups: Diagnostic[][] = [];
  for (const d of diagnostics) {
    const current = groups[groups.length - 1];
    if (current && sharesFrame(current[0]!, d)) current.push(d);
    else groups.push([d]);
  }
  return groups;
}

export const stylish: Formatter = (results, { colors }) => {
  const out: string[] = [];
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    out.push(colors.underline(printablePath(r.relativePath)));
    const source = sourceOf(r);
    for (const group of frameGroups(r.diagnostics)) {
      for (const d of group) {
        const sev = d.severity === 'error' ? colors.red('error') : d.severity === 'warning' ? colors.yellow('warning') : colors.blue(d.severity);
        out.push(`  ${colors.dim(`${d.start.line}:${d.start.column}`)}  ${sev}  ${printable(d.message)}  ${colors.dim(d.ruleId)}`);
      }
      // A file that was not read (too large to analyze) has no lines to show.
      if (r.text !== '') out.push(codeFrame(source, group, colors));
      for (const d of group) {
        for (const rel of d.related ?? []) {
          const p = source.positionAt(rel.span.start);
          out.push(colors.dim(`    ${printable(rel.message)} at ${p.line + 1}:${p.character + 1}`));
        }
      }
    }
    out.push('');
  }
  const c = counts(results);
  if (total(c) === 0) return '';
  const mark = c.errors > 0 ? colors.red('✖') : c.warnings > 0 ? colors.yellow('⚠') : colors.blue('ℹ');
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning'), ...(c.infos ? [`${c.infos} info`] : []), ...(c.hints ? [plural(c.hints, 'hint')] : [])];
  out.push(`${mark} ${colors.bold(`${plural(total(c), 'problem')} (${parts.join(', ')})`)}`);
  if (c.fixableErrors + c.fixableWarnings > 0) {
    out.push(`  ${plural(c.fixableErrors, 'error')} and ${plural(c.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`);
  }
  if (c.fixableOthers > 0) out.push(`  ${plural(c.fixableOthers, 'info and hint finding')} also fixable with the \`--fix\` option.`);
  return `${out.join('\n')}\n`;
};
