// The grammar's atoms: names, constants, strings, and the bracketed forms (parentheses, tuples, lists, sets, dicts
// and comprehensions).

import { at, type Node } from './ast.js';
import { TokenCursor } from './cursor.js';
import { syntax } from './problem.js';

export abstract class DisplayParser extends TokenCursor {
  // The operator grammar (parse.ts) defines these; brackets hold whole expressions, so atoms need them back.
  protected abstract parseExpression(): Node;
  protected abstract parseStarNamed(): Node;
  protected abstract parseBinary(level: number): Node;
  protected abstract parseComprehension(): void;

  /** After a first item: `, item` until `close` or no more commas; true when a comma stood right before `close`. */
  protected commaList(close: string, item: () => unknown): boolean {
    while (this.isOp(',')) {
      this.next();
      if (this.isOp(close)) return true;
      item();
    }
    return false;
  }

  protected parseAtom(): Node {
    const t = this.tok;
    switch (t.type) {
      case 'name':
        this.next();
        return { type: 'Name', id: t.value, ...at(t.start, t.end) };
      case 'keyword':
        if (t.value === 'True' || t.value === 'False' || t.value === 'None') {
          this.next();
          return { type: 'Constant', kind: t.value === 'None' ? 'none' : 'bool', ...at(t.start, t.end) };
        }
        return this.unexpected();
      case 'number':
        this.next();
        return { type: 'Constant', kind: t.numberKind ?? 'int', ...at(t.start, t.end) };
      case 'string':
        return this.parseStrings();
      case 'op':
        if (t.value === '...') {
          this.next();
          return { type: 'Constant', kind: 'ellipsis', ...at(t.start, t.end) };
        }
        if (t.value === '(') return this.parseParen();
        if (t.value === '[') return this.parseList();
        if (t.value === '{') return this.parseBrace();
        return this.unexpected();
      default:
        return this.unexpected();
    }
  }

  private parseStrings(): Node {
    const first = this.tok;
    let last = first;
    let bytes = false;
    let text = false;
    let fstring = false;
    while (this.tok.type === 'string') {
      last = this.next();
      if (last.stringKind === 'bytes') bytes = true;
      else text = true;
      if (last.stringKind === 'fstring') fstring = true;
    }
    if (bytes && text) this.fail(syntax(first.start, last.end, 'Bytes and text strings cannot be joined.', 'cannot mix bytes and nonbytes literals'));
    if (fstring) return { type: 'JoinedStr', ...at(first.start, last.end) };
    return { type: 'Constant', kind: bytes ? 'bytes' : 'str', ...at(first.start, last.end) };
  }

  private parseParen(): Node {
    const open = this.next();
    if (this.isOp(')')) {
      const close = this.next();
      return { type: 'Tuple', elts: [], ...at(open.start, close.end) };
    }
    const first = this.parseStarNamed();
    if (this.isKw('for') && first.type !== 'Starred') {
      this.parseComprehension();
      const close = this.expectOp(')');
      return { type: 'GeneratorExp', ...at(open.start, close.end) };
    }
    if (this.isOp(',')) {
      const elts = [first];
      this.commaList(')', () => elts.push(this.parseStarNamed()));
      const close = this.expectOp(')');
      return { type: 'Tuple', elts, ...at(open.start, close.end) };
    }
    const close = this.expectOp(')');
    if (first.type === 'Starred') this.fail(syntax(first.start, first.end, '"*" unpacking cannot be used here.', 'cannot use starred expression here'));
    first.ostart = open.start;
    first.oend = close.end;
    return first;
  }

  private parseList(): Node {
    const open = this.next();
    const elts: Node[] = [];
    let trailingComma = false;
    if (!this.isOp(']')) {
      const first = this.parseStarNamed();
      if (this.isKw('for') && first.type !== 'Starred') {
        this.parseComprehension();
        const close = this.expectOp(']');
        return { type: 'ListComp', ...at(open.start, close.end) };
      }
      elts.push(first);
      trailingComma = this.commaList(']', () => elts.push(this.parseStarNamed()));
    }
    const close = this.expectOp(']');
    return { type: 'List', elts, trailingComma, ...at(open.start, close.end) };
  }

  private parseDictItem(): void {
    if (this.isOp('**')) {
      this.next();
      this.parseBinary(0);
      return;
    }
    this.parseExpression();
    this.expectOp(':');
    this.parseExpression();
  }

  private parseBrace(): Node {
    const open = this.next();
    if (this.isOp('}')) {
      const close = this.next();
      return { type: 'Dict', ...at(open.start, close.end) };
    }
    const dictRest = (): Node => {
      this.commaList('}', () => this.parseDictItem());
      const close = this.expectOp('}');
      return { type: 'Dict', ...at(open.start, close.end) };
    };
    if (this.isOp('**')) {
      this.parseDictItem();
      return dictRest();
    }
    const first = this.parseStarNamed();
    if (this.isOp(':') && first.type !== 'Starred') {
      this.next();
      this.parseExpression();
      if (this.isKw('for')) {
        this.parseComprehension();
        const close = this.expectOp('}');
        return { type: 'DictComp', ...at(open.start, close.end) };
      }
      return dictRest();
    }
    if (this.isKw('for') && first.type !== 'Starred') {
      this.parseComprehension();
      const close = this.expectOp('}');
      return { type: 'SetComp', ...at(open.start, close.end) };
    }
    const elts = [first];
    this.commaList('}', () => elts.push(this.parseStarNamed()));
    const close = this.expectOp('}');
    return { type: 'Set', elts, ...at(open.start, close.end) };
  }
}
