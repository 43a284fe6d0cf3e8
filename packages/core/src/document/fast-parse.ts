// The fast path of parsing: reads the YAML subset real valohai.yaml files use (block mappings and sequences, plain,
// quoted and block scalars, flow collections of scalars, comments) straight into YNodes, several times faster than
// `yaml`'s parser and composer. Its result is the one the `yaml` path (parse.ts) gives for the same text, spans and
// findings included; on anything else (anchors, aliases, tags, merge keys, tabs, syntax errors, ...; the full list is
// GIVE_UP_REASONS) it gives the text up after at most one linear pass, and parse.ts reads it with `yaml` as before.
import type { DuplicateKeyFinding, SyntaxFinding, Yaml11Finding } from './findings.js';
import { BlockParser } from './fast-block.js';
import { atLineEnd, giveUp, HASH, hasUnsupportedCharacter, isBreakOrSpace, nextLineStart, NotHandled, skipSpaces, SPACE, TAB } from './fast-text.js';
import type { YNode } from './nodes.js';
import { estimateNesting, MAX_SCAN_DEPTH } from './syntax-errors.js';

/**
 * False when the nesting estimate cannot exceed MAX_SCAN_DEPTH, found with the string search instead of the estimate's
 * loop over every character (on a cold run over a batch of small files, that loop was the costliest part of parsing):
 * the estimate counts at most every opening bracket of the text plus one per character of a line.
 */
function mayNestTooDeeply(text: string): boolean {
  let brackets = 0;
  for (const bracket of ['[', '{']) for (let i = text.indexOf(bracket); i >= 0 && brackets <= MAX_SCAN_DEPTH; i = text.indexOf(bracket, i + 1)) brackets++;
  // A lone CR also ends a line: such a text is estimated in full.
  if (brackets > MAX_SCAN_DEPTH || text.includes('\r')) return true;
  const longest = MAX_SCAN_DEPTH - brackets;
  for (let start = 0; ; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > longest) return true;
    if (newline < 0) return false;
    start = newline + 1;
  }
}

/** What parse.ts returns, as the fast path builds it: never any syntax finding. */
export interface FastParseResult {
  root: YNode;
  syntax: SyntaxFinding[];
  duplicateKeys: DuplicateKeyFinding[];
  yaml11: Yaml11Finding[];
}

/**
 * The fast path's verdict on a text: its result, or why it left the text to `yaml`; `steps` counts the characters it
 * examined (each time it examined them), so tests can check that the work grows linearly with the text.
 */
export type FastParseOutcome = { handled: true; result: FastParseResult; steps: number } | { handled: false; reason: string; steps: number };

/** The parse of `text` (without a byte-order mark) when the fast path reads it, else undefined. Never throws. */
export function fastParseValohaiYaml(text: string): FastParseResult | undefined {
  const outcome = tryFastParse(text);
  return outcome.handled ? outcome.result : undefined;
}

/** Like fastParseValohaiYaml, but says why a text was left to `yaml`, and how much work a handled one took. */
export function tryFastParse(text: string): FastParseOutcome {
  const parser = new BlockParser(text);
  // The character check reads the whole text once.
  parser.steps = text.length;
  try {
    if (hasUnsupportedCharacter(text)) giveUp('character');
    // The yaml path refuses texts its nesting estimate finds too deep (unbalanced brackets in plain scalars count too).
    parser.steps += text.length;
    if (mayNestTooDeeply(text) && estimateNesting(text).depth > MAX_SCAN_DEPTH) giveUp('too-deep');
    const root = parser.parseRoot(rootStart(text));
    const result: FastParseResult = { root, syntax: [], duplicateKeys: parser.findings.duplicateKeys, yaml11: parser.findings.yaml11Findings() };
    return { handled: true, result, steps: parser.steps };
  } catch (error) {
    // Anything unexpected (a stack overflow on some input) also leaves the text to the `yaml` path.
    const reason = error instanceof NotHandled ? error.reason : `internal: ${error instanceof Error ? error.message : String(error)}`;
    return { handled: false, reason, steps: parser.steps };
  }
}

/**
 * The offset of the root collection's first character, past blank and comment lines and one `---` line. A directive,
 * a document end, a second document start or an empty document give the text up.
 */
function rootStart(text: string): number {
  let started = false;
  for (let ls = 0; ; ) {
    let p = ls;
    while (text.charCodeAt(p) === SPACE) p++;
    if (p >= text.length) giveUp('empty-document');
    const c = text.charCodeAt(p);
    if (c === TAB) giveUp('tab');
    if (c !== HASH && !atLineEnd(text, p)) {
      if (p > ls) giveUp('indented-root');
      if (c === 37) giveUp('directive');
      if (text.startsWith('...', p) && isBreakOrSpace(text, p + 3)) giveUp('document-end');
      if (!text.startsWith('---', p) || !isBreakOrSpace(text, p + 3)) return p;
      if (started) giveUp('multiple-documents');
      started = true;
      p = skipSpaces(text, p + 3);
      if (!atLineEnd(text, p) && !(text.charCodeAt(p) === HASH && text.charCodeAt(p - 1) === SPACE)) giveUp('content-after-document-start');
    }
    ls = nextLineStart(text, p);
  }
}
