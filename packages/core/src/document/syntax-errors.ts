// YAML syntax errors as users need them: one finding per root cause, at the offending token (the wording is in
// syntax-messages.ts); plus the nesting pre-scan that keeps absurd input away from the recursive parser.
import type { YAMLError } from 'yaml';
import type { SyntaxFinding } from './findings.js';
import { explain, TextFacts } from './syntax-messages.js';

/** Errors from `yaml` worded at most, in order of their place; the later ones follow from the earlier. */
export const MAX_EXPLAINED_ERRORS = 200;

/** Deeper nesting than this is refused unparsed: `yaml` recurses per level, and V8 aborts on stack exhaustion there. */
export const MAX_SCAN_DEPTH = 1000;

/**
 * Over-estimates how deeply the text nests (flow brackets plus block indentation and `- ` runs), in one linear pass,
 * so that absurd nesting is refused before the recursive parser sees it.
 */
export function estimateNesting(text: string): { depth: number; at: number } {
  let flow = 0;
  let max = 0;
  let at = 0;
  let quote = 0;
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      block = 0;
      continue; // `quote` carries over: quoted scalars may span lines
    }
    if (lineStart) {
      if (c === 32) {
        block++;
        continue;
      }
      if ((c === 45 || c === 63 || c === 58) && text.charCodeAt(i + 1) === 32) {
        block += 2;
        i++;
        continue;
      }
      lineStart = false;
    }
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32)) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
    } else if (c === 91 || c === 123) flow++;
    else if ((c === 93 || c === 125) && flow > 0) flow--;
    const d = flow + block;
    if (d > max) {
      max = d;
      at = i;
    }
  }
  return { depth: max, at };
}

/**
 * After one real syntax error, `yaml` reports more errors on the following lines of the broken region. Keeps the first
 * error of each run of errors on adjacent lines, so one root cause gives one finding.
 */
export function collapseCascades(text: string, errors: SyntaxFinding[]): SyntaxFinding[] {
  if (errors.length < 2) return errors;
  const kept: SyntaxFinding[] = [];
  let lastLine = -2;
  let lastStartLine = -1;
  let scanned = 0;
  let line = 0;
  for (const e of errors) {
    // Count lines incrementally: errors are sorted by offset.
    for (; scanned < e.span.start && scanned < text.length; scanned++) if (text.charCodeAt(scanned) === 10) line++;
    const startLine = line;
    const endLine = startLine + countBreaks(text, e.span.start, e.span.end);
    // Errors on the lines right after an error (or on its own line) follow from it: after one misindented line, yaml
    // misreads the next ones too. One root cause, one finding; a later, separate problem still gets its own.
    if (startLine <= lastLine + 1 || startLine === lastStartLine) {
      lastLine = Math.max(lastLine, endLine);
      continue;
    }
    kept.push(e);
    lastLine = endLine;
    lastStartLine = startLine;
  }
  return kept;
}

function countBreaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Turns `yaml`'s errors into findings at the places users need, in words that say what was expected: a tab in the
 * indentation becomes one finding at the tab (whatever `yaml` reported on its line), and the errors `yaml` reports on
 * every token after the document broke are dropped as consequences.
 */
export function syntaxFindings(text: string, errors: readonly YAMLError[]): SyntaxFinding[] {
  const syntax: SyntaxFinding[] = [];
  const seen = new Set<string>();
  // A key indented deeper than its neighbours continues the previous value, and `yaml` reports the pair of that value
  // and the key as one multi-line "implicit key" plus a nested-mapping error at the same place. Users need the key.
  const multiline = new Set(errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const sequenceAsKey = sorted.some((o) => o.code === 'BLOCK_AS_IMPLICIT_KEY' && /block sequence/.test(o.message));
  const facts = new TextFacts(text);
  let explained = 0;
  for (const e of sorted) {
    if (e.code === 'DUPLICATE_KEY') continue;
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(e.pos[0]) && !/block sequence/.test(e.message)) continue;
    // The list item behind a "block sequence as key" error is also reported as a multi-line key at its dash.
    if (e.code === 'MULTILINE_IMPLICIT_KEY' && text[e.pos[0]] === '-' && sequenceAsKey) continue;
    // Wording an error reads its whole line: past a few hundred errors (thousands on one line of a minified file) the
    // rest are consequences of the first ones, and wording them all would cost the line's length each.
    if (++explained > MAX_EXPLAINED_ERRORS) break;
    const finding = explain(text, e, syntax.length === 0, facts);
    if (!finding) continue;
    const identity = `${finding.code}|${finding.span.start}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    syntax.push(finding);
  }
  return syntax;
}

