// Where the cursor is in a valohai.yaml that is being typed (and so often not valid YAML): the chain of keys and list
// items above it, read from indentation alone, and what kind of place it is (a key, a value, a flow list item, a block
// scalar's line). Completion uses this; hover and navigation use the parsed tree instead.
import type { SourceFile } from '@valohai-lint/core';

/** One structural token of a line: a `- ` list marker or a `key:`. */
interface Token {
  kind: 'dash' | 'key';
  col: number;
  name?: string;
  /** For keys: the value written after the colon on the same line (comment removed, trimmed). */
  value?: string;
  /** For keys: the column where the value starts. */
  valueCol?: number;
}

interface LineTokens {
  tokens: Token[];
  /** Column of the first character after the list markers (the key or scalar). */
  contentCol: number;
  /** The content after the list markers when it is not a key. */
  scalar?: string;
}

const KEY_RE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?))[ \t]*:(?=[ \t]|$)/;

/** Removes a trailing ` # comment` that is outside quotes. */
function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[,{]/.test(text[i - 1] ?? '')) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) return text.slice(0, i);
  }
  return text;
}

/** The structural tokens of one line; undefined for blank and comment-only lines. */
export function tokenizeLine(line: string): LineTokens | undefined {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  if (i >= line.length || line[i] === '#' || line.trim() === '') return undefined;
  const tokens: Token[] = [];
  while (line[i] === '-' && (i + 1 >= line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    tokens.push({ kind: 'dash', col: i });
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  const contentCol = i;
  const rest = line.slice(i);
  const m = KEY_RE.exec(rest);
  if (m) {
    const name = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] !== undefined ? m[2].replace(/''/g, "'") : (m[3] ?? '').trimEnd();
    const after = rest.slice(m[0].length);
    const lead = after.length - after.trimStart().length;
    tokens.push({ kind: 'key', col: i, name, value: stripComment(after).trim(), valueCol: i + m[0].length + lead });
    return { tokens, contentCol };
  }
  const out: LineTokens = { tokens, contentCol };
  if (rest.trim() !== '') out.scalar = stripComment(rest).trim();
  return out;
}

/** A mapping key or list item above the cursor, outermost first in {@link CursorContext.path}. */
export type PathEntry =
  | {
      kind: 'key';
      name: string;
      line: number;
      col: number;
      /** The keys of the mapping this key belongs to, with their scalar text (filled in by {@link cursorContext}). */
      mapping?: Map<string, string>;
    }
  | { kind: 'item'; index: number; line: number; col: number };

export type CursorContext = {
  /** The keys and items that contain the place, outermost first (the innermost is the container of the place). */
  path: PathEntry[];
  /** Offsets of the whole token at the cursor, which a completion replaces. */
  replace: { start: number; end: number };
  /** The text of the token from its start to the cursor. */
  partial: string;
  /** The whole line up to the cursor. */
  linePrefix: string;
  /** Keys present in the innermost mapping with their scalar text (the current key excluded in a key place). */
  siblings: Map<string, string>;
} & (
  | { kind: 'key' }
  | { kind: 'value'; key: string }
  | { kind: 'flow'; key?: string; index: number }
  | { kind: 'block'; key: string }
);

function unquote(value: string): string {
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) return value.slice(1, -1);
  return value;
}

const BLOCK_INDICATOR = /^[|>][-+0-9]*$/;

/** Keys of the mapping whose keys sit at `col`, around line `lineNo` (excluding that line itself). */
function siblingKeys(lines: SourceFile, lineNo: number, col: number): Map<string, string> {
  const out = new Map<string, string>();
  const take = (t: LineTokens): 'stop' | 'go' => {
    const first = t.tokens[0];
    const firstCol = first ? first.col : t.contentCol;
    const key = t.tokens.find((x) => x.kind === 'key' && x.col === col);
    if (key && t.tokens.every((x) => x === key || x.col < col)) {
      out.set(key.name ?? '', unquote(key.value ?? ''));
      return firstCol < col ? 'stop' : 'go';
    }
    return firstCol < col ? 'stop' : 'go';
  };
  for (let l = lineNo - 1; l >= 0; l--) {
    const t = tokenizeLine(lines.lineText(l));
    if (t && take(t) === 'stop') break;
  }
  for (let l = lineNo + 1; l < lines.lineCount; l++) {
    const t = tokenizeLine(lines.lineText(l));
    if (!t) continue;
    const first = t.tokens[0];
    const firstCol = first ? first.col : t.contentCol;
    if (firstCol < col) break;
    if (firstCol === col && first?.kind === 'key') out.set(first.name ?? '', unquote(first.value ?? ''));
  }
  return out;
}

/** The keys and list items containing column `limit` of line `lineNo`, found by scanning upward; outermost first. */
function ancestors(lines: SourceFile, lineNo: number, limit: number, initial: PathEntry[]): { path: PathEntry[]; block?: { key: string; line: number; col: number } } {
  const chain: PathEntry[] = [...initial];
  let col = limit;
  for (let l = lineNo - 1; l >= 0; l--) {
    // At column 0 only the earlier items of the top-level list are left to count.
    const outer = chain[chain.length - 1];
    if (col === 0 && !(outer?.kind === 'item' && outer.col === 0)) break;
    const t = tokenizeLine(lines.lineText(l));
    if (!t) continue;
    for (let k = t.tokens.length - 1; k >= 0; k--) {
      const tok = t.tokens[k]!;
      if (tok.col > col) continue;
      if (tok.col === col) {
        // A list marker at the same column is an earlier item of the same list.
        const inner = chain[chain.length - 1];
        if (tok.kind === 'dash' && inner?.kind === 'item' && inner.col === col) inner.index++;
        continue;
      }
      if (tok.kind === 'key') {
        const value = tok.value ?? '';
        if (BLOCK_INDICATOR.test(value)) {
          // Everything collected so far is text inside this block scalar.
          const rest = ancestors(lines, l, tok.col, []);
          return { path: rest.path, block: { key: tok.name ?? '', line: l, col: tok.col } };
        }
        const entry: PathEntry = { kind: 'key', name: tok.name ?? '', line: l, col: tok.col };
        entry.mapping = siblingKeys(lines, l, tok.col);
        entry.mapping.set(entry.name, unquote(value));
        chain.push(entry);
      } else chain.push({ kind: 'item', index: 0, line: l, col: tok.col });
      col = tok.col;
    }
    // A scalar line (a multi-line value) less indented than the place is not structure; keep looking above it.
  }
  return { path: chain.reverse() };
}

/** Reads the place at `offset`. Never throws; odd input gives a best guess. */
export function cursorContext(lines: SourceFile, offset: number): CursorContext {
  const text = lines.text;
  const o = Math.max(0, Math.min(offset, lines.text.length));
  const lineNo = lines.positionAt(o).line;
  const lineStart = lines.lineStart(lineNo) ?? 0;
  const line = lines.lineText(lineNo);
  const ch = Math.min(o - lineStart, line.length);
  const prefix = line.slice(0, ch);
  const tok = tokenizeLine(prefix) ?? { tokens: [], contentCol: prefix.length };
  const dashes = tok.tokens.filter((t) => t.kind === 'dash');
  const key = tok.tokens.find((t) => t.kind === 'key');
  const contentCol = tok.contentCol;

  // Items opened on this line, innermost last; they are part of the path.
  const own: PathEntry[] = dashes.map((d) => ({ kind: 'item', index: 0, line: lineNo, col: d.col }));
  const limit = dashes[0]?.col ?? contentCol;
  const above = ancestors(lines, lineNo, limit, own.slice().reverse());
  const wordEnd = (from: number, re: RegExp): number => {
    let e = from;
    while (e < line.length && re.test(line[e] ?? '')) e++;
    return lineStart + e;
  };

  if (above.block) {
    const start = lineStart + (/^\s*/.exec(prefix)?.[0].length ?? 0);
    return { kind: 'block', key: above.block.key, path: above.path, replace: { start: o, end: o }, partial: text.slice(start, o), linePrefix: prefix, siblings: siblingKeys(lines, above.block.line, above.block.col) };
  }

  const siblingCol = key ? key.col : contentCol;
  const siblings = siblingKeys(lines, lineNo, siblingCol);
  if (key) {
    // The value as written on the whole line, not only up to the cursor.
    const whole = tokenizeLine(line)?.tokens.find((t) => t.kind === 'key' && t.col === key.col);
    siblings.set(key.name ?? '', unquote(whole?.value ?? key.value ?? ''));
    const valueCol = Math.min(key.valueCol ?? ch, ch);
    const raw = prefix.slice(valueCol);
    const flow = flowPlace(raw);
    if (flow) {
      const start = lineStart + valueCol + flow.start;
      return { kind: 'flow', key: key.name ?? '', index: flow.index, path: above.path, replace: { start, end: wordEnd(ch, /[^,\]\s"']/) }, partial: text.slice(start, o), linePrefix: prefix, siblings };
    }
    const quoted = raw.startsWith('"') || raw.startsWith("'") ? 1 : 0;
    const start = lineStart + valueCol + quoted;
    return { kind: 'value', key: key.name ?? '', path: above.path, replace: { start, end: wordEnd(ch, /[^\s"'#]/) }, partial: text.slice(start, o), linePrefix: prefix, siblings };
  }
  const raw = prefix.slice(contentCol);
  const flow = flowPlace(raw);
  if (flow) {
    const start = lineStart + contentCol + flow.start;
    return { kind: 'flow', index: flow.index, path: above.path, replace: { start, end: wordEnd(ch, /[^,\]\s"']/) }, partial: text.slice(start, o), linePrefix: prefix, siblings };
  }
  const quoted = raw.startsWith('"') || raw.startsWith("'") ? 1 : 0;
  const start = lineStart + contentCol + quoted;
  return { kind: 'key', path: above.path, replace: { start, end: wordEnd(ch, /[^\s:"'#]/) }, partial: text.slice(start, o), linePrefix: prefix, siblings };
}

/** Inside a one-line flow list (`[a, b`): the item's index and where its text starts; undefined otherwise. */
function flowPlace(raw: string): { index: number; start: number } | undefined {
  if (!raw.startsWith('[')) return undefined;
  let depth = 0;
  let index = 0;
  let start = 1;
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return undefined;
    } else if (c === ',' && depth === 1) {
      index++;
      start = i + 1;
    }
  }
  if (depth !== 1) return undefined;
  while (raw[start] === ' ') start++;
  if (raw[start] === '"' || raw[start] === "'") start++;
  return { index, start };
}
