// Where each top-level item of a valohai.yaml starts, found from the text alone, so that an edit can be parsed and
// checked one item at a time. Only the plain layout every real file has is split: a block list whose entries start with
// "- " at column 0, with nothing else at column 0 but comments and blank lines, before which only comments, blank lines
// and one leading "---" may stand. Anything else (flow style, a second document, directives, tabs, lone CR line ends)
// gives undefined, and the caller parses the whole text instead.
import { detachedCopy, type TextDelta } from '../source/text-delta.js';

/** One top-level item's text: from the start of its "- " line to the start of the next item's line (or the end). */
export interface ItemChunk {
  /** Offset of the chunk in the whole text (the start of a line). */
  start: number;
  text: string;
}

/**
 * The top-level items of `text` as chunks, in order; undefined when the text is not laid out simply enough.
 * `lineStarts`, the offsets where the text's lines start when the caller has them already, saves a scan of the text.
 */
export function splitTopLevelItems(text: string, lineStarts?: readonly number[]): ItemChunk[] | undefined {
  // A lone CR ends a line for YAML; the line scan below only knows LF and CRLF.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  const starts: number[] = [];
  let seenDocumentStart = false;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (at < text.length) {
    let end: number;
    if (lineStarts) {
      let next = lineStarts[line + 1];
      while (next !== undefined && next <= at) next = lineStarts[++line + 1];
      end = next ?? text.length;
    } else {
      const newline = text.indexOf('\n', at);
      end = newline < 0 ? text.length : newline + 1;
    }
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

/**
 * The chunks after an edit: `chunks[first, end)` were split again and replace `previous[first, previousEnd)`; the
 * chunks before are `previous`'s own, and each chunk from `end` on is `previous[i - end + previousEnd]` moved by the
 * change in length (the same text string).
 */
export interface EditedChunks {
  chunks: ItemChunk[];
  first: number;
  end: number;
  previousEnd: number;
}

/**
 * The chunks of `text`, which is the text of `previous` with `delta` applied: only the items the replacement touches
 * (with the one before it, whose end it may extend) are split again. Undefined when the edit reaches the lines before
 * the first item or the items it touches are not laid out simply; the caller splits the whole text then.
 */
export function splitAfterEdit(previous: readonly ItemChunk[], text: string, delta: TextDelta): EditedChunks | undefined {
  const first = previous[0];
  if (!first || delta.start <= first.start) return undefined;
  const end = (c: ItemChunk): number => c.start + c.text.length;
  // From the item the replacement starts in or right after, to the item it ends in or right before.
  let a = previous.findIndex((c) => end(c) >= delta.start);
  let b = previous.length - 1;
  while (b > 0 && previous[b]!.start > delta.end) b--;
  if (a < 0) a = previous.length - 1;
  if (b < a) b = a;
  const shift = delta.text.length - (delta.end - delta.start);
  const from = previous[a]!.start;
  const to = end(previous[b]!) + shift;
  const region = splitTopLevelItems(text.slice(from, to));
  // The region starts at an item's first line; anything else before it would belong to the item before.
  if (!region || region[0]?.start !== 0) return undefined;
  const chunks = previous.slice(0, a);
  // New chunks are copies: a kept chunk must not hold on to the whole text it was cut from (one per edit, otherwise).
  for (const c of region) chunks.push({ start: from + c.start, text: detachedCopy(c.text) });
  const regionEnd = chunks.length;
  // The chunks after keep their text strings, so comparing them with the earlier ones costs nothing.
  for (let i = b + 1; i < previous.length; i++) {
    const c = previous[i]!;
    chunks.push(shift === 0 ? c : { start: c.start + shift, text: c.text });
  }
  return { chunks, first: a, end: regionEnd, previousEnd: b + 1 };
}
