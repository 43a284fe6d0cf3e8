// Finds YAML comments with their offsets using `yaml`'s lexer, so that `#` inside quoted or block scalars is never misread.
import { Lexer } from 'yaml';
import type { Span } from '../source/source-file.js';

export interface Comment {
  /** The text after `#`. */
  text: string;
  /** Span of the whole comment including `#`. */
  span: Span;
}

// Lexer tokens that mark structure but stand for no source characters.
const VIRTUAL = new Set(['\x02', '\x18', '\x1f']);

export function findComments(text: string): Comment[] {
  const comments: Comment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (VIRTUAL.has(token)) continue;
    if (token.startsWith('#')) comments.push({ text: token.slice(1), span: { start: offset, end: offset + token.length } });
    offset += token.length;
  }
  return comments;
}
