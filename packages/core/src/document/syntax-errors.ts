// YAML syntax errors as users need them: `yaml`'s errors moved onto the offending token, reworded, and one finding per
// root cause; plus the nesting pre-scan that keeps absurd input away from the recursive parser.
import type { YAMLError } from 'yaml';
import type { SyntaxFinding } from './findings.js';

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

const FRIENDLY: Record<string, string> = {
  MULTIPLE_DOCS: 'valohai.yaml must hold a single YAML document, but a second document starts here.',
  TAB_AS_INDENT: 'Tabs are not allowed for indentation in YAML; indent with spaces.',
  BAD_INDENT: 'This line is not indented consistently with the lines around it.',
  DUPLICATE_KEY: 'This key is written twice in the same mapping.',
  BLOCK_AS_IMPLICIT_KEY: 'A block value cannot be used as a key; check the indentation and the colons above.',
  MISSING_CHAR: 'A closing character is missing here.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; a colon or indentation is probably missing.',
  UNEXPECTED_TOKEN: 'Unexpected text here; check the indentation and quoting.',
  BAD_DIRECTIVE: 'This YAML directive is not valid.',
  BAD_ALIAS: 'This alias is not valid.',
  BAD_SCALAR_START: 'A plain value cannot start with this character; quote the value.',
};

/**
 * `yaml` often points an indentation error at the whitespace before the offending token; the user needs the token.
 * A span that covers only spaces (or nothing) is moved to the next word on the same line.
 */
function meaningfulSpan(text: string, start: number, end: number): [number, number] {
  const covered = text.slice(start, Math.max(start, end));
  if (covered.trim() !== '') return [start, Math.max(start, end)];
  let s = start;
  while (s < text.length && (text[s] === ' ' || text[s] === '\t')) s++;
  if (s >= text.length || text[s] === '\n' || text[s] === '\r') return [start, Math.max(start, end)];
  let e = s;
  while (e < text.length && !/[\s:]/.test(text[e]!)) e++;
  return [s, Math.max(e, s + 1)];
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

/** Turns `yaml`'s errors into findings at the places users need, in words that say what is wrong. */
export function syntaxFindings(text: string, errors: readonly YAMLError[]): SyntaxFinding[] {
  const syntax: SyntaxFinding[] = [];
  // A key indented deeper than its neighbours continues the previous value, and `yaml` reports the pair of that value
  // and the key as one multi-line "implicit key" plus a nested-mapping error at the same place. Users need the key.
  const misaligned = new Set(errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  for (const e of errors) {
    if (e.code === 'DUPLICATE_KEY') continue;
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && misaligned.has(e.pos[0])) continue;
    if (e.code === 'MULTILINE_IMPLICIT_KEY') {
      const end = Math.min(e.pos[1], text.length);
      const lastBreak = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
      if (lastBreak >= e.pos[0]) {
        let start = lastBreak + 1;
        while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
        const key = text.slice(start, end);
        syntax.push({ code: 'MISALIGNED_KEY', message: `"${key}" is indented more than the key above it, so YAML reads it as part of the value above instead of a key; line it up with the other keys of its mapping.`, span: { start, end: Math.max(end, start + 1) } });
        continue;
      }
    }
    const [start, end] = meaningfulSpan(text, Math.max(0, Math.min(e.pos[0], text.length)), Math.max(0, Math.min(e.pos[1], text.length)));
    const base = e.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
    syntax.push({ code: e.code, message: FRIENDLY[e.code] ?? `${base.replace(/\.$/, '')}.`, span: { start, end } });
  }
  return syntax;
}
