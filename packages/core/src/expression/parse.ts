// A recursive-descent parser for the whole Python 3.11 expression grammar, building the tree leval walks, so that
// syntax errors are found where Python finds them. Atoms and brackets are in displays.ts.

import { at, type Base, type Node } from './ast.js';
import { DisplayParser } from './displays.js';
import { quoteText, syntax } from './problem.js';
import type { Token } from './token.js';

const BINARY_LEVELS: readonly (readonly string[])[] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];
const COMPARISON_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);

export class Parser extends DisplayParser {
  parseEval(): Node {
    const body = this.parseExpressions();
    while (this.is('newline')) this.next();
    if (!this.is('end')) this.unexpected();
    return body;
  }

  /** `a` or the tuple `a, b, …` (no starred items at the top). */
  private parseExpressions(): Node {
    const first = this.parseExpression();
    if (!this.isOp(',')) return first;
    const elts = [first];
    let end = first.oend;
    while (this.isOp(',')) {
      end = this.next().end;
      if (!this.canStart()) break;
      const e = this.parseExpression();
      elts.push(e);
      end = e.oend;
    }
    return { type: 'Tuple', elts, ...at(first.ostart, end) };
  }

  protected override parseExpression(): Node {
    return this.parseDisjunction();
  }

  private parseNamedExpression(): Node {
    if (this.tok.type === 'name' && this.isOp(':=', this.peek())) {
      const name = this.next();
      this.next();
      const value = this.parseExpression();
      return { type: 'NamedExpr', ...at(name.start, value.oend) };
    }
    return this.parseExpression();
  }

  protected override parseStarNamed(): Node {
    if (this.isOp('*')) {
      const star = this.next();
      const value = this.parseBinary(0);
      return { type: 'Starred', value, ...at(star.start, value.oend) };
    }
    return this.parseNamedExpression();
  }

  private parseBoolChain(word: 'or' | 'and'): Node {
    const operand = (): Node => (word === 'or' ? this.parseBoolChain('and') : this.parseInversion());
    const first = operand();
    if (!this.isKw(word)) return first;
    const values = [first];
    while (this.isKw(word)) {
      this.next();
      values.push(operand());
    }
    return { type: 'BoolOp', values, ...at(first.ostart, values[values.length - 1]!.oend) };
  }

  private parseDisjunction(): Node {
    return this.parseBoolChain('or');
  }

  private parseInversion(): Node {
    const nots: Token[] = [];
    while (this.isKw('not')) nots.push(this.next());
    let node = this.parseComparison();
    for (let k = nots.length - 1; k >= 0; k--) node = { type: 'UnaryOp', op: 'not', operand: node, ...at(nots[k]!.start, node.oend) };
    return node;
  }

  private parseComparison(): Node {
    const left = this.parseBinary(0);
    const comparators: Node[] = [];
    for (;;) {
      const t = this.tok;
      if (t.type === 'op' && COMPARISON_OPS.has(t.value)) this.next();
      else if (this.isKw('in')) this.next();
      else if (this.isKw('not') && this.isKw('in', this.peek())) {
        this.next();
        this.next();
      } else if (this.isKw('is')) {
        this.next();
        if (this.isKw('not')) this.next();
      } else break;
      comparators.push(this.parseBinary(0));
    }
    if (comparators.length === 0) return left;
    return { type: 'Compare', left, ops: comparators.length, comparators, ...at(left.ostart, comparators[comparators.length - 1]!.oend) };
  }

  /** Binary operator levels from `|` (0) to `* / // % @` (5); level 6 is the unary/power level. */
  protected override parseBinary(level: number): Node {
    if (level >= BINARY_LEVELS.length) return this.parseFactor();
    const ops = BINARY_LEVELS[level]!;
    let left = this.parseBinary(level + 1);
    while (this.tok.type === 'op' && ops.includes(this.tok.value)) {
      const op = this.next();
      const right = this.parseBinary(level + 1);
      left = { type: 'BinOp', op: op.value, opStart: op.start, opEnd: op.end, left, right, ...at(left.ostart, right.oend) };
    }
    return left;
  }

  private unary(prefix: Token[], operand: Node): Node {
    let node = operand;
    for (let k = prefix.length - 1; k >= 0; k--) node = { type: 'UnaryOp', op: prefix[k]!.value, operand: node, ...at(prefix[k]!.start, node.oend) };
    return node;
  }

  /** `factor: (+|-|~) factor | primary ['**' factor]`, iteratively (long chains must not exhaust the stack). */
  private parseFactor(): Node {
    const frames: { prefix: Token[]; base: Node; op: Token }[] = [];
    for (;;) {
      const prefix: Token[] = [];
      while (this.tok.type === 'op' && (this.tok.value === '+' || this.tok.value === '-' || this.tok.value === '~')) prefix.push(this.next());
      const base = this.parsePrimary();
      if (this.isOp('**')) {
        frames.push({ prefix, base, op: this.next() });
        continue;
      }
      let node = this.unary(prefix, base);
      for (let f = frames.pop(); f; f = frames.pop()) {
        const power: Node = { type: 'BinOp', op: '**', opStart: f.op.start, opEnd: f.op.end, left: f.base, right: node, ...at(f.base.ostart, node.oend) };
        node = this.unary(f.prefix, power);
      }
      return node;
    }
  }

  private parsePrimary(): Node {
    let node = this.parseAtom();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const name = this.tok;
        if (name.type !== 'name') this.unexpected();
        this.next();
        node = { type: 'Attribute', value: node, ...at(node.ostart, name.end) };
      } else if (this.isOp('(')) node = this.parseCall(node);
      else if (this.isOp('[')) node = this.parseSubscript(node);
      else return node;
    }
  }

  private parseCall(func: Node): Node {
    this.next();
    const args: Node[] = [];
    const keywords: Base[] = [];
    let keywordSeen = false;
    let doubleStarSeen = false;
    while (!this.isOp(')')) {
      const t = this.tok;
      if (this.isOp('*')) {
        this.next();
        const value = this.parseExpression();
        if (doubleStarSeen) this.fail(syntax(t.start, value.oend, '"*" unpacking cannot follow "**" unpacking in a call.', 'iterable argument unpacking follows keyword argument unpacking'));
        args.push({ type: 'Starred', value, ...at(t.start, value.oend) });
      } else if (this.isOp('**')) {
        this.next();
        const value = this.parseExpression();
        keywords.push(at(t.start, value.oend));
        doubleStarSeen = true;
      } else if (t.type === 'name' && this.isOp('=', this.peek())) {
        this.next();
        this.next();
        const value = this.parseExpression();
        keywords.push(at(t.start, value.oend));
        keywordSeen = true;
      } else {
        const e = this.parseNamedExpression();
        if (this.isKw('for')) {
          this.parseComprehension();
          const g: Node = { type: 'GeneratorExp', ...at(e.ostart, this.toks[this.p - 1]!.end) };
          if (args.length > 0 || keywords.length > 0 || !this.isOp(')')) this.fail(syntax(g.start, g.end, 'A generator expression must be in parentheses unless it is the only argument.', 'Generator expression must be parenthesized'));
          args.push(g);
        } else {
          if (doubleStarSeen) this.fail(syntax(e.start, e.end, 'A positional argument cannot follow "**" unpacking.', 'positional argument follows keyword argument unpacking'));
          if (keywordSeen) this.fail(syntax(e.start, e.end, 'A positional argument cannot follow a keyword argument.', 'positional argument follows keyword argument'));
          args.push(e);
        }
      }
      if (this.isOp(',')) {
        this.next();
        continue;
      }
      if (!this.isOp(')')) this.unexpected();
    }
    const close = this.next();
    return { type: 'Call', func, args, keywords, ...at(func.ostart, close.end) };
  }

  private parseSubscript(value: Node): Node {
    this.next();
    this.parseSliceItem();
    this.commaList(']', () => this.parseSliceItem());
    const close = this.expectOp(']');
    return { type: 'Subscript', ...at(value.ostart, close.end) };
  }

  private parseSliceItem(): void {
    if (this.isOp('*')) {
      this.next();
      this.parseBinary(0);
      return;
    }
    let lower = false;
    if (!this.isOp(':')) {
      this.parseNamedExpression();
      lower = true;
    }
    if (this.isOp(':')) {
      this.next();
      if (this.canStart()) this.parseExpression();
      if (this.isOp(':')) {
        this.next();
        if (this.canStart()) this.parseExpression();
      }
    } else if (!lower) this.unexpected();
  }

  /** `for targets in iterable` clauses (no `if` clauses: valohai-yaml renames `if`). */
  protected override parseComprehension(): void {
    while (this.isKw('for')) {
      this.next();
      for (;;) {
        const target = this.isOp('*') ? this.parseStarNamed() : this.parseBinary(0);
        this.checkTarget(target);
        if (!this.isOp(',')) break;
        this.next();
        if (this.isKw('in')) break;
      }
      if (!this.isKw('in')) this.unexpected();
      this.next();
      this.parseDisjunction();
    }
  }

  private checkTarget(node: Node): void {
    switch (node.type) {
      case 'Name':
      case 'Attribute':
      case 'Subscript':
        return;
      case 'Starred':
        this.checkTarget(node.value);
        return;
      case 'Tuple':
      case 'List':
        for (const e of node.elts) this.checkTarget(e);
        return;
      default:
        this.fail(syntax(node.start, node.end, `"${quoteText(this.src.slice(node.start, node.end))}" cannot be the target of a "for" clause.`, 'cannot assign to expression'));
    }
  }
}
