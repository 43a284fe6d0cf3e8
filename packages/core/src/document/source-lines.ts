// Reading raw YAML text line by line around a syntax error: where a line starts, how it is indented, the content lines
// above it and the key columns they set. The parser's tree is unusable at a syntax error, so the wording works on text.

export interface LineInfo {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's last character (before its line break). */
  end: number;
  /** Offset of the first character after the indentation (spaces and tabs). */
  content: number;
  /** The line's text. */
  text: string;
}

/** The line containing an offset. */
export function lineAt(text: string, offset: number): LineInfo {
  const at = Math.max(0, Math.min(offset, text.length));
  // String searches, not a loop over characters (a minified file's one line can be hundreds of kilobytes), each kept
  // within the line: a CR is looked for only between the LFs around the offset.
  const afterLf = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const start = afterLf + text.slice(afterLf, at).lastIndexOf('\r') + 1;
  const lf = text.indexOf('\n', at);
  const beforeLf = lf < 0 ? text.length : lf;
  const cr = text.slice(at, beforeLf).indexOf('\r');
  const end = cr < 0 ? beforeLf : at + cr;
  let content = start;
  while (content < end && (text[content] === ' ' || text[content] === '\t')) content++;
  return { start, end, content, text: text.slice(start, end) };
}

/** The line before a line, or undefined at the first line. */
function lineBefore(text: string, line: LineInfo): LineInfo | undefined {
  if (line.start === 0) return undefined;
  let end = line.start - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  return lineAt(text, end);
}

/** Lines above a line that hold content (not blank, not only a comment), nearest first, at most `limit` of them. */
export function contentLinesAbove(text: string, line: LineInfo, limit = 200): LineInfo[] {
  const out: LineInfo[] = [];
  for (let l = lineBefore(text, line); l && out.length < limit; l = lineBefore(text, l)) {
    if (l.content < l.end && text[l.content] !== '#') out.push(l);
  }
  return out;
}

/** Where a line's key (or scalar) starts: after its indentation and any `- ` list markers. */
export function keyColumnOf(text: string, line: LineInfo): number {
  let at = line.content;
  while (text[at] === '-' && (text[at + 1] === ' ' || text[at + 1] === '\t')) {
    at += 2;
    while (text[at] === ' ') at++;
  }
  return at - line.start;
}

/** The key a line starts with (`name` of `  - name: x`), if it has one. */
export function keyOf(text: string, line: LineInfo): string | undefined {
  const rest = text.slice(line.start + keyColumnOf(text, line), line.end);
  return /^([^\s:#'"[\]{},][^:#]*?):(?:\s|$)/.exec(rest)?.[1];
}

/** True when the line is a list item (`- …`). */
export function isListItem(text: string, line: LineInfo): boolean {
  return text[line.content] === '-' && (line.content + 1 === line.end || text[line.content + 1] === ' ');
}

/** A one-line excerpt of text for a message: at most `max` characters, cut with an ellipsis. */
export function excerpt(text: string, max = 40): string {
  const firstLine = text.split(/\r?\n|\r/, 1)[0]!.trim();
  return firstLine.length > max ? `${firstLine.slice(0, max - 1)}…` : firstLine;
}
