// Adds registry patterns to the text of a `.valohai-lint.yaml` as one insertion, so that every byte already there
// (comments, blank lines, quoting, line ends) stays as it was: after the last item of a block `registries` list, with
// its indentation; inside a flow list; under an empty `registries:`; or as a new `registries` section at the end.
import { createDocument } from '../document/document.js';
import { child, type YNode } from '../document/nodes.js';
import { plainSafe, quotedScalar } from '../document/scalar-text.js';
import type { TextEdit } from '../diagnostic/types.js';
import type { SourceFile } from '../source/source-file.js';

export interface RegistryAddition {
  pattern: string;
  /** A comment line written above the entry (block lists only), e.g. where the image was found. */
  comment?: string;
}

const scalar = (value: string): string => (plainSafe(value) ? value : quotedScalar('double', value));

function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The text of block list items at `indent` (the column of their `-`). */
function blockItems(additions: readonly RegistryAddition[], indent: string, eol: string): string {
  return additions.map((a) => `${a.comment ? `${indent}# ${a.comment}${eol}` : ''}${indent}- pattern: ${scalar(a.pattern)}${eol}`).join('');
}

/** Offset of the start of the line after the one containing `offset` (the text's end on the last line). */
function nextLineStart(source: SourceFile, offset: number): number {
  const line = source.positionAt(offset).line;
  return source.lineStart(line + 1) ?? source.text.length;
}

/** Column of the `-` that introduces a block sequence item whose content starts at `offset`. */
function dashColumn(source: SourceFile, offset: number): number {
  const lineStart = source.lineStart(source.positionAt(offset).line) ?? 0;
  let i = offset - 1;
  while (i > lineStart && source.text[i] !== '-') i--;
  return i - lineStart;
}

/**
 * The insertion that adds `additions` to `text` (a whole `.valohai-lint.yaml`; `''` for a file that does not exist
 * yet), or undefined when the text cannot be edited safely (YAML syntax errors, a top level that is not a mapping, a
 * `registries` that is neither a list nor empty).
 */
export function addRegistries(text: string, additions: readonly RegistryAddition[]): TextEdit | undefined {
  if (additions.length === 0) return undefined;
  const doc = createDocument(text);
  if (doc.hasSyntaxErrors) return undefined;
  const source = doc.source;
  const eol = lineEnding(text);
  const root = doc.root;
  const atEnd = (insert: string): TextEdit => {
    const end = text.length;
    const needsBreak = end > 0 && !text.endsWith('\n') && !text.endsWith('\r');
    return { span: { start: end, end }, newText: `${needsBreak ? eol : ''}${insert}` };
  };
  const section = `registries:${eol}${blockItems(additions, '  ', eol)}`;
  if (root === undefined || root.value === null) return atEnd(section);
  if (root.kind !== 'map' || root.flow) return undefined;
  const registries: YNode | undefined = child(root, 'registries');
  if (!registries) return atEnd(section);
  if (registries.kind === 'seq' && !registries.flow && registries.items.length > 0) {
    const first = registries.items[0]!;
    const last = registries.items[registries.items.length - 1]!;
    const indent = ' '.repeat(dashColumn(source, first.span.start));
    const at = nextLineStart(source, Math.max(last.span.start, last.span.end - 1));
    const needsBreak = at === text.length && at > 0 && !text.endsWith('\n') && !text.endsWith('\r');
    return { span: { start: at, end: at }, newText: `${needsBreak ? eol : ''}${blockItems(additions, indent, eol)}` };
  }
  if (registries.kind === 'seq' && registries.flow) {
    // Before the closing bracket: `[]` → `[{pattern: a}]`, `[{pattern: a}]` → `[{pattern: a}, {pattern: b}]`.
    const close = registries.span.end - 1;
    const entries = additions.map((a) => `{pattern: ${scalar(a.pattern)}}`).join(', ');
    return { span: { start: close, end: close }, newText: `${registries.items.length > 0 ? ', ' : ''}${entries}` };
  }
  if (registries.kind === 'scalar' && registries.value === null && registries.span.start === registries.span.end) {
    // `registries:` with nothing after it: the items go on the lines below the key.
    const keyEnd = registries.keySpan?.end ?? registries.span.end;
    const at = nextLineStart(source, keyEnd);
    const needsBreak = at === text.length && !text.endsWith('\n') && !text.endsWith('\r');
    return { span: { start: at, end: at }, newText: `${needsBreak ? eol : ''}${blockItems(additions, '  ', eol)}` };
  }
  return undefined;
}
