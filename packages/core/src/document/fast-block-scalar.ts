// Block scalars (`|`, `>`, with `-` chomping) for the fast parser: which lines belong to one and the string it loads,
// as the `yaml` library's lexer and resolve-block-scalar.ts read them. Keep chomping (`+`), indentation indicators,
// tabs in indentation and blank lines indented past the content give the text up.
import { atLineEnd, contentEnd, giveUp, HASH, nextLineStart, SPACE, TAB, trimBack } from './fast-text.js';

export interface BlockScalar {
  value: string;
  style: 'literal' | 'folded';
  /** The trimmed end of the scalar: its last content character, or its header (and header comment) when empty. */
  end: number;
  /** Where the lines after the scalar start. */
  next: number;
}

/** Reads the block scalar whose header starts at `pos`, inside a collection indented `parentIndent` columns. */
export function scanBlockScalar(text: string, pos: number, parentIndent: number): BlockScalar {
  const folded = text.charCodeAt(pos) === 62;
  let i = pos + 1;
  let strip = false;
  for (let c = text.charCodeAt(i); !atLineEnd(text, i) && c !== SPACE && c !== HASH; c = text.charCodeAt(++i)) {
    if (c === 43) giveUp('keep-chomping');
    if (c === 45 && !strip) strip = true;
    else giveUp(c >= 49 && c <= 57 ? 'indentation-indicator' : 'block-header');
  }
  let headerEnd = i;
  let p = i;
  while (text.charCodeAt(p) === SPACE) p++;
  if (text.charCodeAt(p) === HASH) {
    if (p === i) giveUp('comment-without-space');
    headerEnd = trimBack(text, p, contentEnd(text, p));
  } else if (!atLineEnd(text, p)) giveUp(text.charCodeAt(p) === TAB ? 'tab' : 'block-header');
  const bodyStart = nextLineStart(text, p);

  // Leading blank lines, then the first content line fixes the indentation.
  let ls = bodyStart;
  let deepestBlank = 0;
  let leadingBlanks = 0;
  let first = ls;
  for (; ls < text.length; ls = nextLineStart(text, first), leadingBlanks++) {
    first = ls;
    while (text.charCodeAt(first) === SPACE) first++;
    if (!atLineEnd(text, first)) break;
    deepestBlank = Math.max(deepestBlank, first - ls);
  }
  const indent = first - ls;
  if (ls >= text.length || indent <= parentIndent) {
    if (ls < text.length && text.charCodeAt(first) === TAB) giveUp('tab');
    return { value: '', style: folded ? 'folded' : 'literal', end: headerEnd, next: bodyStart };
  }
  if (deepestBlank > indent) giveUp('block-leading-blank');

  const lines = new LineJoiner(folded, indent, leadingBlanks);
  let lastContentEnd = first;
  let blanks: number[] = [];
  for (; ls < text.length; ls = nextLineStart(text, ls)) {
    let s = ls;
    while (text.charCodeAt(s) === SPACE) s++;
    if (atLineEnd(text, s)) {
      blanks.push(s - ls);
      continue;
    }
    if (text.charCodeAt(s) === TAB) giveUp('tab');
    if (s - ls < indent) break;
    for (const spaces of blanks) lines.add(spaces, '');
    blanks = [];
    lastContentEnd = contentEnd(text, s);
    lines.add(s - ls, text.slice(s, lastContentEnd));
  }
  // Trailing blank lines indented past the content would become content (resolve-block-scalar.ts); left to `yaml`.
  if (blanks.some((spaces) => spaces > indent)) giveUp('block-trailing-blank');
  return { value: strip ? lines.value : `${lines.value}\n`, style: folded ? 'folded' : 'literal', end: trimBack(text, pos, lastContentEnd), next: nextLineStart(text, lastContentEnd) };
}

/** Joins the lines of a block scalar's content as literal (`|`) or folded (`>`) scalars do. */
class LineJoiner {
  value: string;
  private separator = '';
  private moreIndented = false;

  constructor(
    private readonly folded: boolean,
    private readonly indent: number,
    leadingBlanks: number,
  ) {
    this.value = '\n'.repeat(leadingBlanks);
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
