// The incremental linter (packages/core/src/linter/incremental.ts) against lint(): the same findings on every file of
// the shared corpus and of the fixtures, after every one of many random edits, and after edits the editor makes while
// typing; and, counting work rather than time, an edit inside one item parses and checks that item alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalLinter, lint, type LintConfig, type YNode } from '@valohai-lint/core';
import { generatedFile } from '../scripts/bench-lsp.js';
import { corpusFiles } from './helpers/corpus.js';

const FIXTURES = join(import.meta.dirname, '../packages/core/test/fixtures');
const fixtureTexts = readdirSync(FIXTURES).flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(FIXTURES, dir, f), 'utf8')),
);
const corpusTexts = corpusFiles().map((f) => readFileSync(f, 'utf8'));
const texts = [...fixtureTexts, ...corpusTexts];
const CONFIG: LintConfig = { registries: [{ pattern: 'docker.io/myorg/*', type: 'docker-hub' }, { pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/*', type: 'aws-ecr' }] };

function expectSame(linter: IncrementalLinter, text: string, config?: LintConfig): void {
  expect(linter.lint(text, config).diagnostics).toEqual(lint(text, config).diagnostics);
}

describe('IncrementalLinter', () => {
  it('finds what lint() finds on every fixture and corpus file, linted fresh and after another file', () => {
    expect(texts.length).toBeGreaterThan(100);
    const reused = new IncrementalLinter();
    let split = 0;
    for (const text of texts) {
      expectSame(new IncrementalLinter(), text);
      expectSame(reused, text, CONFIG);
      if (!reused.stats.whole) split++;
    }
    // Most files are laid out simply enough to be split into items.
    expect(split).toBeGreaterThan(texts.length / 2);
  });

  it('finds what lint() finds after each of a sequence of random edits', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 12 }), insert: fc.constantFrom('', 'x', ' ', '\n', '\r\n', '\r', '\n  ', ': ', '- ', '"', '1', 'yes', '\n- step:\n    name: z\n', 'name: a\n    ', '#', '\t') });
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), fc.boolean(), (file, edits, configured) => {
        const linter = new IncrementalLinter();
        const config = configured ? CONFIG : undefined;
        let text = texts[file]!;
        expectSame(linter, text, config);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.del);
          expectSame(linter, text, config);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('moves the findings it keeps to their new lines, also when an edit keeps their offsets but not their lines', () => {
    const linter = new IncrementalLinter();
    const items = '- step:\n    name: a\n    image: tensorflow/tensorflow:1.5.0\n    command: x\n- step:\n    name: b\n    image: tensorflow/tensorflow:1.5.0\n    command: x\n';
    expectSame(linter, `# a\n${items}`);
    // Three characters out, three in, two of them line breaks: the items keep their offsets and move down a line.
    expectSame(linter, `\n  \n${items}`);
    expect(linter.stats).toMatchObject({ whole: false, checked: 0 });
  });

  it('keeps the findings of the items an edit does not touch that their parses found (duplicate keys, YAML 1.1 values)', () => {
    const linter = new IncrementalLinter();
    const step = (name: string, extra = ''): string => `- step:\n    name: ${name}\n    image: docker.io/library/python:3.12\n    command: python ${name}.py\n${extra}`;
    const base = step('a', '    command: python again.py\n') + step('b') + step('c', '    parameters:\n      - name: answer\n        type: string\n        default: no\n') + step('d');
    expectSame(linter, base);
    const found = linter.lint(base).diagnostics.map((d) => d.ruleId);
    expect(found).toEqual(expect.arrayContaining(['yaml-duplicate-key', 'yaml-ambiguous-value']));
    // Typing in the second and the fourth step, before and after the items with findings of their parses.
    let text = base;
    for (const [name, ch] of [['b', '1'], ['d', '2'], ['b', '3']] as const) {
      const at = text.indexOf(`python ${name}`) + `python ${name}`.length;
      text = text.slice(0, at) + ch + text.slice(at);
      expectSame(linter, text);
      expect(linter.stats).toMatchObject({ whole: false, parsed: 1, checked: 1 });
    }
  });

  it('sees an edit of one item in the findings of the items that refer to it', () => {
    const linter = new IncrementalLinter();
    const base = `- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    inputs:\n      - name: data\n    parameters:\n      - name: lr\n        type: float\n- task:\n    name: sweep\n    step: train\n- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: execution\n        step: train\n        override:\n          inputs:\n            - name: data\n      - name: b\n        type: task\n        task: sweep\n    edges:\n      - [a.output.model, b.parameter.lr]\n      - [b.output.model, a.input.data]\n    parameters:\n      - name: rate\n        target: a.parameter.lr\n`;
    const edits = [
      (t: string) => t.replace('      - name: data\n    parameters', '      - name: dataset\n    parameters'),
      (t: string) => t.replace('      - name: lr\n        type: float', '      - name: rate\n        type: float'),
      (t: string) => t.replace('    step: train\n- pipeline', '    step: trainer\n- pipeline'),
      (t: string) => t.replace('- step:\n    name: train\n', '- step:\n    name: train\n- step:\n    name: train\n    image: x\n    command: y\n'),
    ];
    expectSame(linter, base);
    for (const edit of edits) {
      const text = edit(base);
      expect(text).not.toBe(base);
      expectSame(linter, text);
      expectSame(linter, base);
    }
    // The task node's override sets a preset without an environment, which is reported while the task's step exists:
    // editing the task alone (not the pipeline) makes it appear and go.
    const withOverride = base.replace('        task: sweep\n', '        task: sweep\n        override:\n          runtime-config-preset: fast\n');
    const taskElsewhere = withOverride.replace('    step: train\n- pipeline', '    step: trainer\n- pipeline');
    expect(lint(withOverride).diagnostics.map((d) => d.ruleId)).toContain('preset-requires-environment');
    for (const text of [withOverride, taskElsewhere, withOverride]) expectSame(linter, text);
  });

  it('after typing inside one step of a large file, parses that step alone and checks it alone', () => {
    const steps = Array.from({ length: 400 }, (_, i) => `- step:\n    name: step-${i}\n    image: docker.io/library/python:3.12\n    command: python s${i}.py --lr {parameter:lr}\n    parameters:\n      - name: lr\n        type: float\n        default: 0.1\n`).join('');
    const pipeline = `- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: execution\n        step: step-1\n      - name: b\n        type: execution\n        step: step-200\n    edges:\n      - [a.output.model, b.parameter.lr]\n`;
    const linter = new IncrementalLinter();
    let text = steps + pipeline;
    expectSame(linter, text);
    expect(linter.stats).toMatchObject({ whole: false, items: 401, parsed: 401, checked: 401, placed: 401 });
    for (const ch of ['1', '2', '3']) {
      const at = text.indexOf('default: 0.1', text.indexOf('name: step-200')) + 'default: 0.1'.length;
      text = text.slice(0, at) + ch + text.slice(at);
      expectSame(linter, text);
      // The 200 items after the cursor moved by a character: moved in place, not placed again (one tree copied).
      expect(linter.stats).toMatchObject({ whole: false, items: 401, parsed: 1, checked: 1, placed: 1 });
    }
    // Renaming the parameter the pipeline's edge names changes what the pipeline reads of the step: the step and the
    // pipeline are checked again (the edge now connects to nothing), no other item.
    text = text.replace('name: step-200\n    image: docker.io/library/python:3.12\n    command: python s200.py --lr {parameter:lr}\n    parameters:\n      - name: lr', 'name: step-200\n    image: docker.io/library/python:3.12\n    command: python s200.py --lr {parameter:lr}\n    parameters:\n      - name: lrx');
    expectSame(linter, text);
    expect(linter.stats).toMatchObject({ whole: false, parsed: 1, checked: 2 });
    expect(linter.lint(text).diagnostics.map((d) => d.ruleId)).toContain('pipeline-edge-key');
    // Renaming a step changes what every item may see of the others: every item is checked again (and still right).
    text = text.replace('name: step-3\n', 'name: step-three\n');
    expectSame(linter, text);
    expect(linter.stats.checked).toBe(401);
    // A file laid out otherwise is linted whole.
    expectSame(linter, `steps: []\n${text}`);
    expect(linter.stats.whole).toBe(true);
  });

  it('returns a document whose every node is where lint() puts it, after typing moved the items (also as JSON)', () => {
    const spans = (node: YNode | undefined, out: string[] = []): string[] => {
      if (!node) return out;
      out.push(`${node.span.start}-${node.span.end}${node.keySpan ? ` key ${node.keySpan.start}-${node.keySpan.end}` : ''}`);
      if (node.kind === 'seq') for (const item of node.items) spans(item, out);
      if (node.kind === 'map') for (const value of node.entries.values()) spans(value, out);
      return out;
    };
    const linter = new IncrementalLinter();
    let text = generatedFile(600);
    linter.lint(text);
    // Typing and deleting before most items, then an edit inside one of them, each moving everything after it.
    for (const [at, insert, del] of [[40, 'x', 0], [40, '', 1], [text.length >> 1, 'yz', 0], [60, '', 2]] as const) {
      text = text.slice(0, at) + insert + text.slice(at + del);
      const incremental = linter.lint(text).document?.root;
      const whole = lint(text).document?.root;
      expect(linter.stats.whole).toBe(false);
      expect(spans(incremental)).toEqual(spans(whole));
      expect(JSON.stringify(incremental?.kind === 'seq' ? incremental.items.at(-1)?.span : undefined)).toBe(JSON.stringify(whole?.kind === 'seq' ? whole.items.at(-1)?.span : undefined));
    }
  });

  it('keeps no earlier whole text alive for the items it parsed again (memory stays flat over a session of edits)', () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const linter = new IncrementalLinter();
    let text = generatedFile(30_000);
    linter.lint(text);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    // Each edit changes the command of a different step, then each adds a comment to a different pipeline (whose edges
    // the pipeline rules split again: nothing of that may hold on to the text it was split in).
    const edits = 60;
    let pipeline = 0;
    for (let i = 0; i < edits; i++) {
      if (i < edits / 2) text = text.replace(`python step_${i}.py`, `python step_${i}x.py`);
      else {
        pipeline = text.indexOf('- pipeline:', pipeline + 1);
        const lineEnd = text.indexOf('\n', pipeline) + 1;
        text = `${text.slice(0, lineEnd)}    # note\n${text.slice(lineEnd)}`;
      }
      linter.lint(text);
      expect(linter.stats).toMatchObject({ whole: false, parsed: 1 });
    }
    collectGarbage();
    const grown = process.memoryUsage().heapUsed - before;
    // Keeping each edit's whole text would take edits × text length (here about 45 MB); the items' own new parses
    // take a fraction of one text.
    expect(grown).toBeLessThan(text.length * 10);
  });
});
