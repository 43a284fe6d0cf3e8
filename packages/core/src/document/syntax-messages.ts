// The words for one YAML syntax error: what the parser expected and found, at the token that caused it (a tab, a key
// out of line, a missing colon or quote), instead of `yaml`'s parser-internal messages. Works on the raw text, since
// the tree is unusable where the syntax breaks.
import { CST, Parser, type YAMLError } from 'yaml';
import type { SyntaxFinding } from './findings.js';
import { SourceFile } from '../source/source-file.js';
import { contentLinesAbove, excerpt, isListItem, keyColumnOf, keyOf, lineAt, type LineInfo } from './source-lines.js';

/** Messages for errors that need no context. */
const FRIENDLY: Record<string, string> = {
  MULTIPLE_DOCS: 'valohai.yaml must hold a single YAML document, but a second document starts here.',
  DUPLICATE_KEY: 'This key is written twice in the same mapping.',
  BAD_DIRECTIVE: 'This YAML directive is not valid.',
  BAD_ALIAS: 'This alias is not valid.',
};

type Finding = SyntaxFinding;

const span = (start: number, end: number): Finding['span'] => ({ start, end: Math.max(end, start + 1) });

/** The tab in a line's indentation, if any (YAML indents with spaces only). */
export function tabInIndentation(text: string, line: LineInfo): Finding | undefined {
  const tab = text.slice(line.start, line.content).indexOf('\t');
  if (tab < 0) return undefined;
  let end = line.start + tab;
  while (text[end] === '\t') end++;
  return { code: 'TAB_INDENT', message: 'This line is indented with a tab, which YAML does not allow; indent it with spaces.', span: span(line.start + tab, end) };
}

/**
 * Where the lines above set keys: the nearest key column deeper than `col` (a sibling the line should line up with)
 * and the nearest one shallower (an outer mapping it might belong to), with their key names.
 */
function alignment(text: string, line: LineInfo, col: number): { deeper?: { col: number; key?: string }; outer?: { col: number; key?: string } } {
  let deeper: { col: number; key?: string } | undefined;
  for (const above of contentLinesAbove(text, line)) {
    const c = keyColumnOf(text, above);
    const key = keyOf(text, above);
    const level = key === undefined ? { col: c } : { col: c, key };
    if (c > col) {
      if (!deeper || c < deeper.col) deeper = level;
    } else if (c < col) return deeper ? { deeper, outer: level } : { outer: level };
  }
  return deeper ? { deeper } : {};
}

/** "at column 5, in line with "name" above" */
function levelText(level: { col: number; key?: string }): string {
  return `at column ${level.col + 1}${level.key === undefined ? '' : `, in line with "${level.key}" above`}`;
}

/** A line indented to no level of the lines above: says which columns would fit. */
function misindented(text: string, line: LineInfo, code: string): Finding {
  const col = line.content - line.start;
  const what = keyOf(text, line) ?? excerpt(text.slice(line.content, line.end), 30);
  const { deeper, outer } = alignment(text, line, col);
  const expected = [deeper, outer].filter((l): l is { col: number; key?: string } => l !== undefined).map(levelText);
  const options = expected.length > 0 ? `Expected "${what}" ${expected.join(', or ')}; it starts at column ${col + 1}.` : `"${what}" is not indented like the lines above it.`;
  return { code, message: `${options} Lines of one mapping or list must start at the same column.`, span: span(line.content, line.content + what.length) };
}

/**
 * What the wording of a text's errors may need of the whole text: each worked out once, on first use, so that a text
 * with thousands of errors does not parse or count its lines again per error.
 */
export class TextFacts {
  private list: boolean | undefined;
  private quotes: Map<number, number> | undefined;
  private lines: SourceFile | undefined;

  constructor(private readonly text: string) {}

  /** True when the document's first content line is a list item, i.e. its top level is a block list. */
  topLevelList(): boolean {
    this.list ??= startsWithListItem(this.text);
    return this.list;
  }

  /** Where the quoted value that ends at `end` starts (the parser's token for it), if one does. */
  openingQuote(end: number): number | undefined {
    this.quotes ??= quotedValueStarts(this.text);
    return this.quotes.get(end);
  }

  /** The 1-based line of an offset, CR, LF and CRLF each ending a line. */
  lineNumber(offset: number): number {
    this.lines ??= new SourceFile(this.text);
    return this.lines.positionAt(offset).line + 1;
  }
}

function startsWithListItem(text: string): boolean {
  for (const m of text.matchAll(/^[ \t]*([^\s#].*)?$/gm)) {
    const content = m[1];
    if (content === undefined || content === '---' || content.startsWith('%')) continue;
    return /^-(?:[ \t]|$)/.test(content);
  }
  return false;
}

/** The start of every quoted value of the text's first document, by where the value ends (an unclosed one: the text's end). */
function quotedValueStarts(text: string): Map<number, number> {
  const starts = new Map<number, number>();
  const note = (token: CST.Token | undefined): void => {
    if (token?.type === 'double-quoted-scalar' || token?.type === 'single-quoted-scalar') starts.set(token.offset + token.source.length, token.offset);
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    note(token.value);
    if (token.value) CST.visit(token as CST.Document, (item) => {
      note(item.key ?? undefined);
      note(item.value);
    });
    // valohai.yaml is one document; a second is reported as such, and the quotes that matter are in the first.
    break;
  }
  return starts;
}

/** Wording for the `yaml` errors users meet, at the place that caused them; undefined for a consequence of another. */
export function explain(text: string, e: YAMLError, firstError: boolean, facts: TextFacts): Finding | undefined {
  const at = Math.max(0, Math.min(e.pos[0], text.length));
  const line = lineAt(text, at);
  const tab = tabInIndentation(text, line);
  if (tab || e.code === 'TAB_AS_INDENT') return tab ?? { code: 'TAB_INDENT', message: 'A tab is used for indentation here, which YAML does not allow; indent with spaces.', span: span(at, at + 1) };
  const message = e.message;
  // After the document broke, `yaml` reports every later token as "in YAML stream": consequences, not causes.
  if (!firstError && / in YAML stream/.test(message)) return undefined;

  switch (e.code) {
    case 'MULTILINE_IMPLICIT_KEY':
      return implicitKey(text, e);
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/block sequence/.test(message)) return listItemAsKey(text, at);
      return colonInValue(text, at);
    case 'BAD_INDENT':
      return badIndent(text, e, at, line, facts);
    case 'MISSING_CHAR':
      return missingChar(text, e, at, line, facts);
    case 'UNEXPECTED_TOKEN':
      return unexpected(text, e, at, line, facts);
    case 'BAD_SCALAR_START': {
      const c = text[at] ?? '';
      return { code: e.code, message: `A plain value cannot start with "${c}", which YAML reserves; put the value in quotes.`, span: span(at, at + 1) };
    }
    case 'BAD_DQ_ESCAPE': {
      const seq = /\\./.exec(text.slice(at, at + 2))?.[0] ?? message.replace(/^Invalid escape sequence /, '');
      return { code: e.code, message: `"${seq}" is not an escape sequence of a double-quoted value; write "\\\\" for a backslash, or put the value in single quotes.`, span: span(at, at + seq.length) };
    }
    default: {
      const base = message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
      return { code: e.code, message: FRIENDLY[e.code] ?? `${base.replace(/\.$/, '')}.`, span: span(at, Math.min(e.pos[1], text.length)) };
    }
  }
}

/** A key that `yaml` read across two lines: a missing space after a colon, a missing colon, or a key indented too deep. */
function implicitKey(text: string, e: YAMLError): Finding {
  const start = e.pos[0];
  const end = Math.min(e.pos[1], text.length);
  const line = lineAt(text, start);
  const first = text.slice(start, line.end).trimEnd();
  const startsLine = start === line.start + keyColumnOf(text, line);
  if (startsLine) {
    const noSpace = /^([^\s:#]+):(\S+)/.exec(first);
    if (noSpace) {
      return { code: 'MISSING_SPACE', message: `"${noSpace[0]}" has no space after its colon, so YAML reads the whole line as text rather than the key "${noSpace[1]}"; write "${noSpace[1]}: ${noSpace[2]}".`, span: span(start, start + noSpace[0].length) };
    }
    if (!first.includes(':')) {
      return { code: 'MISSING_COLON', message: `Expected a colon after "${excerpt(first, 30)}": in a mapping every line is "key: value", so YAML joins this line with the next one instead.`, span: span(start, start + first.length) };
    }
  }
  // The key is the last line of the multi-line text: it was indented deeper than its siblings.
  const lastBreak = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));
  let keyStart = lastBreak + 1;
  while (keyStart < end && (text[keyStart] === ' ' || text[keyStart] === '\t')) keyStart++;
  const key = text.slice(keyStart, end);
  return { code: 'MISALIGNED_KEY', message: `"${key}" is indented more than the key above it, so YAML reads it as part of the value above instead of a key; line it up with the other keys of its mapping.`, span: span(keyStart, end) };
}

/** A `- ` item where a key was expected: an item indented less than its list, or a list inside a mapping's keys. */
function listItemAsKey(text: string, at: number): Finding {
  let dash = at;
  while (dash < text.length && text[dash] === ' ') dash++;
  const line = lineAt(text, dash);
  const end = line.end;
  const col = line.content - line.start;
  const siblings = contentLinesAbove(text, line, 50).find((l) => isListItem(text, l) && l.content - l.start >= col);
  if (siblings && siblings.content - siblings.start > col) {
    return { code: 'MISALIGNED_ITEM', message: `Expected this list item at column ${siblings.content - siblings.start + 1}, in line with the items above; it starts at column ${col + 1}.`, span: span(line.content, end) };
  }
  return { code: 'ITEM_AMONG_KEYS', message: 'Expected a key here, like the other keys of this mapping, but found a list item ("- "); indent the item under the key whose list it belongs to, or remove the "- ".', span: span(line.content, end) };
}

/** `key: a: b`: a plain value containing ": ", which starts a mapping inside the value. */
function colonInValue(text: string, at: number): Finding {
  const line = lineAt(text, at);
  const value = text.slice(at, line.end).replace(/\s+#.*$/, '').trimEnd();
  return { code: 'COLON_IN_VALUE', message: `The value "${excerpt(value, 50)}" contains ": ", which YAML reads as the start of a mapping inside it; put the whole value in quotes.`, span: span(at, at + value.length) };
}

function badIndent(text: string, e: YAMLError, at: number, errorLine: LineInfo, facts: TextFacts): Finding {
  const message = e.message;
  let target = at;
  while (target < text.length && (text[target] === ' ' || text[target] === '\t')) target++;
  const line = lineAt(text, target);
  const flow = /^Flow (sequence|map) in block collection/.exec(message);
  if (flow) {
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
    const opener = text.lastIndexOf(open, errorLine.start);
    const where = opener >= 0 ? ` opened with "${open}" on line ${facts.lineNumber(opener)}` : '';
    return { code: 'UNCLOSED_FLOW', message: `The ${flow[1] === 'sequence' ? 'list' : 'mapping'}${where} is not closed; expected "${close}" before this line.`, span: span(line.content, line.end) };
  }
  if (/sequence items/.test(message)) {
    const siblings = contentLinesAbove(text, line, 50).find((l) => isListItem(text, l));
    if (siblings) return { code: 'MISALIGNED_ITEM', message: `Expected this list item at column ${siblings.content - siblings.start + 1}, in line with the items above; it starts at column ${line.content - line.start + 1}.`, span: span(line.content, line.end) };
  }
  const above = contentLinesAbove(text, line, 1)[0];
  if (above && isListItem(text, above) && keyOf(text, line) === undefined) return missingDash(text, line);
  return misindented(text, line, e.code);
}

/** A line among list items that is neither an item nor a key. */
function missingDash(text: string, line: LineInfo): Finding {
  const what = excerpt(text.slice(line.content, line.end), 30);
  return { code: 'MISSING_DASH', message: `Expected "- " before "${what}", like the list items above, or a colon after it if it is a key.`, span: span(line.content, line.end) };
}

function missingChar(text: string, e: YAMLError, at: number, line: LineInfo, facts: TextFacts): Finding | undefined {
  const quote = /^Missing closing (["'])quote/.exec(e.message)?.[1];
  if (quote) {
    const open = facts.openingQuote(at);
    const kind = quote === '"' ? 'double' : 'single';
    const inside = quote === '"' ? 'a " inside it must be written \\"' : "a ' inside it must be written twice ('')";
    const where = open === undefined ? '' : ` that starts on line ${facts.lineNumber(open)}`;
    return { code: 'UNCLOSED_QUOTE', message: `The ${kind}-quoted value${where} is never closed; expected a closing ${quote} (${inside}).`, span: open === undefined ? span(at, at) : { start: open, end: Math.max(at, open + 1) } };
  }
  if (/Sequence item without - indicator/.test(e.message)) {
    let target = at;
    while (target < text.length && text[target] === ' ') target++;
    return misindented(text, lineAt(text, target), 'BAD_INDENT');
  }
  if (/Implicit map keys need to be followed by map values/.test(e.message)) {
    const target = lineAt(text, at);
    const above = contentLinesAbove(text, target, 1)[0];
    if (above && isListItem(text, above) && !isListItem(text, target)) return missingDash(text, target);
    const what = excerpt(text.slice(target.content, target.end), 30);
    return { code: 'MISSING_COLON', message: `Expected a colon after "${what}": in a mapping every line is "key: value".`, span: span(target.content, target.end) };
  }
  return { code: e.code, message: `${e.message.replace(/\.$/, '')}.`, span: span(at, Math.max(at, Math.min(e.pos[1], line.end))) };
}

function unexpected(text: string, e: YAMLError, at: number, line: LineInfo, facts: TextFacts): Finding {
  const found = excerpt(text.slice(at, Math.min(e.pos[1], text.length)), 30) || excerpt(text.slice(at, line.end), 30);
  const end = Math.min(e.pos[1], text.length);
  if (/^Unexpected block-seq-ind on same line with key/.test(e.message)) {
    return { code: 'ITEM_AFTER_KEY', message: 'A list cannot start on the same line as its key; put "- …" on the next line, indented under the key.', span: span(at, at + 1) };
  }
  const closer = /^Unexpected flow-(seq|map)-end/.exec(e.message);
  if (closer) {
    const [close, open] = closer[1] === 'seq' ? [']', '['] : ['}', '{'];
    return { code: 'UNMATCHED_CLOSE', message: `Expected the end of the line, but found "${close}", which closes no "${open}"; remove it, or quote the value if it belongs to it.`, span: span(at, at + 1) };
  }
  // Text after a value that was complete: a closing quote or bracket ended it on this line.
  let before = at - 1;
  while (before >= line.start && (text[before] === ' ' || text[before] === '\t')) before--;
  const prev = before >= line.start ? text[before] : undefined;
  if (prev === '"' || prev === "'") {
    return { code: 'TEXT_AFTER_VALUE', message: `Expected the end of the line after the quoted value, but found "${found}"; put the whole value inside the quotes.`, span: span(at, end) };
  }
  if (prev === '}' || prev === ']') {
    const open = prev === '}' ? '{' : '[';
    const opened = text.lastIndexOf(open, before);
    const flow = opened >= line.start ? `"${excerpt(text.slice(opened, before + 1), 30)}", which YAML reads as ${prev === '}' ? 'a mapping' : 'a list'}` : `"${prev}"`;
    return { code: 'TEXT_AFTER_VALUE', message: `Expected the end of the line after ${flow}, but found "${found}"; a value that starts with "${open}" must be put in quotes as a whole.`, span: span(at, end) };
  }
  if (at === line.content && line.content === line.start && facts.topLevelList()) {
    return { code: 'NOT_AN_ITEM', message: `Expected a new item ("- …") at the top level of the file, but found "${found}"; every top-level entry of valohai.yaml starts with "- ", and everything else is indented under one.`, span: span(at, end) };
  }
  if (at === line.content) return misindented(text, line, e.code);
  return { code: e.code, message: `Expected the end of the line or a new key, but found "${found}"; check the indentation and quoting.`, span: span(at, end) };
}
