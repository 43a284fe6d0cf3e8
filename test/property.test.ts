// Property tests: any text, and random mutations of real corpus files and of the hostile inputs (test/hostile), lint
// without throwing; every range lies inside the text; no rule crashes (internal-error); fixes never produce text that
// no longer loads, and their edits make exactly the fixed text; any bytes decode or get a finding inside the text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { applyEdits, decodeSource, encodingResult, fixText, lint, type LintResult } from '@valohai-lint/core';
import { corpusFiles } from './helpers/corpus.js';
import { aliasFanOut, mergeChain, minifiedSteps } from './hostile/generate.js';

/** The shared corpus (none in a clone without it: the hostile inputs and generated texts are still mutated). */
const corpusTexts = corpusFiles().map((f) => readFileSync(f, 'utf8'));
const HOSTILE = join(import.meta.dirname, 'hostile');
const hostileBytes = readdirSync(HOSTILE)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(HOSTILE, f)));
/** Bases for text mutations: the corpus, the hostile inputs that are text, and small generated ones. */
const baseTexts = [...corpusTexts, ...hostileBytes.flatMap((b) => { const d = decodeSource(b); return d.ok ? [d.text] : []; }), aliasFanOut(20), mergeChain(20), minifiedSteps(5)];

function checkResult(text: string, result: LintResult): void {
  for (const d of result.diagnostics) {
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(d.start.line).toBeGreaterThanOrEqual(1);
    expect(d.start.column).toBeGreaterThanOrEqual(1);
    expect(d.ruleId, d.message).not.toBe('internal-error');
    for (const e of [...(d.fix?.edits ?? []), ...(d.suggestions ?? []).flatMap((s) => s.edits)]) {
      expect(e.span.start).toBeGreaterThanOrEqual(0);
      expect(e.span.end).toBeLessThanOrEqual(text.length);
    }
  }
}

// YAML-ish alphabet so that random strings hit the parser's interesting paths, not only plain text; and pieces of the
// hostile inputs: forbidden characters, terminal escapes, workflow commands, aliases and merge keys, brace sets.
const yamlChar = fc.constantFrom(
  ...' \n\t-:#[]{},&*!|>\'"%@`?.\\/0123456789abcxyzAZ_$=~\r\uFEFF\u00e9\u{1F600}'.split(''),
  '---', '...', '- step:', 'name: ', 'image: ', '  ',
  '\u0000', '\u001b[2J', '\u202e', '\ud800', '\n::error file=x::y', '##[add-mask]', '&a ', '*a', '<<: *a', '{a,b}', 'python:3.12',
);

it('any string lints without throwing, with every range inside the text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(yamlChar, { maxLength: 200 }).map((a) => a.join(''))), (text) => {
      checkResult(text, lint(text));
    }),
    { numRuns: 1500 },
  );
});

const mutation = fc.record({
  file: fc.nat({ max: baseTexts.length - 1 }),
  edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 20 }), insert: fc.array(yamlChar, { maxLength: 6 }).map((a) => a.join('')) }), { minLength: 1, maxLength: 5 }),
});

it('random mutations of corpus files and hostile inputs lint without throwing, and --fix keeps them loadable', () => {
  fc.assert(
    fc.property(mutation, ({ file, edits }) => {
      let text = baseTexts[file]!;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.del);
      }
      const result = lint(text);
      checkResult(text, result);
      if (!result.document?.hasSyntaxErrors) {
        const fixed = fixText(text);
        expect(lint(fixed.text).document?.hasSyntaxErrors).toBe(false);
        expect(applyEdits(text, fixed.edits)).toBe(fixed.text);
      }
    }),
    { numRuns: 400 },
  );
});

const byteMutation = fc.record({
  file: fc.nat({ max: corpusTexts.length + hostileBytes.length - 1 }),
  edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 8 }), insert: fc.uint8Array({ maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
});

it('random byte mutations of corpus and hostile files: decoded and linted, or one encoding finding inside the text', () => {
  fc.assert(
    fc.property(byteMutation, ({ file, edits }) => {
      let bytes = file < corpusTexts.length ? Buffer.from(corpusTexts[file]!, 'utf8') : hostileBytes[file - corpusTexts.length]!;
      for (const e of edits) {
        const at = Math.floor(e.at * bytes.length);
        bytes = Buffer.concat([bytes.subarray(0, at), e.insert, bytes.subarray(at + e.del)]);
      }
      const decoded = decodeSource(bytes);
      if (decoded.ok) return checkResult(decoded.text, lint(decoded.text));
      const result = encodingResult(decoded);
      expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['file-encoding']);
      checkResult(decoded.text, result);
    }),
    { numRuns: 400 },
  );
});

it('hostile inputs get a diagnostic in bounded work: alias bombs, deep nesting, huge files, BOM, CRLF, tabs', () => {
  const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const cases: [string, string, string][] = [
    ['billion laughs', lol.join('\n'), 'yaml-syntax'],
    ['100,000 nested brackets', '['.repeat(100_000) + ']'.repeat(100_000), 'yaml-syntax'],
    ['100,000 nested block sequences', '- '.repeat(100_000) + 'x', 'yaml-syntax'],
    ['20 MB file', '- step:\n    name: x\n    image: docker.io/library/python:3.12\n    command: a\n'.repeat(250_000), 'file-too-large'],
    ['tab indentation', '- step:\n\tname: x\n', 'yaml-syntax'],
    ['3,000 chained merge keys', mergeChain(3000), 'yaml-syntax'],
    ['8,000 aliases of one anchor', `${aliasFanOut(8000)}    name: again\n`, 'yaml-duplicate-key'],
    ['a 250 KB one-line file', minifiedSteps(3500), 'schema-unknown-key'],
  ];
  for (const [what, text, rule] of cases) {
    const result = lint(text);
    checkResult(text, result);
    expect(result.diagnostics.map((d) => d.ruleId), what).toContain(rule);
  }
  for (const text of ['\uFEFF- step:\n    name: x\n', '- step:\r\n    name: x\r\n', '\uFEFF- step:\r\n    name: x\r\n']) {
    const result = lint(text);
    checkResult(text, result);
    expect(result.diagnostics.filter((d) => d.ruleId === 'yaml-syntax')).toEqual([]);
  }
});
