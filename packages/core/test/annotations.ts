// Inline-annotation harness for rule fixtures: expected diagnostics live next to the YAML they describe.
//   #      ^^^^^ warning[rule-id]: message        (span on the closest non-annotation line above; columns absolute)
//   # @L:C-L:C error[rule-id]: message             (explicit 1-based span, counting lines without the annotation lines)
// The file is linted with its annotation lines removed, so annotations can never change what is found.
//   # > fix: title / # > suggest: title            (fix and suggestion titles of the annotation above)
import type { Diagnostic } from '../src/index.js';

const CARET = /^(\s*#\s*)(\^+)\s+(error|warning|info|hint)\[([\w-]+)\]: (.*)$/;
const EXPLICIT = /^\s*#\s*@(\d+):(\d+)-(\d+):(\d+)\s+(error|warning|info|hint)\[([\w-]+)\]: (.*)$/;
const EXTRA = /^\s*#\s*> (fix|suggest): (.*)$/;

export interface Expected {
  ruleId: string;
  severity: string;
  message: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
  fix?: string;
  suggestions: string[];
}

export function isAnnotationLine(line: string): boolean {
  return CARET.test(line) || EXPLICIT.test(line) || EXTRA.test(line);
}

export function parseAnnotations(text: string): Expected[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Expected[] = [];
  let target = -1;
  let cleanLine = -1;
  for (const [i, line] of lines.entries()) {
    const caret = CARET.exec(line);
    const explicit = EXPLICIT.exec(line);
    const extra = EXTRA.exec(line);
    if (caret) {
      const col = caret[1]!.length + 1;
      out.push({ ruleId: caret[4]!, severity: caret[3]!, message: caret[5]!, start: { line: target + 1, column: col }, end: { line: target + 1, column: col + caret[2]!.length }, suggestions: [] });
    } else if (explicit) {
      out.push({ ruleId: explicit[6]!, severity: explicit[5]!, message: explicit[7]!, start: { line: Number(explicit[1]), column: Number(explicit[2]) }, end: { line: Number(explicit[3]), column: Number(explicit[4]) }, suggestions: [] });
    } else if (extra) {
      const last = out[out.length - 1];
      if (!last) throw new Error(`line ${i + 1}: "> ${extra[1]}" without an annotation above`);
      if (extra[1] === 'fix') last.fix = extra[2]!;
      else last.suggestions.push(extra[2]!);
    } else {
      cleanLine++;
      target = cleanLine;
    }
  }
  return out;
}

export function describe(d: Diagnostic | Expected): string {
  const fix = 'fix' in d && d.fix ? ` | fix: ${typeof d.fix === 'string' ? d.fix : d.fix.title}` : '';
  const sugg = 'suggestions' in d && d.suggestions && d.suggestions.length ? ` | suggest: ${d.suggestions.map((s) => (typeof s === 'string' ? s : s.title)).join(' / ')}` : '';
  return `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.severity}[${d.ruleId}]: ${d.message}${fix}${sugg}`;
}

/** Rewrites a fixture's annotations from diagnostics of its annotation-free text (UPDATE=1). */
export function annotate(text: string, diagnostics: readonly Diagnostic[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const clean = text.split(/\r\n|\r|\n/).filter((l) => !isAnnotationLine(l));
  // A final line break ends the last line; it does not start an empty line to annotate after.
  const endsWithBreak = clean.length > 1 && clean[clean.length - 1] === '';
  if (endsWithBreak) clean.pop();
  const inserts = new Map<number, string[]>();
  const afterLine = (line0: number, s: string): void => {
    inserts.set(line0, [...(inserts.get(line0) ?? []), s]);
  };
  const pending: { line0: number; d: Diagnostic }[] = diagnostics.map((d) => ({ line0: Math.min(d.start.line - 1, clean.length - 1), d }));
  // First pass: count inserted lines to compute explicit positions in the final file.
  for (const { line0, d } of pending) {
    const single = d.start.line === d.end.line && d.start.line - 1 === line0 && d.start.column > 1 && d.end.column > d.start.column;
    afterLine(line0, JSON.stringify({ single, d: { s: d.start, e: d.end, sev: d.severity, id: d.ruleId, m: d.message, fix: d.fix?.title, sug: d.suggestions?.map((x) => x.title) } }));
  }
  const out: string[] = [];
  for (const [i, line] of clean.entries()) {
    out.push(line);
    for (const json of inserts.get(i) ?? []) {
      const { single, d } = JSON.parse(json) as { single: boolean; d: { s: { line: number; column: number }; e: { line: number; column: number }; sev: string; id: string; m: string; fix?: string; sug?: string[] } };
      const indent = Math.min(d.s.column - 2, (line.length - line.trimStart().length));
      if (single && d.s.column >= 2) {
        const prefix = `${' '.repeat(Math.max(0, indent))}#`.padEnd(d.s.column - 1, ' ');
        out.push(`${prefix}${'^'.repeat(d.e.column - d.s.column)} ${d.sev}[${d.id}]: ${d.m}`);
      } else {
        out.push(`# @${d.s.line}:${d.s.column}-${d.e.line}:${d.e.column} ${d.sev}[${d.id}]: ${d.m}`);
      }
      if (d.fix) out.push(`# > fix: ${d.fix}`);
      for (const s of d.sug ?? []) out.push(`# > suggest: ${s}`);
    }
  }
  const joined = out.join(eol);
  return joined.endsWith(eol) ? joined : joined + eol;
}
