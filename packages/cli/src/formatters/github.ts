// github: GitHub Actions workflow commands (`::error file=…,line=…::message`), which GitHub turns into annotations on
// the run and on the pull request's changed lines. GitHub shows at most 10 annotations of each kind per step, so when
// GITHUB_STEP_SUMMARY is set the full list is also appended to the job summary as a Markdown table, followed by a
// Mermaid diagram of each pipeline.
import { appendFileSync } from 'node:fs';
import { ruleDocsUrl, type Diagnostic, type Severity } from '@valohai-lint/core';
import { printable } from '../escape.js';
import { checkoutPath, lastLine } from './fingerprint.js';
import { pipelineGraphsSummary } from './graph-summary.js';
import { counts, plural, type FileResult, type FormatContext, type Formatter } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
/** GitHub's documented display limit: annotations of one kind beyond this many per step are dropped. */
const SHOWN_PER_KIND = 10;

/** The escaping the runner undoes in a workflow command's message (actions/toolkit escapeData). */
function toolkitEscapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Escapes a workflow command's message, after making each of its lines printable (escape.ts): a line break stays a
 * line break of the annotation, but no other control character reaches GitHub's log viewer.
 */
export function escapeData(s: string): string {
  // Split keeping the line breaks (odd parts), which the toolkit escaping turns into %0D and %0A.
  return toolkitEscapeData(s.split(/(\r\n|\r|\n)/).map((part, i) => (i % 2 === 1 ? part : printable(part))).join(''));
}

/** Escapes a workflow command's property value (actions/toolkit escapeProperty): exact, as GitHub matches file paths. */
export function escapeProperty(s: string): string {
  return toolkitEscapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command. Columns only for ranges within one line, as GitHub requires; a range that ends at the start of
 * the next line ends on its own last line (and then names no columns). GitHub's endColumn is the last character's
 * column (it defaults to col, a one-character annotation), not the column after it.
 */
export function annotation(path: string, d: Diagnostic): string {
  const endLine = lastLine(d);
  const props = [`file=${escapeProperty(path)}`, `line=${d.start.line}`, `endLine=${endLine}`];
  if (d.end.line === d.start.line) props.push(`col=${d.start.column}`, `endColumn=${Math.max(d.start.column, d.end.column - 1)}`);
  props.push(`title=${escapeProperty(d.ruleId)}`);
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
}


/** Text safe inside a Markdown table cell: Markdown punctuation escaped, then HTML-escaped, line breaks as <br>. */
function cell(text: string): string {
  return text
    .replace(/[\\`*_[\]~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .split(/\r\n|\r|\n/)
    .map((line) => printable(line))
    .join('<br>');
}

/** The job summary: a heading with the totals and a table of every finding, linked to the file and the rule's docs. */
export function jobSummary(results: readonly FileResult[], env: NodeJS.ProcessEnv): string {
  const c = counts(results);
  const total = c.errors + c.warnings + c.infos;
  const files = results.filter((r) => r.diagnostics.length > 0).length;
  if (total === 0) return `### valohai-lint\n\nNo problems found in ${plural(results.length, 'file')}.\n\n`;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  const out = [
    `### valohai-lint: ${plural(total, 'problem')} in ${plural(files, 'file')}`,
    '',
    `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info.`,
    '',
    '| Severity | Location | Rule | Message |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const path = checkoutPath(r, env['GITHUB_WORKSPACE'] || undefined);
    for (const d of r.diagnostics) {
      const where = `${path}:${d.start.line}:${d.start.column}`;
      const link = server && repo && sha ? `${server}/${repo}/blob/${sha}/${path.split('/').map(encodeURIComponent).join('/')}#L${d.start.line}` : undefined;
      const location = link ? `[${cell(where)}](${link})` : cell(where);
      out.push(`| ${d.severity} | ${location} | [${cell(d.ruleId)}](${ruleDocsUrl(d.ruleId)}) | ${cell(d.message)} |`);
    }
  }
  return `${out.join('\n')}\n\n`;
}

export const github: Formatter = (results, { env }: FormatContext) => {
  const lines: string[] = [];
  const root = env['GITHUB_WORKSPACE'] || undefined;
  const c = counts(results);
  const summaryFile = env['GITHUB_STEP_SUMMARY'] || undefined;
  if (c.errors > SHOWN_PER_KIND || c.warnings > SHOWN_PER_KIND || c.infos > SHOWN_PER_KIND) {
    const where = summaryFile ? 'the job summary lists all of them' : 'run valohai-lint without --format github to see all of them';
    lines.push(`::notice title=valohai-lint::${escapeData(`${c.errors + c.warnings + c.infos} problems: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info. GitHub shows at most ${SHOWN_PER_KIND} annotations of each kind per step; ${where}.`)}`);
  }
  for (const r of results) {
    const path = checkoutPath(r, root);
    for (const d of r.diagnostics) lines.push(annotation(path, d));
  }
  if (summaryFile) {
    try {
      appendFileSync(summaryFile, jobSummary(results, env) + pipelineGraphsSummary(results, root));
    } catch (error) {
      lines.push(`::warning title=valohai-lint::${escapeData(`Could not append to the job summary (GITHUB_STEP_SUMMARY): ${(error as Error).message}`)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
