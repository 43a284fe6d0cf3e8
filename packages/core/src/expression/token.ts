// What the tokenizer produces, and which words are keywords once valohai-yaml has renamed the rest.

import type { ExpressionProblem } from './problem.js';

/** Keywords that keep their meaning; valohai-yaml renames every other Python keyword into a plain name. */
export const EXPRESSION_KEYWORDS: ReadonlySet<string> = new Set(['False', 'None', 'True', 'and', 'for', 'in', 'is', 'not', 'or']);
/** Python 3.11's other (hard) keywords, which valohai-yaml turns into names by prefixing `_`. */
export const RENAMED_KEYWORDS: ReadonlySet<string> = new Set([
  'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
  'from', 'global', 'if', 'import', 'lambda', 'nonlocal', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

export type TokenType = 'name' | 'keyword' | 'number' | 'string' | 'op' | 'newline' | 'end' | 'error';

export interface Token {
  type: TokenType;
  /** Name, keyword or operator text; for other tokens the source text. */
  value: string;
  start: number;
  end: number;
  /** A Python keyword that valohai-yaml renames into a plain name. */
  renamed?: boolean;
  numberKind?: 'int' | 'float' | 'complex';
  stringKind?: 'str' | 'bytes' | 'fstring';
  problem?: ExpressionProblem;
}
