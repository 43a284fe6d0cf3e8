// Parses valohai.yaml text with `yaml` and converts it into a YNode tree with PyYAML's (YAML 1.1) meaning of every value.
// Never throws: syntax problems, alias bombs and absurd nesting come back as findings with exact spans.
import { type Alias, type Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type Scalar } from 'yaml';
import type { Span } from '../source/source-file.js';
import type { MapNode, ScalarNode, ScalarStyle, SeqNode, YNode } from './nodes.js';
import { resolvePlain, Timestamp, yaml11Surprise } from './scalars.js';

/** A YAML syntax problem at an exact place. */
export interface SyntaxFinding {
  code: string;
  message: string;
  span: Span;
}

/** A mapping key written twice: PyYAML silently keeps the last value. */
export interface DuplicateKeyFinding {
  key: string;
  span: Span;
  firstSpan: Span;
}

/** A plain scalar that YAML 1.1 reads differently from what it looks like (`yes`, `1:30`, `017`). */
export interface Yaml11Finding {
  text: string;
  /** The mapping key the value sits under, when it is a mapping value. */
  parentKey?: string;
  kind: 'boolean' | 'sexagesimal' | 'octal';
  span: Span;
  isKey: boolean;
  value: unknown;
}

export interface ParseResult {
  root: YNode | undefined;
  syntax: SyntaxFinding[];
  duplicateKeys: DuplicateKeyFinding[];
  yaml11: Yaml11Finding[];
}

/** Limits that keep hostile input bounded. */
const MAX_DEPTH = 500;
const ALIAS_BUDGET_BASE = 200_000;
const MAX_SCAN_DEPTH = 1000;

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
      if (quote === 39 || quote === 34) continue; // quoted scalars may span lines
      continue;
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

function styleOf(type: Scalar['type']): ScalarStyle {
  switch (type) {
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'plain';
  }
}

function trimmedSpan(text: string, range: [number, number, number] | null | undefined, fallback: number): Span {
  if (!range) return { start: fallback, end: fallback };
  let end = range[1];
  // Block collections may reach over trailing line breaks and spaces; a span ends at the last real character.
  while (end > range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  return { start: range[0], end };
}

class Converter {
  readonly syntax: SyntaxFinding[] = [];
  readonly duplicateKeys: DuplicateKeyFinding[] = [];
  readonly yaml11: Yaml11Finding[] = [];
  private readonly anchors = new Map<YamlNode, YNode>();
  private readonly inProgress = new Set<YamlNode>();
  private readonly weights = new Map<YNode, number>();
  private realNodes = 0;
  private tooDeep = false;

  private readonly reportedAliases = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly doc: Document,
  ) {}

  convert(node: YamlNode | null | undefined, depth: number, fallback: number): YNode {
    if (depth > MAX_DEPTH) {
      if (!this.tooDeep) {
        this.tooDeep = true;
        const span = node?.range ? trimmedSpan(this.text, node.range, fallback) : { start: fallback, end: fallback };
        this.syntax.push({ code: 'TOO_DEEP', message: `Values are nested more than ${MAX_DEPTH} levels deep here; valohai.yaml is never that deep.`, span });
      }
      return this.scalar(null, 'plain', '', { start: fallback, end: fallback });
    }
    if (!node) return this.scalar(null, 'plain', '', { start: fallback, end: fallback });
    this.realNodes++;
    if (isAlias(node)) return this.alias(node, depth);
    if (isScalar(node)) return this.convertScalar(node, fallback);
    if (isMap(node)) return this.convertMap(node, depth, fallback);
    if (isSeq(node)) return this.convertSeq(node, depth, fallback);
    return this.scalar(null, 'plain', '', trimmedSpan(this.text, (node as { range?: [number, number, number] }).range, fallback));
  }

  private scalar(value: unknown, style: ScalarStyle, text: string, span: Span): ScalarNode {
    const n: ScalarNode = { kind: 'scalar', value, style, text, span };
    this.weights.set(n, 1);
    return n;
  }

  private convertScalar(node: Scalar, fallback: number): YNode {
    const span = trimmedSpan(this.text, node.range, fallback);
    const style = styleOf(node.type);
    const source = typeof node.source === 'string' ? node.source : String(node.value ?? '');
    let value: unknown;
    const tag = node.tag;
    if (tag && tag !== '!' && tag !== 'tag:yaml.org,2002:str') value = this.tagged(tag, source, span);
    else if (tag) value = source;
    else if (style === 'plain') value = resolvePlain(source);
    else value = source;
    const result = this.scalar(value, style, source, span);
    if (node.anchor) this.anchors.set(node, result);
    return result;
  }

  private tagged(tag: string, source: string, span: Span): unknown {
    const short = tag.replace('tag:yaml.org,2002:', '');
    const plain = resolvePlain(source);
    switch (short) {
      case 'int':
      case 'float':
        if (typeof plain === 'number') return plain;
        break;
      case 'bool':
        if (typeof plain === 'boolean') return plain;
        break;
      case 'null':
        if (plain === null) return null;
        break;
      case 'timestamp':
        if (plain instanceof Timestamp) return plain;
        break;
      default:
        this.syntax.push({ code: 'UNKNOWN_TAG', message: `The tag "${tag}" is not one Valohai's YAML loader knows; remove it.`, span });
        return source;
    }
    this.syntax.push({ code: 'BAD_TAGGED_VALUE', message: `"${source}" is not a valid value for the tag "!!${short}".`, span });
    return source;
  }

  private keyText(key: unknown): { text: string; span: Span; node?: YamlNode } {
    if (isScalar(key)) {
      const source = typeof key.source === 'string' ? key.source : String(key.value ?? '');
      const span = trimmedSpan(this.text, key.range, 0);
      if (styleOf(key.type) === 'plain') {
        const surprise = yaml11Surprise(source);
        if (surprise) this.yaml11.push({ text: source, kind: surprise, span, isKey: true, value: resolvePlain(source) });
      }
      return { text: source, span };
    }
    if (isAlias(key)) return { text: `*${key.source}`, span: trimmedSpan(this.text, key.range, 0) };
    const range = (key as { range?: [number, number, number] } | null)?.range;
    const span = trimmedSpan(this.text, range, 0);
    return { text: this.text.slice(span.start, span.end), span };
  }

  private convertMap(node: YamlNode & { items: unknown[]; flow?: boolean; range?: [number, number, number] | null; anchor?: string }, depth: number, fallback: number): MapNode {
    const span = trimmedSpan(this.text, node.range, fallback);
    const result: MapNode = { kind: 'map', value: {}, entries: new Map(), span, flow: Boolean(node.flow) };
    if (node.anchor) {
      this.anchors.set(node, result);
      this.inProgress.add(node);
    }
    const firstSeen = new Map<string, Span>();
    const merges: YNode[] = [];
    let weight = 1;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = this.keyText(pair.key);
      const valueFallback = key.span.end;
      if (key.text === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN') {
        const merged = this.convert(pair.value as YamlNode | null, depth + 1, valueFallback);
        merges.push(merged);
        weight += this.weights.get(merged) ?? 1;
        continue;
      }
      const prior = firstSeen.get(key.text);
      if (prior) this.duplicateKeys.push({ key: key.text, span: key.span, firstSpan: prior });
      else firstSeen.set(key.text, key.span);
      const value = this.convert(pair.value as YamlNode | null, depth + 1, valueFallback);
      value.keySpan = key.span;
      value.key = key.text;
      value.parent = result;
      result.entries.delete(key.text); // re-insert so iteration order follows the winning (last) occurrence
      result.entries.set(key.text, value);
      result.value[key.text] = value.value;
      weight += this.weights.get(value) ?? 1;
    }
    // PyYAML merge keys: explicit keys win, earlier merge sources win over later ones.
    for (const merged of merges) {
      const sources = merged.kind === 'seq' ? merged.items : [merged];
      for (const source of sources) {
        if (source.kind !== 'map') {
          this.syntax.push({ code: 'BAD_MERGE', message: 'A merge key ("<<") needs a mapping or a list of mappings.', span: source.span });
          continue;
        }
        for (const [k, v] of source.entries) {
          if (!result.entries.has(k)) {
            result.entries.set(k, v);
            result.value[k] = v.value;
          }
        }
      }
    }
    this.weights.set(result, weight);
    this.inProgress.delete(node);
    return result;
  }

  private convertSeq(node: YamlNode & { items: unknown[]; flow?: boolean; range?: [number, number, number] | null; anchor?: string }, depth: number, fallback: number): SeqNode {
    const span = trimmedSpan(this.text, node.range, fallback);
    const result: SeqNode = { kind: 'seq', value: [], items: [], span, flow: Boolean(node.flow) };
    if (node.anchor) {
      this.anchors.set(node, result);
      this.inProgress.add(node);
    }
    let weight = 1;
    let previousEnd = span.start;
    for (const item of node.items) {
      const converted = this.convert(item as YamlNode | null, depth + 1, previousEnd);
      converted.key = result.items.length;
      converted.parent = result;
      result.items.push(converted);
      result.value.push(converted.value);
      previousEnd = converted.span.end;
      weight += this.weights.get(converted) ?? 1;
    }
    this.weights.set(result, weight);
    this.inProgress.delete(node);
    return result;
  }

  private alias(node: Alias, depth: number): YNode {
    const span = trimmedSpan(this.text, node.range, 0);
    let target: YamlNode | undefined;
    try {
      target = node.resolve(this.doc) as YamlNode | undefined;
    } catch {
      target = undefined;
    }
    const resolved = target ? this.anchors.get(target) : undefined;
    if (!target || !resolved) {
      if (!this.reportedAliases.has(node.source)) {
        this.reportedAliases.add(node.source);
        this.syntax.push({ code: 'BAD_ALIAS', message: `The alias "*${node.source}" does not refer to an anchor defined before it.`, span });
      }
      return this.scalar(null, 'plain', '', span);
    }
    if (this.inProgress.has(target)) {
      this.syntax.push({ code: 'RECURSIVE_ALIAS', message: `The alias "*${node.source}" refers to a value that contains it; recursive values cannot be loaded.`, span });
      return this.scalar(null, 'plain', '', span);
    }
    void depth;
    // A shallow copy that shares the anchored children: positions inside point to the anchor, the alias itself here.
    const copy = { ...resolved, span, keySpan: undefined, key: undefined, parent: undefined } as YNode;
    this.weights.set(copy, this.weights.get(resolved) ?? 1);
    return copy;
  }

  /** True when aliases expand the document far beyond its written size (a "billion laughs" bomb). */
  exceedsAliasBudget(root: YNode): boolean {
    const total = this.weights.get(root) ?? 0;
    return total > ALIAS_BUDGET_BASE + this.realNodes * 4;
  }

  walkPlainSurprises(root: YNode): void {
    const stack: YNode[] = [root];
    const seen = new Set<YNode>();
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      if (n.kind === 'scalar') {
        if (n.style === 'plain') {
          const kind = yaml11Surprise(n.text);
          if (kind) this.yaml11.push({ text: n.text, kind, span: n.span, isKey: false, value: n.value, ...(typeof n.key === 'string' ? { parentKey: n.key } : {}) });
        }
      } else if (n.kind === 'map') for (const v of n.entries.values()) stack.push(v);
      else for (const v of n.items) stack.push(v);
    }
    this.yaml11.sort((a, b) => a.span.start - b.span.start);
  }
}

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
function collapseCascades(text: string, errors: SyntaxFinding[]): SyntaxFinding[] {
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

/** Parses valohai.yaml text. Never throws. A leading byte-order mark is allowed (PyYAML accepts it). */
export function parseValohaiYaml(text: string): ParseResult {
  if (text.charCodeAt(0) !== 0xfeff) return parseWithoutBom(text);
  // `yaml` counts the BOM as indentation; parse without it and shift every offset back by one.
  const result = parseWithoutBom(text.slice(1));
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

function parseWithoutBom(text: string): ParseResult {
  const depth = estimateNesting(text);
  if (depth.depth > MAX_SCAN_DEPTH) {
    // `yaml` recurses per nesting level, and V8 aborts the process (not a catchable error) when that exhausts the stack.
    return {
      root: undefined,
      syntax: [{ code: 'TOO_DEEP', message: `Values are nested more than ${MAX_SCAN_DEPTH} levels deep here; valohai.yaml is never that deep, so the file was not loaded.`, span: { start: depth.at, end: Math.min(text.length, depth.at + 1) } }],
      duplicateKeys: [],
      yaml11: [],
    };
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false, keepSourceTokens: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { root: undefined, syntax: [{ code: 'PARSER_FAILURE', message: `The YAML parser could not read this file: ${message}`, span: { start: 0, end: 0 } }], duplicateKeys: [], yaml11: [] };
  }
  const syntax: SyntaxFinding[] = [];
  // A key indented deeper than its neighbours continues the previous value, and `yaml` reports the pair of that value
  // and the key as one multi-line "implicit key" plus a nested-mapping error at the same place. Users need the key.
  const misaligned = new Set(doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  for (const e of doc.errors) {
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
  const converter = new Converter(text, doc);
  let root: YNode | undefined;
  try {
    root = doc.contents ? converter.convert(doc.contents as YamlNode, 0, 0) : undefined;
    if (root && converter.exceedsAliasBudget(root)) {
      converter.syntax.push({ code: 'ALIAS_BOMB', message: 'Aliases here expand into a document far larger than the file; refusing to load it.', span: root.span });
      root = undefined;
    }
    if (root) converter.walkPlainSurprises(root);
  } catch (error) {
    // Stack exhaustion on hostile nesting must not take the linter down.
    const message = error instanceof Error ? error.message : String(error);
    converter.syntax.push({ code: 'PARSER_FAILURE', message: `The YAML could not be loaded: ${message}`, span: { start: 0, end: 0 } });
    root = undefined;
  }
  syntax.push(...converter.syntax);
  syntax.sort((a, b) => a.span.start - b.span.start);
  return { root, syntax: collapseCascades(text, syntax), duplicateKeys: converter.duplicateKeys, yaml11: converter.yaml11 };
}
