// Block scalars (`|`, `>`, with chomping and indentation indicators) for the fast parser: which lines belong to one and
// the string it loads, as the `yaml` library's lexer and resolve-block-scalar.ts read them. Tabs in indentation, blank
// lines indented past the content where they would count as content, a first line indented less than an indentation
// indicator asks, and kept (`|+`) blank lines ending the text without a line break give the text up.
import { atLineEnd, contentEnd, giveUp, HASH, nextLineStart, SPACE, TAB, trimBack } from './fast-text.js';

export interface BlockScalar {
  value: string;
  style: 'literal' | 'folded';
  /** The trimmed end of the scalar: its last content character, or its header (and header comment) when empty. */
  end: number;
  /** Where the lines after the scalar start. */
  next: number;
}

const STRIP = 45;
const KEEP = 43;

/** Reads the block scalar whose header starts at `pos`, inside a collection indented `parentIndent` columns. */
export function scanBlockScalar(text: string, pos: number, parentIndent: number): BlockScalar {
  const style = text.charCodeAt(pos) === 62 ? 'folded' : 'literal';
  // The header: at most one chomping indicator and one indentation digit, in either order.
  let chomp = 0;
  let digit = 0;
  let i = pos + 1;
  for (let c = text.charCodeAt(i); !atLineEnd(text, i) && c !== SPACE && c !== HASH; c = text.charCodeAt(++i)) {
    if ((c === STRIP || c === KEEP) && !chomp) chomp = c;
    else if (c >= 49 && c <= 57 && !digit) digit = c - 48;
    else giveUp(c === TAB ? 'tab' : 'block-header');
  }
  let headerEnd = i;
  let p = i;
  while (text.charCodeAt(p) === SPACE) p++;
  if (text.charCodeAt(p) === HASH) {
    if (p === i) giveUp('comment-without-space');
    headerEnd = trimBack(text, p, contentEnd(text, p));
  } else if (!atLineEnd(text, p)) giveUp(text.charCodeAt(p) === TAB ? 'tab' : 'block-header');
  const bodyStart = nextLineStart(text, p);
  const endsWithBreak = text.charCodeAt(text.length - 1) === 10;

  // Leading blank lines (their spaces), then the first content line fixes the indentation.
  const leading: number[] = [];
  let ls = bodyStart;
  let first = ls;
  for (; ls < text.length; ls = nextLineStart(text, first)) {
    first = ls;
    while (text.charCodeAt(first) === SPACE) first++;
    if (!atLineEnd(text, first)) break;
    leading.push(first - ls);
  }
  if (ls < text.length && text.charCodeAt(first) === TAB) giveUp('tab');
  const column = first - ls;
  if (ls >= text.length || column <= parentIndent) {
    // No content. Keep chomping keeps a line break per blank line.
    if (chomp === KEEP && ls >= text.length && leading.length > 0 && !endsWithBreak) giveUp('block-trailing-blank');
    return { value: chomp === KEEP ? '\n'.repeat(leading.length) : '', style, end: headerEnd, next: bodyStart };
  }
  const indent = digit ? parentIndent + digit : column;
  if (column < indent) giveUp('indentation-indicator');
  // Without an indicator, leading blank lines may not be indented past the content (`yaml` reports an error).
  if (!digit && leading.some((spaces) => spaces > indent)) giveUp('block-leading-blank');

  const lines = new LineJoiner(style === 'folded', indent, leading);
  let lastContentEnd = first;
  let blanks: number[] = [];
  let atEnd = true;
  for (; ls < text.length; ls = nextLineStart(text, ls)) {
    let s = ls;
    while (text.charCodeAt(s) === SPACE) s++;
    if (atLineEnd(text, s)) {
      blanks.push(s - ls);
      continue;
    }
    if (text.charCodeAt(s) === TAB) giveUp('tab');
    if (s - ls < indent) {
      atEnd = false;
      break;
    }
    for (const spaces of blanks) lines.add(spaces, '');
    blanks = [];
    lastContentEnd = contentEnd(text, s);
    lines.add(s - ls, text.slice(s, lastContentEnd));
  }
  // Trailing blank lines indented past the content would become content (resolve-block-scalar.ts); left to `yaml`.
  if (blanks.some((spaces) => spaces > indent)) giveUp('block-trailing-blank');
  let value = lines.value;
  if (chomp === KEEP) {
    if (atEnd && blanks.length > 0 && !endsWithBreak) giveUp('block-trailing-blank');
    value += '\n'.repeat(blanks.length + 1);
  } else if (chomp !== STRIP) value += '\n';
  return { value, style, end: trimBack(text, pos, lastContentEnd), next: nextLineStart(text, lastContentEnd) };
}

/** Joins the lines of a block scalar's content as literal (`|`) or folded (`>`) scalars do. */
class LineJoiner {
  value: string;
  private separator = '';
  private moreIndented = false;

  constructor(
    private readonly folded: boolean,
    private readonly indent: number,
    leading: number[],
  ) {
    // Leading blank lines keep their indentation past the content's (only possible with an indentation indicator).
    this.value = leading.map((spaces) => `${' '.repeat(Math.max(0, spaces - indent))}\n`).join('');
  }

  /** Adds a line indented `spaces` columns (blank lines have empty `content`). */
  add(spaces: number, content: string): void {
    const extra = spaces > this.indent ? ' '.repeat(spaces - this.indent) : '';
    if (!this.folded) {
      this.value += this.separator + extra + content;
      this.separator = '\n';
    } else if (extra) {
      // A more-indented line keeps its line break, and the one before it is not folded into a space.
      if (this.separator === ' ') this.separator = '\n';
      else if (!this.moreIndented && this.separator === '\n') this.separator = '\n\n';
      this.value += this.separator + extra + content;
      this.separator = '\n';
      this.moreIndented = true;
    } else if (content === '') {
      if (this.separator === '\n') this.value += '\n';
      else this.separator = '\n';
    } else {
      this.value += this.separator + content;
      this.separator = ' ';
      this.moreIndented = false;
    }
  }
}
