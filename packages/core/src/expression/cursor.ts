// The parser's position in the token list, and the explanation of an unexpected token (what is likely missing or
// mistyped there), shared by every part of the grammar.

import { Fail, quoteText, spacedWord, syntax, type ExpressionProblem } from './problem.js';
import type { Token, TokenType } from './token.js';

function endsValue(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === 'name' || t.type === 'number' || t.type === 'string') return true;
  if (t.type === 'keyword') return t.value === 'True' || t.value === 'False' || t.value === 'None';
  return t.type === 'op' && (t.value === ')' || t.value === ']' || t.value === '}');
}
function startsValue(t: Token): boolean {
  if (t.type === 'name' || t.type === 'number' || t.type === 'string') return true;
  if (t.type === 'keyword') return t.value === 'True' || t.value === 'False' || t.value === 'None' || t.value === 'not';
  return t.type === 'op' && (t.value === '(' || t.value === '[' || t.value === '{');
}

function keywordProblem(t: Token): ExpressionProblem {
  const kw = t.value;
  let reason: string;
  if (kw === 'if' || kw === 'else') reason = 'Conditional expressions ("a if b else c") are not supported in stop conditions; combine comparisons with "and", "or" and "not".';
  else if (kw === 'lambda') reason = '"lambda" is not supported in stop conditions.';
  else reason = `"${kw}" is a Python keyword that stop conditions do not support; a stop condition is a single expression, and only and, or, not, in, is, True, False and None are keywords in it.`;
  return syntax(t.start, t.end, reason);
}

/** Token navigation and error reporting for the parser; the grammar itself is in displays.ts and parse.ts. */
export abstract class TokenCursor {
  protected p = 0;
  constructor(
    protected readonly src: string,
    protected readonly toks: Token[],
  ) {}

  protected get tok(): Token {
    return this.toks[this.p]!;
  }
  protected peek(k = 1): Token {
    return this.toks[Math.min(this.p + k, this.toks.length - 1)]!;
  }
  protected next(): Token {
    const t = this.tok;
    if (this.p < this.toks.length - 1) this.p++;
    return t;
  }
  /** The current token's type (a method, so that TypeScript does not narrow it across `next()`). */
  protected is(type: TokenType): boolean {
    return this.tok.type === type;
  }
  protected isOp(v: string, t: Token = this.tok): boolean {
    return t.type === 'op' && t.value === v;
  }
  protected isKw(v: string, t: Token = this.tok): boolean {
    return t.type === 'keyword' && t.value === v;
  }
  protected text(t: Token): string {
    return quoteText(this.src.slice(t.start, t.end));
  }
  protected canStart(t: Token = this.tok): boolean {
    return startsValue(t) || (t.type === 'op' && (t.value === '-' || t.value === '+' || t.value === '~' || t.value === '...'));
  }

  protected fail(problem: ExpressionProblem): never {
    throw new Fail(problem);
  }

  /** Fails at the current token with the best explanation available. */
  protected unexpected(): never {
    const t = this.tok;
    if (t.type === 'error' && t.problem) this.fail(t.problem);
    const prev = this.p > 0 ? this.toks[this.p - 1] : undefined;
    if (t.type === 'name' && t.renamed) this.fail(keywordProblem(t));
    if (prev && prev.type === 'name' && prev.renamed) this.fail(keywordProblem(prev));
    if (t.type === 'end' || (t.type === 'newline' && this.peek().type === 'end')) {
      if (!prev) this.fail(syntax(0, this.src.length, 'The stop condition is empty; write an expression such as "metadata.loss < 0.1".'));
      this.fail(syntax(prev.start, prev.end, `The expression ends after "${this.text(prev)}"; something is missing there.`));
    }
    if (t.type === 'newline') {
      const what = prev ? `after "${this.text(prev)}"` : '';
      this.fail(syntax(t.start, t.end, `The expression is cut by a line break ${what}; a stop condition is one line, unless the line break is inside parentheses.`.replace('  ', ' ')));
    }
    if (prev?.type === 'newline') this.fail(syntax(t.start, t.end, `A second line starts with "${this.text(t)}"; a stop condition is a single expression (wrap it in parentheses to span lines).`));
    const adjacent = prev !== undefined && prev.end === t.start;
    if (this.isOp('=') && adjacent && prev && this.isOp('==', prev)) {
      this.fail(syntax(prev.start, t.end, 'Unexpected "===": compare with "==".', 'invalid syntax', { title: 'Write "=="', edits: [{ start: prev.start, end: t.end, text: '==' }] }));
    }
    if (this.isOp('=')) this.fail(syntax(t.start, t.end, 'Unexpected "=": compare with "==".', 'invalid syntax', { title: 'Write "=="', edits: [{ start: t.start, end: t.end, text: '==' }] }));
    for (const [op, word] of [['&', 'and'], ['|', 'or']] as const) {
      if (this.isOp(op) && adjacent && prev && this.isOp(op, prev)) {
        this.fail(syntax(prev.start, t.end, `Unexpected "${op}${op}": write "${word}".`, 'invalid syntax', { title: `Write "${word}"`, edits: [{ start: prev.start, end: t.end, text: spacedWord(this.src, prev.start, t.end, word) }] }));
      }
    }
    if (this.isOp('<>')) this.fail(syntax(t.start, t.end, 'Unexpected "<>": write "!=".', 'invalid syntax', { title: 'Write "!="', edits: [{ start: t.start, end: t.end, text: '!=' }] }));
    if (endsValue(prev) && startsValue(t) && prev) {
      this.fail(syntax(t.start, t.end, `Unexpected "${this.text(t)}": an operator is missing between "${this.text(prev)}" and "${this.text(t)}".`));
    }
    this.fail(syntax(t.start, t.end, `Unexpected "${this.text(t)}".`));
  }

  protected expectOp(v: string): Token {
    if (!this.isOp(v)) this.unexpected();
    return this.next();
  }
}
