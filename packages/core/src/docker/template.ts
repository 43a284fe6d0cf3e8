// Templating in image strings (`${VAR}`, `$VAR`, `$(cmd)`, `{parameter:name}`, `{{ expr }}`, and the fill-me-in
// `<<registry/image:tag>>` / `<TAG>` of copied examples): not references, and nothing fills them in an image value, so
// they are reported as placeholders rather than as grammar errors. One forward pass; closing-bracket searches never
// move backwards.
import { isLetter, isWord } from '../util/ascii.js';
import type { ParseStats, Span } from './types.js';

const isIdentStart = (c: number): boolean => isLetter(c) || c === 0x5f;
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/**
 * The placeholders in `text`, left to right. An unclosed `${`, `$(`, `{{`, `<` or `<<` runs to the end of the text (`<`
 * is never part of an image reference). `w.steps` grows
 * by the characters visited.
 */
export function findPlaceholders(text: string, w: ParseStats = { steps: 0 }): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  // Cached "next occurrence at or after" positions: each only moves forward, so all searches together are linear.
  const next: Record<string, number> = {};
  const find = (needle: string, from: number): number => {
    const known = next[needle];
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const found = text.indexOf(needle, from);
    w.steps += (found < 0 ? n : found + needle.length) - from;
    next[needle] = found;
    return found;
  };
  let i = 0;
  while (i < n) {
    w.steps++;
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    let end = -1;
    if (c === 0x24 /* $ */) {
      if (d === 0x7b /* { */ || d === 0x28 /* ( */) {
        const close = find(d === 0x7b ? '}' : ')', i + 2);
        end = close < 0 ? n : close + 1;
      } else if (isIdentStart(d)) {
        end = i + 2;
        while (end < n && isWord(text.charCodeAt(end))) end++;
        w.steps += end - i;
      }
    } else if (c === 0x3c /* < */) {
      const closing = d === 0x3c ? '>>' : '>';
      const close = find(closing, i + closing.length);
      end = close < 0 ? n : close + closing.length;
    } else if (c === 0x7b /* { */) {
      if (d === 0x7b) {
        const close = find('}}', i + 2);
        end = close < 0 ? n : close + 2;
      } else if (isIdentStart(d)) {
        // `{parameter:name}`, `{parameters}`: a word, then anything but braces and spaces, then `}`.
        let j = i + 1;
        while (j < n) {
          const e = text.charCodeAt(j);
          if (e === 0x7b || e === 0x7d || isSpace(e)) break;
          j++;
        }
        w.steps += j - i;
        if (text.charCodeAt(j) === 0x7d) end = j + 1;
        else {
          i = j; // nothing before j can start a `{` placeholder any more
          continue;
        }
      }
    }
    if (end > i) {
      spans.push({ start: i, end });
      i = end;
    } else i++;
  }
  return spans;
}

/** True when `text` contains templating (see `findPlaceholders`). */
export function isTemplated(text: string): boolean {
  return findPlaceholders(text).length > 0;
}
