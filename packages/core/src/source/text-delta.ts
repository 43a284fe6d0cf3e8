// The one replacement that turns a document's last text into its next one: the language server sends its linting thread
// only what an edit changed, and the incremental linter redoes only the lines and items the replacement touches.

/** Replace `[start, end)` of the earlier text by `text` (offsets in UTF-16 code units). */
export interface TextDelta {
  start: number;
  end: number;
  text: string;
}

/** Characters compared at once while looking for the first difference (slices compare as memory, not in a loop). */
const BLOCK = 4096;

/** The smallest single replacement that turns `before` into `after` (an empty one when they are equal). */
export function textDelta(before: string, after: string): TextDelta {
  const limit = Math.min(before.length, after.length);
  const prefix = commonPrefix(before, after, limit);
  const suffix = commonSuffix(before, after, limit - prefix);
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/** Applies a delta to the text it was computed from. */
export function applyDelta(before: string, delta: TextDelta): string {
  return before.slice(0, delta.start) + delta.text + before.slice(delta.end);
}

function commonPrefix(a: string, b: string, limit: number): number {
  let at = 0;
  while (at + BLOCK <= limit && a.slice(at, at + BLOCK) === b.slice(at, at + BLOCK)) at += BLOCK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the common end of `a` and `b`, at most `limit` (so that it never overlaps the common start). */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/**
 * A copy of a piece cut from a larger text that does not keep that text alive. Pieces kept across edits (an item's
 * text, the strings of its parse) would otherwise each hold on to the whole text they were cut from: one whole earlier
 * text per edited item over a long editing session.
 */
export function detachedCopy(piece: string): string {
  // Joining makes a new string, and cutting that flattens it into a copy of its own (one character longer).
  return ` ${piece}`.slice(1);
}
