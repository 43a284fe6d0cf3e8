// stylish: findings grouped by file, each with a code frame underlining the exact range, then a summary line. Every
// text that comes from a file (its name, messages quoting its values) is printed through escape.ts.
import { printable, printablePath } from '../escape.js';
import { codeFrame } from './code-frame.js';
import { counts, plural, sourceOf, type Formatter } from './types.js';

export const stylish: Formatter = (results, { colors }) => {
  const out: string[] = [];
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    out.push(colors.underline(printablePath(r.relativePath)));
    const source = sourceOf(r);
    for (const d of r.diagnostics) {
      const sev = d.severity === 'error' ? colors.red('error') : d.severity === 'warning' ? colors.yellow('warning') : colors.blue(d.severity);
      out.push(`  ${colors.dim(`${d.start.line}:${d.start.column}`)}  ${sev}  ${printable(d.message)}  ${colors.dim(d.ruleId)}`);
      // A file that was not read (too large to analyze) has no lines to show.
      if (r.text !== '') out.push(codeFrame(source, d, colors));
      for (const rel of d.related ?? []) {
        const p = source.positionAt(rel.span.start);
        out.push(colors.dim(`    ${printable(rel.message)} at ${p.line + 1}:${p.character + 1}`));
      }
    }
    out.push('');
  }
  const c = counts(results);
  const total = c.errors + c.warnings + c.infos;
  if (total === 0) return '';
  const mark = c.errors > 0 ? colors.red('✖') : colors.yellow('⚠');
  out.push(`${mark} ${colors.bold(`${plural(total, 'problem')} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}${c.infos ? `, ${c.infos} info` : ''})`)}`);
  if (c.fixableErrors + c.fixableWarnings > 0) {
    out.push(`  ${plural(c.fixableErrors, 'error')} and ${plural(c.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`);
  }
  return `${out.join('\n')}\n`;
};
