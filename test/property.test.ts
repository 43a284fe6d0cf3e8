// Property tests: any text, and random mutations of real corpus files, lint without throwing; every range lies inside
// the text; no rule crashes (internal-error); fixes never produce text that no longer loads.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { fixText, lint, type LintResult } from '@valohai-lint/core';
import { corpusFiles } from './helpers/corpus.js';
import { itCorpus } from './helpers/corpus-suite.js';

const corpusTexts = corpusFiles().map((f) => readFileSync(f, 'utf8'));

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

// YAML-ish alphabet so that random strings hit the parser's interesting paths, not only plain text.
const yamlChar = fc.constantFrom(...' \n\t-:#[]{},&*!|>\'"%@`?.\\/0123456789abcxyzAZ_$=~\r\uFEFF\u00e9\u{1F600}'.split(''), '---', '...', '- step:', 'name: ', 'image: ', '  ');

it('any string lints without throwing, with every range inside the text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(yamlChar, { maxLength: 200 }).map((a) => a.join(''))), (text) => {
      checkResult(text, lint(text));
    }),
    { numRuns: 1500 },
  );
});

const mutation = fc.record({
  file: fc.nat({ max: Math.max(0, corpusTexts.length - 1) }),
  edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 20 }), insert: fc.array(yamlChar, { maxLength: 6 }).map((a) => a.join('')) }), { minLength: 1, maxLength: 5 }),
});

itCorpus('random mutations of corpus files lint without throwing, and --fix keeps them loadable', () => {
  fc.assert(
    fc.property(mutation, ({ file, edits }) => {
      let text = corpusTexts[file]!;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.del);
      }
      const result = lint(text);
      checkResult(text, result);
      if (!result.document?.hasSyntaxErrors) {
        const fixed = fixText(text);
        expect(lint(fixed.text).document?.hasSyntaxErrors).toBe(false);
      }
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
