// The open documents, kept in sync with didOpen/didChange/didClose. Edits are applied defensively: positions past the end,
// inside a CRLF or between the halves of a surrogate pair are clamped the way LSP says (and TextDocument does), and a
// malformed change is dropped instead of corrupting the text or throwing.
import { TextDocument } from 'vscode-languageserver-textdocument';

/** One change as a client sends it; every field is untrusted. */
export interface RawChange {
  text?: unknown;
  range?: unknown;
}

function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

/** A position from a client with every field forced to a whole number (missing or odd values read as 0). */
export function sanitizePosition(value: unknown): { line: number; character: number } {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return { line: int(v['line']), character: int(v['character']) };
}

/** The well-formed changes of a list, with every position forced to whole numbers (malformed changes are dropped). */
function sanitizedChanges(changes: readonly RawChange[]): ({ text: string } | { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string })[] {
  return changes.flatMap((change) => {
    if (typeof change !== 'object' || change === null || typeof change.text !== 'string') return [];
    if (change.range === undefined || change.range === null) return [{ text: change.text }];
    const range = change.range as Record<string, unknown>;
    return [{ range: { start: sanitizePosition(range['start']), end: sanitizePosition(range['end']) }, text: change.text }];
  });
}

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();
  /** Bumped on every open and change, so caches stay right even if a client repeats a version number. */
  private readonly revisions = new Map<string, number>();
  private counter = 0;

  open(uri: unknown, languageId: unknown, version: unknown, text: unknown): TextDocument | undefined {
    if (typeof uri !== 'string' || typeof text !== 'string') return undefined;
    const doc = TextDocument.create(uri, typeof languageId === 'string' ? languageId : 'yaml', int(version), text);
    this.docs.set(uri, doc);
    this.revisions.set(uri, ++this.counter);
    return doc;
  }

  /** Applies changes; returns the document, or undefined when it is not open. */
  change(uri: unknown, version: unknown, changes: unknown): TextDocument | undefined {
    if (typeof uri !== 'string') return undefined;
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const valid = sanitizedChanges(Array.isArray(changes) ? (changes as RawChange[]) : []);
    const next = typeof version === 'number' && Number.isFinite(version) ? Math.trunc(version) : doc.version + 1;
    // Nothing changed (no changes, or only malformed ones): the cached results stay valid.
    if (valid.length === 0 && next === doc.version) return doc;
    // TextDocument clamps ranges as LSP says (start and end in either order, past a line's end, inside a CRLF or a
    // surrogate pair) and keeps its line index up to date incrementally, so an edit of a large document costs no
    // full rescan.
    TextDocument.update(doc, valid, next);
    this.revisions.set(uri, ++this.counter);
    return doc;
  }

  close(uri: unknown): void {
    if (typeof uri !== 'string') return;
    this.docs.delete(uri);
    this.revisions.delete(uri);
  }

  /** A number that changes whenever the document's text may have changed. */
  revision(uri: string): number {
    return this.revisions.get(uri) ?? -1;
  }

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }
}
