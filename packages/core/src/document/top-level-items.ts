// Where each top-level item of a valohai.yaml starts, found from the text alone, so that an edit can be parsed and
// checked one item at a time. Only the plain layout every real file has is split: a block list whose entries start with
// "- " at column 0, with nothing else at column 0 but comments and blank lines, before which only comments, blank lines
// and one leading "---" may stand. Anything else (flow style, a second document, directives, tabs, lone CR line ends)
// gives undefined, and the caller parses the whole text instead.

/** One top-level item's text: from the start of its "- " line to the start of the next item's line (or the end). */
export interface ItemChunk {
  /** Offset of the chunk in the whole text (the start of a line). */
  start: number;
  text: string;
}

/** The top-level items of `text` as chunks, in order; undefined when the text is not laid out simply enough. */
export function splitTopLevelItems(text: string): ItemChunk[] | undefined {
  // A lone CR ends a line for YAML; the line scan below only knows LF and CRLF.
  if (/\r(?!\n)/.test(text)) return undefined;
  const starts: number[] = [];
  let seenDocumentStart = false;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline + 1;
    const c = text.charCodeAt(at);
    if (c === 0x2d /* - */) {
      const next = text.charCodeAt(at + 1);
      if (next === 0x20 /* space */ || next === 0x0a || next === 0x0d || Number.isNaN(next)) starts.push(at);
      else if (text.startsWith('---', at) && starts.length === 0 && !seenDocumentStart && /^---[ ]*(#.*)?\r?\n?$/.test(text.slice(at, end))) seenDocumentStart = true;
      else return undefined;
    } else if (c === 0x23 /* # */ || c === 0x20 /* space */) {
      // A comment, or a line of the current item (or a blank line of spaces).
      if (c === 0x20 && starts.length === 0 && text.slice(at, end).trim() !== '' && !text.slice(at, end).trimStart().startsWith('#')) return undefined;
    } else if (c !== 0x0a && c !== 0x0d) {
      // Anything else at column 0 (a mapping key, a tab, "...", a directive, a flow collection): not this layout.
      return undefined;
    }
    at = end;
  }
  if (starts.length === 0) return undefined;
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}
