// The fast parsing path, construct by construct: each text here must be read by the fast path and give exactly what
// the `yaml` path gives (tree, spans, values, findings; compared through test/helpers/parse-dump.ts), and each reason
// to leave a text to `yaml` has an example that must give up for that reason. The corpus, generated texts and the
// linear-work check are in test/fast-parse.test.ts.
import { describe, expect, it } from 'vitest';
import { parseValohaiYaml } from '../src/document/parse.js';
import { estimateNesting, MAX_SCAN_DEPTH } from '../src/document/syntax-errors.js';
import { tryFastParse } from '../src/document/fast-parse.js';
import { GIVE_UP_REASONS, type GiveUpReason } from '../src/document/fast-text.js';
import { dumpParse } from '../../../test/helpers/parse-dump.js';

/** The fast path reads `text`, without syntax findings on the `yaml` path, and gives the same result. */
function expectSame(text: string): void {
  const slow = parseValohaiYaml(text, { fast: false });
  expect(slow.syntax, 'the yaml path reads it without syntax findings').toEqual([]);
  const outcome = tryFastParse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  expect(outcome.handled ? 'handled' : outcome.reason).toBe('handled');
  expect(dumpParse(parseValohaiYaml(text))).toEqual(dumpParse(slow));
}

const same = (cases: Record<string, string>): void => {
  for (const [what, text] of Object.entries(cases)) it(what, () => expectSame(text));
};

describe('the fast path reads, exactly as the yaml path', () => {
  describe('block collections', () =>
    same({
      'a sequence of mappings': '- step:\n    name: train\n    image: python:3.12\n- pipeline:\n    name: p\n',
      'a root mapping': 'a: 1\nb:\n  c: 2\n',
      'a compact mapping in a sequence, spaced out': '-    name: x\n     image: y\n-  name: z\n',
      'a sequence at its key\'s indentation': 'inputs:\n- name: a\n- name: b\nnext: 1\n',
      'a sequence at its key\'s indentation in a compact mapping': '- step:\n    inputs:\n    - a\n    - b\n    name: x\n',
      'nested compact sequences': '- - a\n  - b\n- - - c\n',
      'values on the line below their key or dash': '-\n  name: x\n- key:\n    plain value\n-\n  "quoted"\n',
      'keys with spaces before the colon, quoted keys': "- 'quoted key': 1\n  \"esc\\tkey\"  : 2\n  spaced   : 3\n  'it''s': 4\n",
      'keys that look like other things': '- a:b: 1\n  a#b: 2\n  "-x": 3\n  x y: 4\n  1: 5\n  __proto__: 6\n',
      'CRLF line ends': '- step:\r\n    name: x\r\n    command:\r\n      - a\r\n      - b\r\n',
      'no final line break': '- a: 1\n- b',
      'a byte-order mark': '\uFEFF- step:\n    name: x\n',
      'a --- line, comments before it': '# title\n--- # doc\n- a\n',
    }));

  describe('plain scalars', () =>
    same({
      'one-line values with indicators inside': '- image: python:3.12\n  url: http://x.y/z#frag\n  cmd: python a.py {parameters} --x=[1,2]\n  dash: --lr={v}\n  q: ?x\n',
      'multi-line values folded, blank lines kept as breaks': '- description: first\n    second\n\n    third\n\n\n    fourth\n  next: 1\n',
      'continuation lines starting with indicator characters': '- a\n  - b\n  [c] "d" \'e\'\n- z\n',
      'a trailing comment, a comment ending a multi-line value': '- a: value # note\n  b: one\n    two # end\n  c: 3\n',
      'trailing spaces and Unicode spaces (spans trimmed, text kept)': '- a: x   \n  b: y\u00a0\n  c: \u00a0\n  d: z\u3000 # c\n',
      'YAML 1.1 values': '- [yes, No, on, OFF, true, y, n, ~, null, Null, "", 1:30, -1:30, 190:20:30.15, 017, 0o17, 0x1F, 0b101, 1_000, 1e3, 1.5e-3, .5, -.inf, .NaN, -0, +1, 2020-01-01, 2020-1-1 10:00:00, 2020-01-01T10:00:00Z]\n- yes: 017\n  1:30: on\n',
      'astral characters': '- name: \u{1F600} smile\n  "\u{1F600}": x\n',
    }));

  describe('quoted scalars', () =>
    same({
      'single quotes with doubled quotes': "- 'it''s'\n- ''\n- 'a # not a comment'\n",
      'single quotes over lines': "- 'a\n  b\n\n  c  '\n- end\n",
      'double-quote escapes': '- "\\n\\t\\\\\\"\\/\\x41\\u00e9\\U0001F600\\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P\\ \\\t"\n',
      'double quotes over lines, escaped breaks, trailing spaces dropped': '- "a  \n  b\\\n    c\n\n  d \\\n  \te"\n- z\n',
      'double quotes over CRLF lines': '- "a\r\n  b\\\r\n  c"\r\n',
      'quoted values with trailing comments': '- a: "x" # c\n  b: \'y\'   #c\n',
    }));

  describe('block scalars', () =>
    same({
      'literal and folded, with chomping': '- a: |\n    one\n    two\n  b: >\n    one\n    two\n  c: |-\n    x\n  d: >-\n    y\n  e: -|\n    z\n',
      'header comments, leading and inner blank lines': '- a: | # note\n\n    x\n\n      y\n    z\n\n  b: 1\n',
      'folded with more-indented lines': '- >\n  a\n  b\n\n    c\n    d\n\n  e\n  f\n- x\n',
      'content that looks like YAML, trailing spaces': '- |\n  # not a comment\n  key: value\n  - item  \n',
      'empty ones': '- a: |\n  b: >-\n- |\n',
      'CRLF': '- a: |\r\n    x\r\n\r\n    y\r\n  b: >\r\n    p\r\n    q\r\n',
      'a last line of Unicode spaces (span trimmed before it)': '- a: |\n    x\n    \u00a0\n',
      'keep chomping: every trailing line break kept': '- a: |+\n    x\n\n\n  b: >+\n    y\n  c: |+\n\n  d: |+\n    z\n',
      'indentation indicators, with chomping before or after': '- a: |2\n      x\n     y\n  b: >-1\n   p\n\n     q\n  c: |+3\n       \n     r\n\n- |1\n  s\n',
    }));

  describe('flow collections', () =>
    same({
      'edges': '- pipeline:\n    edges:\n      - [a.output.x, b.input.y]\n      - [a.output.*, "b.input.z"]\n',
      'over lines, with a trailing comma and comments': '- edges:\n  - [\n      a.output.x, # from\n      b.input.y,\n    ]\n  - [ a ,b ] # c\n',
      'nested and empty': "- [[a, b], [], 'c', []]\n- {}\n- { }\n- override: {}\n",
      'plain items with colons and dashes inside': '- [a:b, -x, ?y, http://x]\n',
      'flow mappings, nested, over lines, with duplicate keys': "- widget: {type: slider, 'max': 1}\n- [{name: in1}, {a: [b, {c: d}]}]\n- {a: 1,\n   on: 1:30, # c\n   a: 2, }\n",
      'flow mapping keys that are YAML 1.1 surprises or look odd': '- {yes: no, 017: x, a:b: c, "q": \'r\', __proto__: 1}\n',
    }));

  describe('empty values', () =>
    same({
      'after keys and dashes': '- a:\n  b:   \n  c: # note\n-\n- # note\n- last:',
      'followed by comment lines at the end of a collection': '- a:\n    b:\n    # one\n  # two\n- c: 1\n',
      'a key without a value before a sequence at its indentation, comments between': 'a:\n# c\n- x\n',
    }));

  describe('comment lines after the last value (which spans they extend)', () => {
    const bodies = ['- a:\n    b: x', '- a:\n    b:\n    - y', '- a:\n    b: |\n      t', '- a:\n    b: [x]', '- a:\n    b:', '- a: x # c0', 'a:\n- b:\n  - c'];
    const nexts = ['', '\n- n: 1', '\n  n: 1', '\n    - n', '\nn: 1'];
    for (const body of bodies) {
      it(JSON.stringify(body), () => {
        for (const next of nexts) {
          for (const first of [0, 2, 3, 4, 5, 6]) {
            for (const second of [undefined, 0, 2, 4, 6]) {
              const comments = `\n${' '.repeat(first)}# k1` + (second === undefined ? '' : `\n\n${' '.repeat(second)}# k2`);
              const text = `${body}${comments}${next}\n`;
              const slow = parseValohaiYaml(text, { fast: false });
              if (slow.syntax.length > 0) continue;
              expect(tryFastParse(text).handled, text).toBe(true);
              expect(dumpParse(parseValohaiYaml(text)), text).toEqual(dumpParse(slow));
            }
          }
        }
      });
    }
  });

  describe('sizes at the yaml path\'s limits', () =>
    same({
      'keys longer than 1,024 characters (yaml checks that only in strict mode)': `- ${'k'.repeat(2000)}: v\n  "${'q'.repeat(2000)}": w\n`,
      'mappings 95 deep': `${Array.from({ length: 95 }, (_, d) => `${' '.repeat(d)}k:`).join('\n')} v\n`,
      'a line indented 1,000 columns (the most the nesting estimate allows)': `- |\n  x\n${' '.repeat(1000)}y\n`,
    }));

  describe('duplicate keys and YAML 1.1 findings', () =>
    same({
      'the last of duplicate keys wins and moves last; every repeat is reported against the first': '- a: 1\n  b: yes\n  a: 2\n  c: 3\n  a: 017\n',
      'a surprise in a replaced value is not reported, one in its key is': '- a:\n    on: 1:30\n  a: 2\n',
      'duplicates inside a replaced value are still reported': '- a:\n    x: 1\n    x: 2\n  a: 3\n',
      '__proto__ as a key': '- __proto__:\n    polluted: yes\n  b: 1\n',
    }));
});

/** One text per reason to leave a text to `yaml`. */
const GIVE_UPS: Record<GiveUpReason, string> = {
  alias: '- b: *x\n',
  anchor: '- a: &x 1\n',
  tag: '- a: !!str 1\n',
  'merge-key': '- <<: {a: 1}\n',
  'complex-key': 'a: 1\n? b\n: c\n',
  'flow-entry': '- {a}\n',
  'flow-pair': '- [a: 1]\n',
  'indentation-indicator': '- |4\n   a\n',
  character: '- a: b\u0007\n',
  tab: '- a:\tb\n',
  'empty-document': '# nothing\n',
  'indented-root': '  - a\n',
  'root-not-a-collection': 'just text\n',
  directive: '%YAML 1.1\n---\n- a\n',
  'document-end': '...\n- a\n',
  'multiple-documents': '---\n---\n- a\n',
  'document-marker': '- a\n---\n- b\n',
  'content-after-document-start': '--- - a\n',
  'content-after-root': '- a\nb: 1\n',
  'too-deep': `${'- '.repeat(200)}a\n`,
  indentation: '- a: "x"\n    b: 2\n',
  'sequence-after-value': 'a: 1\n- b\n',
  'not-a-key': '- a: 1\n  b\n',
  'multiline-key': '- a\n  b: c\n',
  'nested-mapping': '- a: b: c\n',
  'not-plain': '- a: @b\n',
  indicator: '- a: - b\n',
  'text-after-value': '- a: "b" c\n',
  'comment-without-space': '- [a,#c\n  ]\n',
  'unclosed-quote': '- a: "b\n',
  'quoted-indent': '- a: "b\nc"\n',
  'bad-escape': '- a: "\\q"\n',
  'block-header': '- a: |x\n    b\n',
  'block-leading-blank': '- a: |\n\n        \n    b\n',
  'block-trailing-blank': '- a: |\n    b\n        \n- c\n',
  'unclosed-flow': '- [a, b\n',
  'flow-empty-item': '- [a,,b]\n',
  'flow-missing-comma': '- ["a" b]\n',
  'flow-multiline-scalar': '- [a\n   b]\n',
  'flow-indentation': 'a: [b,\nc]\n',
};

describe('the fast path leaves to the yaml path', () => {
  it('has an example for every reason', () => {
    expect(Object.keys(GIVE_UPS).sort()).toEqual(Object.keys(GIVE_UP_REASONS).sort());
  });
  for (const [reason, text] of Object.entries(GIVE_UPS)) {
    it(`${reason}: ${GIVE_UP_REASONS[reason as GiveUpReason]}`, () => {
      const outcome = tryFastParse(text);
      expect(outcome.handled ? 'handled' : outcome.reason).toBe(reason);
      // And parsing falls back to the yaml path, whose result (findings included) stays what it was.
      expect(dumpParse(parseValohaiYaml(text))).toEqual(dumpParse(parseValohaiYaml(text, { fast: false })));
    });
  }

  it('other forbidden characters, a lone CR, NEL, line separators and an inner byte-order mark', () => {
    for (const c of ['\0', '\x1b', '\x7f', '\x85', '\u2028', '\u2029', '\ufeff', '\ufffe', '\ud800', '\r']) {
      const outcome = tryFastParse(`- a: x${c}y\n`);
      expect(outcome.handled ? 'handled' : outcome.reason, JSON.stringify(c)).toBe('character');
    }
  });

  it('texts the yaml path refuses as too deep by its nesting estimate, though their structure is shallow', () => {
    for (const text of ['- a[\n'.repeat(1000), `- |\n  x\n${' '.repeat(1001)}y\n`, `- a\n${' '.repeat(1001)}# c\n`]) {
      const outcome = tryFastParse(text);
      expect(outcome.handled ? 'handled' : outcome.reason).toBe('too-deep');
      expect(parseValohaiYaml(text).syntax.map((f) => f.code)).toEqual(['TOO_DEEP']);
    }
  });

  it('gives up as too deep exactly when the nesting estimate is too deep, around the limit', () => {
    let deep = 0;
    for (const brackets of [0, 3, 40]) {
      for (let spaces = MAX_SCAN_DEPTH - brackets - 3; spaces <= MAX_SCAN_DEPTH - brackets + 3; spaces++) {
        for (const text of [`- a${'['.repeat(brackets)}\n${' '.repeat(spaces)}# c\n`, `- a${'{'.repeat(brackets)}\n- ${' '.repeat(spaces)}b\n`]) {
          const outcome = tryFastParse(text);
          const tooDeep = estimateNesting(text).depth > MAX_SCAN_DEPTH;
          if (tooDeep) deep++;
          expect(!outcome.handled && outcome.reason === 'too-deep', JSON.stringify([brackets, spaces])).toBe(tooDeep);
        }
      }
    }
    expect(deep).toBeGreaterThan(10);
  });

  it('every tab that could be indentation or a separator', () => {
    for (const text of ['- \ta\n', '- a\n\t- b\n', '- a: b\t# c\n', '- a:\n  \tb: 1\n', '- [a,\tb]\n', '- a: b\tc\n', '- |\n\tx\n']) {
      const outcome = tryFastParse(text);
      expect(outcome.handled ? 'handled' : outcome.reason, JSON.stringify(text)).toBe('tab');
    }
  });
});
