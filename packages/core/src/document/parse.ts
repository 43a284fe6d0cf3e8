// Parses valohai.yaml text with `yaml` into a YNode tree with PyYAML's (YAML 1.1) meaning of every value.
// Never throws: syntax problems, alias bombs and absurd nesting come back as findings with exact spans.
import { type Document, parseDocument, type Node as YamlNode } from 'yaml';
import type { Span } from '../source/source-file.js';
import { AliasBudgetExceeded, Converter, trimmedSpan } from './convert.js';
import { tryFastParse } from './fast-parse.js';
import type { DuplicateKeyFinding, SyntaxFinding, Yaml11Finding } from './findings.js';
import { forbiddenCharacter } from './forbidden-characters.js';
import type { YNode } from './nodes.js';
import { collapseCascades, estimateNesting, MAX_SCAN_DEPTH, syntaxFindings } from './syntax-errors.js';

export interface ParseResult {
  root: YNode | undefined;
  syntax: SyntaxFinding[];
  duplicateKeys: DuplicateKeyFinding[];
  yaml11: Yaml11Finding[];
  /** Units of work the conversion did (see Converter.steps): tests check that it grows linearly with the input. */
  steps: number;
}

/**
 * Parses valohai.yaml text. Never throws. A leading byte-order mark is allowed (PyYAML accepts it). `fast: false` skips
 * the fast path (fast-parse.ts), which gives the same result on the texts it reads; tests compare the two.
 */
export function parseValohaiYaml(text: string, { fast = true }: { fast?: boolean } = {}): ParseResult {
  if (text.charCodeAt(0) !== 0xfeff) return parseWithoutBom(text, fast);
  // `yaml` counts the BOM as indentation; parse without it and shift every offset back by one.
  const result = parseWithoutBom(text.slice(1), fast);
  const seen = new Set<Span>();
  const shift = (span: Span | undefined): void => {
    if (!span || seen.has(span)) return;
    seen.add(span);
    span.start += 1;
    span.end += 1;
  };
  const stack: YNode[] = result.root ? [result.root] : [];
  const visited = new Set<YNode>();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visited.has(n)) continue;
    visited.add(n);
    shift(n.span);
    shift(n.keySpan);
    if (n.kind === 'map') stack.push(...n.entries.values());
    else if (n.kind === 'seq') stack.push(...n.items);
  }
  for (const f of result.syntax) shift(f.span);
  for (const f of result.duplicateKeys) {
    shift(f.span);
    shift(f.firstSpan);
  }
  for (const f of result.yaml11) shift(f.span);
  return result;
}

function parseWithoutBom(text: string, fast: boolean): ParseResult {
  const quick = fast ? tryFastParse(text) : undefined;
  if (quick?.handled) return { ...quick.result, steps: quick.steps };
  // The fast path gives up on every character YAML forbids (and more), so only this route needs to look for one.
  const result = parseWithYaml(text);
  const forbidden = forbiddenCharacter(text);
  if (forbidden) {
    result.syntax.push(forbidden);
    result.syntax.sort((a, b) => a.span.start - b.span.start);
  }
  return result;
}

function parseWithYaml(text: string): ParseResult {
  const depth = estimateNesting(text);
  if (depth.depth > MAX_SCAN_DEPTH) {
    // `yaml` recurses per nesting level, and V8 aborts the process (not a catchable error) when that exhausts the stack.
    return {
      root: undefined,
      syntax: [{ code: 'TOO_DEEP', message: `Values are nested more than ${MAX_SCAN_DEPTH} levels deep here; valohai.yaml is never that deep, so the file was not loaded.`, span: { start: depth.at, end: Math.min(text.length, depth.at + 1) } }],
      duplicateKeys: [],
      yaml11: [],
      steps: 0,
    };
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false, keepSourceTokens: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { root: undefined, syntax: [{ code: 'PARSER_FAILURE', message: `The YAML parser could not read this file: ${message}`, span: { start: 0, end: 0 } }], duplicateKeys: [], yaml11: [], steps: 0 };
  }
  const syntax = syntaxFindings(text, doc.errors);
  const contents = doc.contents as YamlNode | null;
  const converter = new Converter(text, contents);
  let root: YNode | undefined;
  try {
    root = contents ? converter.convert(contents, 0, 0) : undefined;
    if (root && converter.exceedsAliasBudget(root)) throw new AliasBudgetExceeded();
    if (root) converter.walkPlainSurprises(root);
  } catch (error) {
    root = undefined;
    if (error instanceof AliasBudgetExceeded) {
      converter.syntax.push({ code: 'ALIAS_BOMB', message: 'Aliases here expand into a document far larger than the file; refusing to load it.', span: trimmedSpan(text, contents?.range, 0) });
    } else {
      // Stack exhaustion on hostile nesting must not take the linter down.
      const message = error instanceof Error ? error.message : String(error);
      converter.syntax.push({ code: 'PARSER_FAILURE', message: `The YAML could not be loaded: ${message}`, span: { start: 0, end: 0 } });
    }
  }
  syntax.push(...converter.syntax);
  syntax.sort((a, b) => a.span.start - b.span.start);
  return { root, syntax: collapseCascades(text, syntax), duplicateKeys: converter.duplicateKeys, yaml11: converter.yaml11, steps: converter.steps };
}
