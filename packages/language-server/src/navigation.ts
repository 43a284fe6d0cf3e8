// Go to definition, find references, prepareRename and rename for steps, tasks and pipeline nodes. Renaming keeps each
// scalar's quoting and, in `NODE.TYPE.KEY` specifiers, replaces only the NODE part.
import type { SourceFile, Span } from '@valohai-lint/core';
import { ResponseError, ErrorCodes, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Parsed } from './analysis.js';
import { definitionsOf, occurrenceAt, sameTarget, type Occurrence, type Target } from './references.js';
import { plainSafe, quotedScalar as scalarText } from '@valohai-lint/core';
import { spanToRange } from './to-lsp.js';

function location(uri: string, source: SourceFile, span: Span): Location {
  return { uri, range: spanToRange(source, span) };
}

/** Where the name under the offset is defined (the definition that takes effect: the last one of a repeated name). */
export function definition(parsed: Parsed, uri: string, offset: number): Location[] {
  const all = parsed.occurrences;
  const here = occurrenceAt(all, offset);
  if (!here) return [];
  const defs = definitionsOf(all, here.target);
  const last = defs[defs.length - 1];
  return last ? [location(uri, parsed.source, last.span)] : [];
}

/** Every place naming the same step, task or node (the definitions too when asked). */
export function references(parsed: Parsed, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const all = parsed.occurrences;
  const here = occurrenceAt(all, offset);
  if (!here) return [];
  return all.filter((o) => sameTarget(o.target, here.target) && (includeDeclaration || o.role !== 'definition')).map((o) => location(uri, parsed.source, o.span));
}

/** The range and current name of what can be renamed at the offset, or undefined. */
export function prepareRename(parsed: Parsed, offset: number): { range: Range; placeholder: string } | undefined {
  const here = occurrenceAt(parsed.occurrences, offset);
  if (!here) return undefined;
  return { range: spanToRange(parsed.source, here.span), placeholder: here.target.name };
}

function kindLabel(t: Target): string {
  return t.kind === 'node' ? 'pipeline node' : t.kind;
}

/** The edits renaming the name under the offset everywhere; throws a ResponseError for a name that cannot work. */
export function rename(parsed: Parsed, uri: string, offset: number, newName: string): WorkspaceEdit | null {
  const all = parsed.occurrences;
  const here = occurrenceAt(all, offset);
  if (!here) return null;
  if (newName.trim() === '' || /[\r\n]/.test(newName)) throw new ResponseError(ErrorCodes.InvalidParams, `A ${kindLabel(here.target)} name must be a non-empty single line.`);
  if (here.target.kind === 'node' && newName.includes('.')) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Pipeline node names cannot contain "." : edges read NODE.TYPE.KEY up to the first dot.`);
  }
  const edits: TextEdit[] = [];
  for (const o of all) {
    if (!sameTarget(o.target, here.target)) continue;
    edits.push(renameEdit(parsed.source, o, newName));
  }
  edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { changes: { [uri]: edits } };
}

/** One occurrence renamed: inside its quotes or plain text when that reads back the same, else the scalar re-quoted. */
function renameEdit(source: SourceFile, o: Occurrence, newName: string): TextEdit {
  const scalar = o.scalar;
  const style = scalar.kind === 'scalar' ? scalar.style : 'plain';
  const newValue = o.specifier !== undefined ? newName + o.specifier.slice(o.specifier.indexOf('.')) : newName;
  if (o.exact) {
    if (style === 'double') return { range: spanToRange(source, o.span), newText: JSON.stringify(newName).slice(1, -1) };
    if (style === 'single') return { range: spanToRange(source, o.span), newText: newName.replace(/'/g, "''") };
    if (style === 'plain' && plainSafe(newValue)) return { range: spanToRange(source, o.span), newText: newName };
  }
  return { range: spanToRange(source, scalar.span), newText: scalarText(style === 'single' ? 'single' : 'double', newValue) };
}

