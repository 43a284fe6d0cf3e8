// What a failed check reports (the public problem shape), and the helpers every stage uses to word one.
import { display } from '../util/text.js';

export interface ExpressionEdit {
  start: number;
  end: number;
  text: string;
}

export interface ExpressionProblem {
  /** Offsets of the offending part inside the expression string (UTF-16), `start < end` unless the expression is empty. */
  start: number;
  end: number;
  kind: 'syntax' | 'unsupported' | 'tooComplex';
  /** One or two plain sentences for users. */
  reason: string;
  /** What valohai-yaml says (Python object reprs replaced by class names; Python's syntax-error wording approximated). */
  upstream: string;
  /** A likely rewrite (a guess, so only ever offered as a suggestion). */
  suggestion?: { title: string; edits: ExpressionEdit[] };
}

/** Thrown inside the check to stop at the first problem; `verifyExpression` turns it back into a return value. */
export class Fail {
  constructor(readonly problem: ExpressionProblem) {}
}

export function syntax(start: number, end: number, reason: string, upstream = 'invalid syntax', suggestion?: ExpressionProblem['suggestion']): ExpressionProblem {
  return suggestion ? { start, end, kind: 'syntax', reason, upstream, suggestion } : { start, end, kind: 'syntax', reason, upstream };
}

/** A short one-line rendering of source text for quoting in messages. */
export function quoteText(text: string, max = 30): string {
  return display(text.replace(/\s+/g, ' '), max);
}

/** `word` with the spaces it needs to stand between its neighbours. */
export function spacedWord(src: string, start: number, end: number, word: string): string {
  const before = start > 0 && !/\s/.test(src.charAt(start - 1)) ? ' ' : '';
  const after = end < src.length && !/\s/.test(src.charAt(end)) ? ' ' : '';
  return `${before}${word}${after}`;
}
