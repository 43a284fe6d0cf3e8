// Small helpers for rendering user values inside messages.

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
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * A list of quoted values: `"a", "b" and "c"`; beyond `limit` values, the first `limit` and how many more there are
 * (`"a", "b", "c" and 4 more`).
 */
export function quotedList(values: readonly string[], conjunction = 'and', limit = Infinity): string {
  return wordList(values.map((v) => `"${v}"`), conjunction, limit);
}

/** Words joined as a sentence lists them (`a, b and c`), beyond `limit` the first `limit` and `and 4 more`. */
export function wordList(words: readonly string[], conjunction = 'and', limit = Infinity): string {
  if (words.length > limit) return `${words.slice(0, limit).join(', ')} ${conjunction} ${words.length - limit} more`;
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** A count with its word, pluralized by adding "s": `no parts`, `1 part`, `3 parts`. */
export function plural(n: number, word: string): string {
  if (n === 0) return `no ${word}s`;
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}
