// The fast parsing path against its oracle, the `yaml` path, on everything it reads: every file of the shared corpus,
// generated documents in and around the subset, "line soup" documents and random edits of corpus files. Whenever the
// fast path reads a text, the whole result (tree, spans, values, findings) must equal the `yaml` path's; it must read
// every corpus file `yaml` loads without a syntax finding but a short, explained list; and its work must grow
// linearly with the input, also when it gives up (counted in characters examined, never timed).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createDocument, lint } from '@valohai-lint/core';
import { parseValohaiYaml } from '../packages/core/src/document/parse.js';
import { tryFastParse } from '../packages/core/src/document/fast-parse.js';
import { CORPUS, corpusFiles } from './helpers/corpus.js';
import { describeCorpus, itCorpus } from './helpers/corpus-suite.js';
import { dumpParse } from './helpers/parse-dump.js';
import { yamlDocumentArb, yamlLineSoupArb } from './helpers/yaml-gen.js';

/** Compares the two paths on `text`; true when the fast path read it. */
function compare(text: string): boolean {
  const outcome = tryFastParse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!outcome.handled) {
    expect(outcome.reason, JSON.stringify(text)).not.toMatch(/^internal/);
    return false;
  }
  expect(dumpParse(parseValohaiYaml(text)), JSON.stringify(text)).toEqual(dumpParse(parseValohaiYaml(text, { fast: false })));
  return true;
}

const corpus = corpusFiles().map((file) => ({ name: relative(CORPUS ?? '', file), text: readFileSync(file, 'utf8') }));

/** Corpus files `yaml` loads without syntax findings that the fast path leaves to it, and why. */
const LEFT_TO_YAML: Record<string, string> = {
  // No content at all: `yaml` gives an empty root scalar, which the fast path does not build.
  'edge-cases/p01-empty.yaml': 'empty-document',
  // `default: {datum://id}`: a flow mapping whose only entry has no value.
  'upstream/invalid/docs__tutorials__valohai__advanced__index__L46.yaml': 'flow-entry',
};

describeCorpus('the fast path on the shared corpus', () => {
  it('gives the yaml path\'s result on every file it reads', () => {
    const read = corpus.filter((f) => compare(f.text));
    expect(read.length).toBeGreaterThan(corpus.length * 0.9);
  });

  it('reads every file the yaml path loads without syntax findings, but the explained ones', () => {
    const left: Record<string, string> = {};
    for (const { name, text } of corpus) {
      const outcome = tryFastParse(text);
      if (!outcome.handled && parseValohaiYaml(text, { fast: false }).syntax.length === 0) left[name] = outcome.reason;
    }
    expect(left).toEqual(LEFT_TO_YAML);
  });

  it('makes no difference to what lint() reports, fixes and suggests, on any file', () => {
    for (const { name, text } of corpus) {
      const fast = lint(text, undefined, { document: createDocument(text) });
      const slow = lint(text, undefined, { document: createDocument(text, { fast: false }) });
      expect(fast.diagnostics, name).toEqual(slow.diagnostics);
    }
  });

  it('reads all the real files but the one with a syntax error', () => {
    const real = corpus.filter((f) => f.name.startsWith('real/'));
    const left = real.filter((f) => !tryFastParse(f.text).handled).map((f) => f.name);
    expect(left).toEqual(['real/Jeromeshw__ee__valohai.yaml']);
    expect(parseValohaiYaml(real.find((f) => f.name === left[0])!.text).syntax.length).toBeGreaterThan(0);
  });
});

it('gives the yaml path\'s result on generated documents, with and without a byte-order mark', () => {
  let read = 0;
  fc.assert(
    fc.property(yamlDocumentArb, fc.boolean(), (text, bom) => {
      if (compare(bom ? `\uFEFF${text}` : text)) read++;
    }),
    { numRuns: 1500 },
  );
  // The generator aims at the subset, so a good share must be read (else this test would prove nothing).
  expect(read).toBeGreaterThan(300);
});

it('gives the yaml path\'s result on line soup: YAML-ish lines at drifting indentations', () => {
  let read = 0;
  fc.assert(
    fc.property(yamlLineSoupArb, (text) => {
      if (compare(text)) read++;
    }),
    { numRuns: 3000 },
  );
  expect(read).toBeGreaterThan(300);
});

const editArb = fc.record({
  file: fc.nat({ max: Math.max(0, corpus.length - 1) }),
  edits: fc.array(
    fc.record({
      at: fc.nat({ max: 1_000_000 }),
      del: fc.nat({ max: 12 }),
      insert: fc.array(fc.constantFrom(...' \n-:#[]{},&*!|>\'"?.\\0aZ_\u00a0'.split(''), '  ', '    ', '\n  ', '\n    # c', '- ', 'k: ', '"a\\nb"', '|', '>-'), { maxLength: 4 }).map((a) => a.join('')),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

itCorpus('gives the yaml path\'s result on random edits of corpus files', () => {
  let read = 0;
  fc.assert(
    fc.property(editArb, ({ file, edits }) => {
      let text = corpus[file]!.text;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.del);
      }
      if (compare(text)) read++;
    }),
    { numRuns: 600 },
  );
  expect(read).toBeGreaterThan(60);
});

/** Documents of `n` repetitions of one shape, to count the fast path's work as they grow. */
const SHAPES: Record<string, (n: number) => string> = {
  steps: (n) =>
    Array.from({ length: n }, (_, i) => `- step:\n    name: s${i} # c\n    image: "python:3.12"\n    command:\n      - python a.py {parameters}\n      # - old\n    edges: [a.output.x, 'b.input.y']\n    d: |\n      text\n`).join(''),
  'steps, giving up at the very end': (n) => `${SHAPES.steps!(n)}- a:\tb\n`,
  'one plain scalar over n lines': (n) => `- a: x\n${'    word\n'.repeat(n)}`,
  'one double-quoted scalar over n lines': (n) => `- a: "x\n${'    wo\\trd  \n'.repeat(n)}    "\n`,
  'one block scalar of n lines': (n) => `- a: >-\n${'    line\n\n'.repeat(n)}`,
  'one flow sequence of n lines': (n) => `- [\n${'    a, "b",\n'.repeat(n)}  ]\n`,
  'n comment lines after a deep value': (n) => `- a:\n    b:\n      c:\n        d: x\n${'          # c\n      # d\n'.repeat(n)}`,
  'n duplicate keys': (n) => `- a:\n${'    k: 017\n'.repeat(n)}`,
  'nesting 60 deep, n times': (n) => Array.from({ length: n }, () => Array.from({ length: 60 }, (_, d) => `${' '.repeat(2 * d)}- `).join('\n') + 'x\n').join(''),
  'n dashes on one line (too deep: given up)': (n) => `${'- '.repeat(n)}x\n`,
  'n brackets (too deep: given up)': (n) => `- ${'['.repeat(n)}\n`,
};

it('does work that grows linearly with the input, when it reads a text and when it gives up', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    const work = [500, 1000, 2000].map((n) => {
      const text = make(n);
      const outcome = tryFastParse(text);
      // Every character is examined at most a few times (the character check, the line scan, a value scan, a fold).
      expect(outcome.steps / text.length, shape).toBeLessThan(8);
      return outcome.steps / text.length;
    });
    // Work per character does not grow with the size (it may shrink, where giving up early bounds the work).
    expect(work[2]! / work[0]!, shape).toBeLessThan(1.1);
  }
});
