// Stop-condition expressions checked as valohai-yaml checks them with leval 1.4.0 (valohai-yaml's utils/expression_lint.py;
// corpus p17c, p24 and upstream/*stop-condition*). `upstream` is valohai-yaml's reason (reprs replaced by class names);
// for syntax errors only the kind is compared, since Python's wording varies between versions.
import { describe, expect, it } from 'vitest';
import { verifyExpression } from '../src/expression/index.js';
import { tokenize } from '../src/expression/tokenize.js';

describe('accepted', () => {
  it.each([
    { what: 'upstream valid example', expr: 'stop > 1' },
    { what: 'p17: comparison and "and"', expr: 'metadata.loss < 0.1 and epoch >= 3' },
    { what: 'p24: call, dotted name, in-tuple, or, not', expr: 'f(x) and a.b.c in (1, 2) or not y' },
    { what: 'a keyword that valohai-yaml renames is a plain name', expr: 'class > 1' },
    { what: 'renamed keyword as an attribute', expr: 'metadata.if > 1' },
    { what: 'soft keywords are names', expr: 'match == case' },
    { what: 'yield alone is just a name once renamed', expr: 'yield' },
    { what: 'string, int, float, bool and None constants', expr: '("a", 1, 1.5, True, None)' },
    { what: 'sets', expr: 'x in {1, 2, (3, 4)}' },
    { what: 'empty tuple', expr: 'x in ()' },
    { what: 'unary plus, minus and not', expr: '-x + +1 > -(not y)' },
    { what: 'all allowed binary operators', expr: 'a + b - c * d / e // f > 0' },
    { what: 'every comparison operator, one at a time', expr: '(a == b) and (a != b) and (a < b) and (a <= b) and (a >= b) and (a not in b) and (a is b) and (a is not b)' },
    { what: 'nested comparisons in parentheses are single comparisons', expr: '(a < b) < c' },
    { what: 'calls with positional arguments', expr: 'max(a, b, 3) >= min(c)' },
    { what: 'a parenthesised name can be called', expr: '(f)(x)' },
    { what: 'top-level tuple without parentheses', expr: 'a, b' },
    { what: 'string concatenation', expr: 'x == "a" "b"' },
    { what: 'raw and unicode strings', expr: 'x == r"\\d" or x == u"y"' },
    { what: 'comments and a trailing newline', expr: 'x > 1  # stop early\n' },
    { what: 'line breaks inside parentheses', expr: '(x >\n 1)' },
    { what: 'backslash line continuation', expr: 'x > \\\n1' },
    { what: 'leading blank line', expr: '\nx > 1' },
    { what: 'a number followed by "and" with no space (Python 3.11 accepts it)', expr: 'x>=1and y' },
    { what: 'non-ASCII names', expr: 'été > 1' },
    { what: 'number forms', expr: 'x in (1_000, 0x1f, 0o17, 0b1, 1e-3, .5, 5., 00)' },
    { what: 'seven levels deep', expr: 'x+1+1+1+1+1+1' },
    { what: 'a flat and-chain of any length', expr: 'a and b and c and d and e and f and g and h and i and j' },
    { what: '200 nested parentheses', expr: `${'('.repeat(200)}x${')'.repeat(200)}` },
    { what: 'a long dotted name', expr: `${'a.'.repeat(2000)}b` },
    { what: 'a string with a keyword inside', expr: 'x == "if else"' },
  ])('$what', ({ expr }) => {
    expect(verifyExpression(expr)).toBeUndefined();
  });
});

describe('rejected', () => {
  it.each([
    // corpus
    { what: 'p24: assignment', expr: 'x =', kind: 'syntax', at: '=' },
    { what: 'p24: list', expr: '[1,2]', kind: 'unsupported', upstream: 'Operation List is not allowed', at: '[1,2]' },
    { what: 'p24: conditional expression', expr: 'x if y else z', kind: 'syntax', at: 'if' },
    { what: 'p24: chained comparison', expr: 'a < b < c', kind: 'unsupported', upstream: 'Only simple comparisons are supported', at: 'a < b < c' },
    { what: 'p24: too deep', expr: '((((((((((x))))))))))+1+1+1+1+1+1+1+1+1', kind: 'tooComplex', upstream: 'Expression is too complex (8 > 8)', at: '((((((((((x))))))))))+1+1' },
    { what: 'p17c: import statement', expr: 'import os', kind: 'syntax', at: 'import' },
    { what: 'upstream: words without operators', expr: 'stop me if you can', kind: 'syntax', at: 'me' },
    { what: 'upstream: unterminated string', expr: "can't stop me now", kind: 'syntax', upstream: 'unterminated string literal (detected at line 1)', at: "'t stop me now" },
    { what: 'lambda', expr: 'lambda: 1', kind: 'syntax', at: 'lambda' },
    { what: 'dictionary', expr: '{"a": 1}', kind: 'unsupported', upstream: 'Operation Dict is not allowed' },
    { what: 'empty braces are a dictionary', expr: 'x == {}', kind: 'unsupported', upstream: 'Operation Dict is not allowed', at: '{}' },
    { what: 'subscript', expr: 'a[0] > 1', kind: 'unsupported', upstream: 'Operation Subscript is not allowed', at: 'a[0]' },
    { what: 'slice', expr: 'a[1:2]', kind: 'unsupported', upstream: 'Operation Subscript is not allowed' },
    { what: 'f-string', expr: 'x == f"{y}"', kind: 'unsupported', upstream: 'Operation JoinedStr is not allowed', at: 'f"{y}"' },
    { what: 'list comprehension', expr: '[x for x in y]', kind: 'unsupported', upstream: 'Operation ListComp is not allowed' },
    { what: 'set comprehension', expr: '{x for x in y}', kind: 'unsupported', upstream: 'Operation SetComp is not allowed' },
    { what: 'generator argument', expr: 'any(x for x in y)', kind: 'unsupported', upstream: 'Operation GeneratorExp is not allowed', at: 'x for x in y' },
    { what: 'comprehension with if: renamed keyword', expr: '[x for x in y if x]', kind: 'syntax', at: 'if' },
    { what: 'modulo', expr: 'epoch % 10 == 0', kind: 'unsupported', upstream: 'Binary operator Mod is not allowed', at: '%' },
    { what: 'power', expr: 'x ** 2 > 4', kind: 'unsupported', upstream: 'Binary operator Pow is not allowed', at: '**' },
    { what: 'bitwise and', expr: '(a > 1) & (b > 2)', kind: 'unsupported', upstream: 'Binary operator BitAnd is not allowed', at: '&' },
    { what: 'bitwise or', expr: 'a | b', kind: 'unsupported', upstream: 'Binary operator BitOr is not allowed' },
    { what: 'shift', expr: 'a << 1', kind: 'unsupported', upstream: 'Binary operator LShift is not allowed' },
    { what: 'matrix multiplication', expr: 'a @ b', kind: 'unsupported', upstream: 'Binary operator MatMult is not allowed' },
    { what: 'invert', expr: '~x', kind: 'unsupported', upstream: 'invalid unary op: Invert', at: '~' },
    { what: 'keyword argument', expr: 'f(a=1)', kind: 'unsupported', upstream: 'Kwarg calls are not allowed', at: 'a=1' },
    { what: '** argument', expr: 'f(**a)', kind: 'unsupported', upstream: 'Kwarg calls are not allowed', at: '**a' },
    { what: '* argument', expr: 'f(*a)', kind: 'unsupported', upstream: 'Operation Starred is not allowed', at: '*a' },
    { what: 'method call', expr: 'a.b() > 1', kind: 'unsupported', upstream: 'Invalid call to func Attribute', at: 'a.b()' },
    { what: 'call of a call', expr: 'f(1)(2)', kind: 'unsupported', upstream: 'Invalid call to func Call' },
    { what: 'attribute of a literal', expr: '"s".x', kind: 'unsupported', upstream: 'Unsupported attribute structure' },
    { what: 'attribute of a call', expr: 'f(x).y', kind: 'unsupported', upstream: 'Unsupported attribute structure' },
    { what: 'attribute of a parenthesised number', expr: '(1).real', kind: 'unsupported', upstream: 'Unsupported attribute structure' },
    { what: 'walrus', expr: '(x := 1)', kind: 'unsupported', upstream: 'Operation NamedExpr is not allowed' },
    { what: 'bytes constant', expr: 'x == b"a"', kind: 'unsupported', upstream: 'Invalid constant (bytes)', at: 'b"a"' },
    { what: 'complex constant', expr: 'x == 1j', kind: 'unsupported', upstream: 'Invalid constant (complex)' },
    { what: 'ellipsis', expr: 'x == ...', kind: 'unsupported', upstream: 'Invalid constant (ellipsis)' },
    { what: 'unary minus of a string is evaluated and fails', expr: '-"a" == x', kind: 'unsupported', upstream: "bad operand type for unary -: 'str'", at: '-"a"' },
    { what: 'unary plus of None', expr: '+None', kind: 'unsupported', upstream: "bad operand type for unary +: 'NoneType'" },
    { what: 'unary minus of a tuple', expr: '-(1,)', kind: 'unsupported', upstream: "bad operand type for unary -: 'tuple'" },
    { what: 'a set inside a set is unhashable', expr: '{{1}}', kind: 'unsupported', upstream: "unhashable type: 'set'", at: '{1}' },
    { what: 'a set inside a tuple inside a set', expr: '{(1, {2})}', kind: 'unsupported', upstream: "unhashable type: 'set'" },
    { what: 'eight levels: seven additions', expr: 'x+1+1+1+1+1+1+1', kind: 'tooComplex', upstream: 'Expression is too complex (8 > 8)', at: 'x' },
    { what: 'depth counts unary operators', expr: 'not not not not not not not x', kind: 'tooComplex', at: 'x' },
    { what: 'depth is checked before the node type', expr: 'f(f(f(f(f(f(f([])))))))', kind: 'tooComplex', at: '[]' },
    { what: 'walk order: left operand first', expr: '[1] + {}', kind: 'unsupported', upstream: 'Operation List is not allowed' },
    { what: 'walk order: operator checked after both operands', expr: '[1] % 2', kind: 'unsupported', upstream: 'Operation List is not allowed' },
    { what: 'walk order: chained check before operands', expr: '[1] < 2 < 3', kind: 'unsupported', upstream: 'Only simple comparisons are supported' },
    { what: 'walk order: keywords before arguments', expr: 'f([1], k=2)', kind: 'unsupported', upstream: 'Kwarg calls are not allowed' },
    { what: 'syntax errors come before everything else', expr: '[1] and (x if y else z)', kind: 'syntax', at: 'if' },
    // syntax
    { what: 'empty expression', expr: '', kind: 'syntax' },
    { what: 'only whitespace', expr: '   ', kind: 'syntax' },
    { what: 'only a comment', expr: '# nothing', kind: 'syntax' },
    { what: 'leading whitespace is an unexpected indent', expr: ' x > 1', kind: 'syntax', upstream: 'unexpected indent', at: ' ' },
    { what: 'a second line', expr: 'x > 1\ny < 2', kind: 'syntax', at: 'y' },
    { what: 'line break outside parentheses', expr: 'x >\n1', kind: 'syntax' },
    { what: 'expression ends early', expr: 'x >', kind: 'syntax', at: '>' },
    { what: '&& instead of and', expr: 'a && b', kind: 'syntax', at: '&&' },
    { what: '|| instead of or', expr: 'a || b', kind: 'syntax', at: '||' },
    { what: '! instead of not', expr: '!a', kind: 'syntax', at: '!' },
    { what: '=== instead of ==', expr: 'a === b', kind: 'syntax', at: '===' },
    { what: '<> instead of !=', expr: 'a <> b', kind: 'syntax', at: '<>' },
    { what: 'not between operands', expr: 'a not b', kind: 'syntax' },
    { what: 'not after a comparison operator', expr: 'x == not y', kind: 'syntax', at: 'not' },
    { what: 'unclosed parenthesis', expr: 'f(x', kind: 'syntax', upstream: "'(' was never closed", at: '(' },
    { what: 'unmatched closing bracket', expr: 'x)', kind: 'syntax', upstream: "unmatched ')'" },
    { what: 'mismatched brackets', expr: '(x]', kind: 'syntax' },
    { what: '201 nested parentheses', expr: `${'('.repeat(201)}x${')'.repeat(201)}`, kind: 'syntax', upstream: 'too many nested parentheses' },
    { what: 'leading zero', expr: 'x == 012', kind: 'syntax', at: '012' },
    { what: 'number glued to a word', expr: 'x == 1abc', kind: 'syntax' },
    { what: 'number glued to a renamed keyword', expr: '1if x else y', kind: 'syntax' },
    { what: 'bad escape in a string', expr: 'x == "\\x4"', kind: 'syntax', at: '\\x4' },
    { what: 'mixing bytes and text', expr: '"a" b"b"', kind: 'syntax' },
    { what: 'invalid character', expr: 'x $ y', kind: 'syntax', at: '$' },
    { what: 'non-breaking space', expr: 'x\u00a0> 1', kind: 'syntax', at: '\u00a0' },
    { what: 'starred at the top', expr: '*a, b', kind: 'syntax' },
    { what: 'generator needs parentheses next to other arguments', expr: 'f(x for x in y, 1)', kind: 'syntax' },
    { what: 'positional after keyword argument', expr: 'f(a=1, b)', kind: 'syntax' },
    { what: 'literal as a comprehension target', expr: '[x for 1 in y]', kind: 'syntax' },
    { what: 'keyword after a dot', expr: 'x.True', kind: 'syntax' },
    { what: 'f-string with a single }', expr: 'f"}"', kind: 'syntax' },
    { what: 'f-string with an empty field', expr: 'f"{}"', kind: 'syntax' },
    { what: 'unterminated triple-quoted string', expr: '"""abc', kind: 'syntax' },
    { what: 'await is renamed', expr: 'await x', kind: 'syntax', at: 'await' },
  ])('$what', ({ expr, kind, upstream, at }) => {
    const p = verifyExpression(expr);
    expect(p, 'expected a problem').toBeDefined();
    if (!p) return;
    expect(p.kind).toBe(kind);
    if (upstream !== undefined) expect(p.upstream).toBe(upstream);
    if (at !== undefined) expect(expr.slice(p.start, p.end)).toBe(at);
    expect(p.reason.length).toBeGreaterThan(0);
    expect(p.start).toBeLessThanOrEqual(p.end);
    expect(p.end).toBeLessThanOrEqual(expr.length);
  });
});

describe('suggestions', () => {
  it.each([
    { what: '= → ==', expr: 'x = 1', fixed: 'x == 1' },
    { what: '&& → and', expr: 'a&&b', fixed: 'a and b' },
    { what: '|| → or', expr: 'a || b', fixed: 'a or b' },
    { what: '& → and', expr: '(a) & (b)', fixed: '(a) and (b)' },
    { what: '<> → !=', expr: 'a <> b', fixed: 'a != b' },
    { what: 'list → tuple', expr: "x in ['a', 'b']", fixed: "x in ('a', 'b')" },
    { what: 'one-element list → tuple with a comma', expr: 'x in [1]', fixed: 'x in (1,)' },
  ])('$what', ({ expr, fixed }) => {
    const s = verifyExpression(expr)?.suggestion;
    expect(s).toBeDefined();
    let out = expr;
    for (const e of [...(s?.edits ?? [])].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    expect(out).toBe(fixed);
    expect(verifyExpression(out)).toBeUndefined();
  });
});

describe('bounds', () => {
  const TOO_DEEP = { kind: 'tooComplex', upstream: 'Expression is too complex (8 > 8)' } as const;
  /** Characters that Python's tokenizer accepts in any order (no digits, quotes, brackets, "!", "#" or "\\"), picked by xorshift. */
  const tokenizable = (length: number): string => {
    const pool = 'abxyzAZ_éλß中 +-*/%&|^~<>=.,:@;';
    let x = 1;
    return Array.from({ length }, (_, i) => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      return i === 0 ? 'a' : pool.charAt(x % pool.length); // a leading blank would be an indent error
    }).join('');
  };
  it.each([
    { what: 'a flat chain of and', expr: Array.from({ length: 12_500 }, (_, i) => `a${i} > 1`).join(' and '), expected: undefined },
    { what: 'a long addition chain', expr: `${'x+'.repeat(50_000)}1`, expected: TOO_DEEP },
    { what: 'many unary minus signs', expr: `${'-'.repeat(100_000)}1`, expected: TOO_DEEP },
    { what: 'many nots', expr: `${'not '.repeat(25_000)}x`, expected: TOO_DEEP },
    { what: 'a power chain', expr: `${'x**'.repeat(33_000)}1`, expected: TOO_DEEP },
    { what: 'a huge tuple', expr: `(${'a,'.repeat(50_000)})`, expected: undefined },
    { what: 'deep brackets', expr: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, expected: { kind: 'syntax', upstream: 'too many nested parentheses' } },
    { what: 'a long string', expr: `"${'a'.repeat(100_000)}"`, expected: undefined },
    { what: 'an unterminated long string', expr: `"${'a'.repeat(100_000)}`, expected: { kind: 'syntax', upstream: 'unterminated string literal (detected at line 1)' } },
    { what: 'a long comparison chain', expr: `${'a<'.repeat(50_000)}b`, expected: { kind: 'unsupported', upstream: 'Only simple comparisons are supported' } },
    { what: 'a very long dotted name', expr: `${'a.'.repeat(50_000)}b`, expected: { kind: 'unsupported', upstream: 'maximum recursion depth exceeded during ast construction' } },
    { what: 'random tokenizable characters', expr: tokenizable(100_000), expected: { kind: 'syntax', upstream: 'invalid syntax', reason: 'Unexpected ";".', start: 8, end: 9 } },
  ])('100,000 characters in linear time, the real outcome (not the fallback): $what', ({ expr, expected }) => {
    expect(expr.length).toBeGreaterThanOrEqual(99_000);
    const start = performance.now();
    const problem = verifyExpression(expr);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(problem?.reason).not.toBe('The expression is too complex to check.');
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatchObject(expected);
  });

  it('the random characters are all tokenized: the tokenizer walks the whole input', () => {
    const expr = tokenizable(100_000);
    const tokens = tokenize(expr);
    expect(tokens.some((t) => t.type === 'error')).toBe(false);
    expect(tokens.at(-1)).toMatchObject({ type: 'end', start: 100_000 });
    expect(tokens.length).toBeGreaterThan(50_000);
  });

  it('a long dotted name beyond what Python can build is rejected', () => {
    expect(verifyExpression(`${'a.'.repeat(50_000)}b`)?.kind).toBe('unsupported');
  });
});
