// Checks a Valohai stop-condition expression the way valohai-yaml does with leval 1.4.0's verifier, and says where and
// why one fails. Facts: valohai-yaml's utils/expression_lint.py and leval 1.4.0; test/expression.test.ts
// has the cases.
//
// What valohai-yaml does, in order:
//  1. Renames every Python keyword except False None True and for in is not or (`if` becomes `_if`), so those words are
//     ordinary names: `class > 1` is fine, while `x if y else z`, `lambda: 1` and `import os` become syntax errors.
//  2. Parses the result as one Python 3.11 expression (any syntax error fails).
//  3. Walks the tree from the top (the expression itself at depth 0), failing at the first node that sits 8 levels
//     deep ("Expression is too complex (8 > 8)"), has no handler ("Operation List is not allowed"), or breaks a
//     handler's rule: one comparison operator per comparison, calls of plain names with positional arguments only,
//     attributes only on dotted names, constants of type str/int/float/bool/None, binary operators + - * / // only,
//     unary + - not only. Unary + and - are really applied to the operand's value (names, calls and operators stand for
//     True), so `-"a"` fails, and set elements must be hashable, so `{{1}}` fails.
// The tokenizer (tokenize.ts) and the parser (parse.ts) cover the whole Python expression grammar, so that the first
// problem is found in the same order; this file runs them and then leval's walk. Linear time, never throwing.

import type { Node } from './ast.js';
import { Parser } from './parse.js';
import { Fail, spacedWord, type ExpressionProblem } from './problem.js';
import { tokenize } from './tokenize.js';

/** valohai-yaml's `max_depth`: a node visited at this depth (the expression itself is at 0) is too deep. */
const EXPRESSION_MAX_DEPTH = 8;

/** Attribute chains deeper than this make Python's AST construction overflow (RecursionError) before leval runs. */
const MAX_ATTRIBUTE_CHAIN = 2900;

/** Verifies a stop-condition expression; undefined when valohai-yaml accepts it. Never throws. */
export function verifyExpression(expression: string): ExpressionProblem | undefined {
  try {
    const tokens = tokenize(expression);
    const tree = new Parser(expression, tokens).parseEval();
    new Walker(expression).visit(tree, 1);
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return e.problem;
    // Not reachable by design (bounded recursion); an exhausted stack still must not escape.
    return { start: 0, end: expression.length, kind: 'tooComplex', reason: 'The expression is too complex to check.', upstream: 'Expression is too complex' };
  }
}

// leval's walk

/** What a visited node evaluates to in the verifier, as far as the later checks care. */
type Value = 'number' | 'str' | 'none' | 'tuple' | 'unhashableTuple' | 'set';

const ALLOWED_BINARY = new Set(['+', '-', '*', '/', '//']);
const BINARY_NAMES: Record<string, string> = { '%': 'Mod', '**': 'Pow', '@': 'MatMult', '|': 'BitOr', '^': 'BitXor', '&': 'BitAnd', '<<': 'LShift', '>>': 'RShift' };
const PYTHON_TYPES: Record<Value, string> = { number: 'int', str: 'str', none: 'NoneType', tuple: 'tuple', unhashableTuple: 'tuple', set: 'set' };
const VALUE_WORDS: Record<Value, string> = { number: 'a number', str: 'a string', none: 'None', tuple: 'a tuple', unhashableTuple: 'a tuple', set: 'a set' };

const NOT_ALLOWED: Record<string, string> = {
  List: 'Lists ("[…]") are not supported in stop conditions; use a tuple "(…)" instead.',
  Dict: 'Dictionaries are not supported in stop conditions.',
  Subscript: 'Indexing and slicing ("a[…]") are not supported in stop conditions.',
  JoinedStr: 'f-strings are not supported in stop conditions.',
  ListComp: 'Comprehensions are not supported in stop conditions.',
  SetComp: 'Comprehensions are not supported in stop conditions.',
  DictComp: 'Comprehensions are not supported in stop conditions.',
  GeneratorExp: 'Generator expressions are not supported in stop conditions.',
  Starred: 'Unpacking with "*" is not supported in stop conditions.',
  NamedExpr: 'Assignment expressions (":=") are not supported in stop conditions.',
};

class Walker {
  constructor(private readonly src: string) {}

  private unsupported(start: number, end: number, reason: string, upstream: string, suggestion?: ExpressionProblem['suggestion']): never {
    throw new Fail(suggestion ? { start, end, kind: 'unsupported', reason, upstream, suggestion } : { start, end, kind: 'unsupported', reason, upstream });
  }

  visit(node: Node, depth: number): Value {
    if (depth >= EXPRESSION_MAX_DEPTH) {
      throw new Fail({
        start: node.start,
        end: node.end,
        kind: 'tooComplex',
        reason: `The expression is nested too deeply: Valohai allows at most ${EXPRESSION_MAX_DEPTH - 1} levels from the whole expression down to each single value (every operator, call, comparison and tuple is a level, and each operator of a chain such as "a + b + c" adds one).`,
        upstream: `Expression is too complex (${depth} > ${EXPRESSION_MAX_DEPTH})`,
      });
    }
    const d = depth + 1;
    switch (node.type) {
      case 'Compare':
        if (node.ops !== 1) this.unsupported(node.start, node.end, 'Chained comparisons such as "a < b < c" are not supported; join single comparisons with "and", as in "a < b and b < c".', 'Only simple comparisons are supported');
        this.visit(node.left, d);
        this.visit(node.comparators[0]!, d);
        return 'number';
      case 'Call':
        if (node.func.type !== 'Name') {
          const method = node.func.type === 'Attribute';
          this.unsupported(node.start, node.end, method ? 'Method calls such as "a.b()" are not supported; only plain function calls such as "f(x)" are.' : 'Only plain function calls such as "f(x)" are supported.', `Invalid call to func ${node.func.type}`);
        }
        if (node.keywords.length > 0) this.unsupported(node.keywords[0]!.start, node.keywords[0]!.end, 'Keyword arguments are not supported in stop conditions; pass arguments by position.', 'Kwarg calls are not allowed');
        for (const a of node.args) this.visit(a, d);
        return 'number';
      case 'Constant':
        switch (node.kind) {
          case 'str':
            return 'str';
          case 'none':
            return 'none';
          case 'bytes':
            return this.unsupported(node.start, node.end, 'Bytes literals are not supported in stop conditions.', 'Invalid constant (bytes)');
          case 'complex':
            return this.unsupported(node.start, node.end, 'Imaginary numbers are not supported in stop conditions.', 'Invalid constant (complex)');
          case 'ellipsis':
            return this.unsupported(node.start, node.end, '"..." is not supported in stop conditions.', 'Invalid constant (ellipsis)');
          default:
            return 'number';
        }
      case 'Name':
        return 'number';
      case 'Attribute': {
        let base: Node = node;
        let links = 0;
        while (base.type === 'Attribute') {
          base = base.value;
          links++;
        }
        if (base.type !== 'Name') this.unsupported(node.start, node.end, 'Attributes can only be read from dotted names such as "metadata.loss".', 'Unsupported attribute structure');
        if (links > MAX_ATTRIBUTE_CHAIN) this.unsupported(node.start, node.end, 'This dotted name is too long for Python to read.', 'maximum recursion depth exceeded during ast construction');
        return 'number';
      }
      case 'BinOp':
        this.visit(node.left, d);
        this.visit(node.right, d);
        if (!ALLOWED_BINARY.has(node.op)) {
          const word = node.op === '&' ? 'and' : node.op === '|' ? 'or' : undefined;
          const reason = word
            ? `The bitwise operator "${node.op}" is not supported; write "${word}" to combine conditions.`
            : `The operator "${node.op}" is not supported in stop conditions; only + - * / // and comparisons are.`;
          const suggestion = word ? { title: `Write "${word}"`, edits: [{ start: node.opStart, end: node.opEnd, text: spacedWord(this.src, node.opStart, node.opEnd, word) }] } : undefined;
          this.unsupported(node.opStart, node.opEnd, reason, `Binary operator ${BINARY_NAMES[node.op] ?? node.op} is not allowed`, suggestion);
        }
        return 'number';
      case 'BoolOp':
        for (const v of node.values) this.visit(v, d);
        return 'number';
      case 'UnaryOp': {
        const operand = this.visit(node.operand, d);
        if (node.op === '~') this.unsupported(node.start, node.start + 1, 'The operator "~" is not supported in stop conditions.', 'invalid unary op: Invert');
        if (node.op !== 'not' && operand !== 'number') {
          this.unsupported(node.start, node.end, `"${node.op}" cannot be applied to ${VALUE_WORDS[operand]}.`, `bad operand type for unary ${node.op}: '${PYTHON_TYPES[operand]}'`);
        }
        return 'number';
      }
      case 'Set':
        for (const e of node.elts) {
          const v = this.visit(e, d);
          if (v === 'set' || v === 'unhashableTuple') this.unsupported(e.start, e.end, 'A set cannot contain a set, or a tuple that contains one.', "unhashable type: 'set'");
        }
        return 'set';
      case 'Tuple': {
        let unhashable = false;
        for (const e of node.elts) {
          const v = this.visit(e, d);
          if (v === 'set' || v === 'unhashableTuple') unhashable = true;
        }
        return unhashable ? 'unhashableTuple' : 'tuple';
      }
      case 'List':
        return this.unsupported(node.start, node.end, NOT_ALLOWED['List']!, 'Operation List is not allowed', this.listToTuple(node));
      default:
        return this.unsupported(node.start, node.end, NOT_ALLOWED[node.type] ?? `"${node.type}" is not supported in stop conditions.`, `Operation ${node.type} is not allowed`);
    }
  }

  /** `[a, b]` → `(a, b)` and `[a]` → `(a,)`. */
  private listToTuple(node: Node & { type: 'List' }): ExpressionProblem['suggestion'] {
    const close = node.end - 1;
    const comma = node.elts.length === 1 && !node.trailingComma ? ',' : '';
    const tuple = `(${this.src.slice(node.start + 1, close)}${comma})`;
    return { title: tuple.length <= 40 ? `Write "${tuple}"` : 'Use a tuple "(…)"', edits: [{ start: node.start, end: node.start + 1, text: '(' }, { start: close, end: node.end, text: `${comma})` }] };
  }
}
