// Small helpers for rendering user values inside messages, and the bound every message gets: a one-line file of
// 200 KB must not turn into messages (and reports) of 200 KB each.

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** Moves a cut point off the middle of a surrogate pair. */
function safeCut(text: string, at: number): number {
  return at > 0 && isHighSurrogate(text.charCodeAt(at - 1)) ? at - 1 : at;
}

/**
 * Shortens text to at most `max` characters with "…": cut in the middle by default, so both ends stay recognizable,
 * or at the end. The one helper behind every shortened value in messages.
 */
export function shorten(text: string, max: number, cut: 'middle' | 'end' = 'middle'): string {
  if (text.length <= max) return text;
  if (cut === 'end') return `${text.slice(0, safeCut(text, max - 1))}…`;
  const head = safeCut(text, Math.ceil((max - 1) / 2));
  const tail = safeCut(text, text.length - Math.floor((max - 1) / 2));
  return `${text.slice(0, head)}…${text.slice(tail)}`;
}

/** The longest double-quoted part a message shows, and the longest message. */
export const MAX_QUOTED_IN_MESSAGE = 200;
export const MAX_MESSAGE = 1500;

/**
 * Bounds a finished message: every double-quoted part over MAX_QUOTED_IN_MESSAGE characters is shortened in the
 * middle, then the whole message if it is still over MAX_MESSAGE. Messages name user values in double quotes, so one
 * pass here bounds the values of every rule. Linear.
 */
export function boundMessage(message: string): string {
  if (message.length <= MAX_QUOTED_IN_MESSAGE) return message;
  let out = '';
  let at = 0;
  for (let open = message.indexOf('"'); open >= 0; open = message.indexOf('"', at)) {
    const close = message.indexOf('"', open + 1);
    if (close < 0) break;
    out += message.slice(at, open + 1) + shorten(message.slice(open + 1, close), MAX_QUOTED_IN_MESSAGE) + '"';
    at = close + 1;
  }
  return shorten(out + message.slice(at), MAX_MESSAGE);
}

/** Renders any loaded value the way a user wrote it: strings as-is, others as JSON-ish text, truncated. */
export function display(value: unknown, max = 60): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (value === null || value === undefined) s = 'null';
  else if (typeof value === 'object' && !Array.isArray(value) && 'text' in (value as object)) s = String((value as { text: unknown }).text);
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return shorten(s, max, 'end');
}

/**
 * A list of quoted values: `"a", "b" and "c"`; beyond `limit` values, the first `limit` and how many more there are
 * (`"a", "b", "c" and 4 more`).
 */
export function quotedList(values: readonly string[], conjunction = 'and', limit = Infinity): string {
  // Only the values shown are quoted (the rest are only counted): a finding on a list of thousands costs the few it names.
  return wordList(values.map((v, i) => (i < limit ? `"${v}"` : v)), conjunction, limit);
}

/** Words joined as a sentence lists them (`a, b and c`), beyond `limit` the first `limit` and `and 4 more`. */
export function wordList(words: readonly string[], conjunction = 'and', limit = Infinity): string {
  if (words.length > limit) return `${words.slice(0, limit).join(', ')} ${conjunction} ${words.length - limit} more`;
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** Compares strings by UTF-16 code unit: the same order on every machine and in every locale, and no collation data to load. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A count with its word, pluralized by adding "s": `no parts`, `1 part`, `3 parts`. */
export function plural(n: number, word: string): string {
  if (n === 0) return `no ${word}s`;
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}
