// Tells an unknown key that is really a known key indented too little: `optional:` written at the step's level right
// after the step's `inputs`, where it belongs to the last input. The schema knows which keys the list's items take.
import type { YNode } from '../document/nodes.js';
import type { Fix } from '../diagnostic/types.js';
import type { SourceFile } from '../source/source-file.js';
import { childOfItem, instanceOf, propertiesOf, schemasAt } from './walk.js';

export interface Dedented {
  /** The key the misplaced key follows (`inputs`). */
  owner: string;
  /** True when it belongs to the last item of a list, false for a mapping. */
  inList: boolean;
  /** A key of the mapping it belongs to, to line it up with. */
  lineUpWith: string;
  /** Re-indents the key's line under that mapping (when the key and its value fit on one line). */
  fix?: Fix;
}

/** Characters between the start of an offset's line and the offset, a byte-order mark included (from the line index:
 * scanning back to the line start would make every unknown key of a one-line file cost the whole line). */
function column(source: SourceFile, offset: number): number {
  return offset - (source.lineStart(source.positionAt(offset).line) ?? 0);
}

/**
 * A mapping's entries written in it (merged `<<` entries are written elsewhere), by where their keys start, each with
 * the entry ending last among it and those before it. Made once per mapping: one with thousands of unknown keys asks
 * for each of them.
 */
interface WrittenEntries {
  keyStarts: number[];
  endingLast: YNode[];
}
const writtenEntries = new WeakMap<YNode, WrittenEntries>();

function writtenEntriesOf(mapping: YNode & { kind: 'map' }): WrittenEntries {
  let known = writtenEntries.get(mapping);
  if (known) return known;
  const entries = [...mapping.entries.values()].filter((e) => e.keySpan && e.keySpan.start >= mapping.span.start).sort((a, b) => a.keySpan!.start - b.keySpan!.start);
  const endingLast: YNode[] = [];
  for (const entry of entries) {
    const before = endingLast[endingLast.length - 1];
    endingLast.push(before && before.span.end >= entry.span.end ? before : entry);
  }
  known = { keyStarts: entries.map((e) => e.keySpan!.start), endingLast };
  writtenEntries.set(mapping, known);
  return known;
}

/** The entry of `mapping` written before `keyNode` that ends last: what a dedented key was probably meant to continue. */
function previousEntry(mapping: YNode & { kind: 'map' }, keyNode: YNode): YNode | undefined {
  const at = keyNode.keySpan?.start ?? keyNode.span.start;
  const { keyStarts, endingLast } = writtenEntriesOf(mapping);
  // The last entry whose key starts before `at` (binary search); `keyNode` itself starts at `at`, so it is never one.
  let lo = 0;
  let hi = keyStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyStarts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : endingLast[lo - 1];
}

interface Level {
  /** The key that opens the level (`inputs`, `cpu`). */
  owner: string;
  inList: boolean;
  /** The block mapping keys would be added to (a list's last item). */
  target: YNode & { kind: 'map' };
  schemas: ReturnType<typeof schemasAt>;
}

/** The block mappings that end right before a key, outermost first: the entry above it, its last entry, and so on. */
function levelsAbove(previous: YNode): Level[] {
  const levels: Level[] = [];
  let entry: YNode | undefined = previous;
  while (entry && typeof entry.key === 'string' && entry.kind !== 'scalar' && !entry.flow && levels.length < 50) {
    const schemas = schemasAt(entry);
    const target: YNode | undefined = entry.kind === 'seq' ? entry.items[entry.items.length - 1] : entry;
    if (target?.kind !== 'map' || target.flow) break;
    levels.push({ owner: entry.key, inList: entry.kind === 'seq', target, schemas: entry.kind === 'seq' ? childOfItem(schemas, instanceOf(entry)) : schemas });
    entry = [...target.entries.values()].reduce<YNode | undefined>((last, e) => (!last || e.span.end > last.span.end ? e : last), undefined);
  }
  return levels;
}

/**
 * If `key` (unknown in `mapping`) is a key of a block mapping that ends right above it (or of the last item of such a
 * list), indented deeper than the key: the deepest such mapping, which the key was probably meant to continue.
 */
export function dedentedKey(source: SourceFile, mapping: YNode | undefined, keyNode: YNode | undefined, key: string): Dedented | undefined {
  if (mapping?.kind !== 'map' || !keyNode?.keySpan) return undefined;
  const text = source.text;
  const previous = previousEntry(mapping, keyNode);
  if (!previous) return undefined;
  const keyColumn = column(source, keyNode.keySpan.start);
  let found: { level: Level; first: YNode; targetColumn: number } | undefined;
  for (const level of levelsAbove(previous)) {
    if (level.target.entries.has(key)) continue;
    const known = propertiesOf(level.schemas, instanceOf(level.target)).get(key);
    const first = level.target.entries.values().next().value;
    if (!known || known.forbidden || !first?.keySpan || typeof first.key !== 'string') continue;
    const targetColumn = column(source, first.keySpan.start);
    if (keyColumn < targetColumn) found = { level, first, targetColumn };
  }
  if (!found) return undefined;
  const { level, first, targetColumn } = found;
  const out: Dedented = { owner: level.owner, inList: level.inList, lineUpWith: String(first.key) };
  const lineStart = keyNode.keySpan.start - keyColumn;
  const indentOnly = /^ *$/.test(text.slice(lineStart, keyNode.keySpan.start));
  const oneLine = !/[\r\n]/.test(text.slice(keyNode.keySpan.start, keyNode.span.end));
  if (indentOnly && oneLine) out.fix = { title: `Indent "${key}" under "${level.owner}"`, edits: [{ span: { start: lineStart, end: keyNode.keySpan.start }, newText: ' '.repeat(targetColumn) }] };
  return out;
}
