// Never suggest a change that makes the file invalid: every suggestion of every rule on the shared corpus is applied on
// its own, the file is linted again, and no new error may appear that the change itself caused: a YAML or schema error
// (the edit broke the structure or a type), or an error of the suggesting rule (the edit traded one problem for another).
// Errors of other rules that appear because a reference now resolves (a node's step found, so its overrides are
// checked) were there before, hidden; the corpus README (rule 7) calls those fair game.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, lint, type Diagnostic } from '@valohai-lint/core';
import { isAnnotationLine } from '../packages/core/test/annotations.js';
import { ROOT } from './helpers/build.js';
import { corpusFiles, corpusPath } from './helpers/corpus.js';
import { describeCorpus, itCorpus } from './helpers/corpus-suite.js';

/** Errors by rule and message, counted (positions shift with an edit; messages never hold positions). */
function errorCounts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'error') counts.set(`${d.ruleId}: ${d.message}`, (counts.get(`${d.ruleId}: ${d.message}`) ?? 0) + 1);
  return counts;
}

/** Rules whose new errors always mean the edit broke the file's structure or a value's type. */
const STRUCTURAL = /^(yaml-|schema-)/;

/** Applies each suggestion of each diagnostic of a text on its own; returns what the edits broke, and how many there were. */
function checkSuggestions(name: string, text: string): { problems: string[]; applied: number } {
  const problems: string[] = [];
  let applied = 0;
  const before = lint(text).diagnostics;
  const counts = errorCounts(before);
  for (const d of before) {
    for (const suggestion of d.suggestions ?? []) {
      applied++;
      const after = lint(applyEdits(text, suggestion.edits)).diagnostics;
      for (const [key, n] of errorCounts(after)) {
        const rule = key.slice(0, key.indexOf(':'));
        if (n > (counts.get(key) ?? 0) && (STRUCTURAL.test(rule) || rule === d.ruleId)) problems.push(`${name}: ${d.ruleId} "${suggestion.title}" adds ${key}`);
      }
    }
  }
  return { problems, applied };
}

describe('suggestions applied to the rule fixtures', () => {
  const fixtures = join(ROOT, 'packages/core/test/fixtures');
  const files = readdirSync(fixtures).flatMap((rule) => {
    if (rule.startsWith('_') || rule.startsWith('config-')) return [];
    return readdirSync(join(fixtures, rule))
      .filter((f) => /^invalid(-[\w-]+)?\.yaml$/.test(f))
      .map((f) => join(rule, f));
  });
  it('no suggestion adds an error it causes', () => {
    let applied = 0;
    const problems: string[] = [];
    for (const file of files) {
      // Annotation comments do not change what the file means; lint it as the fixture test does, without them.
      const text = readFileSync(join(fixtures, file), 'utf8')
        .split(/(?<=\n)/)
        .filter((l) => !isAnnotationLine(l.replace(/\r?\n$/, '')))
        .join('');
      const r = checkSuggestions(file, text);
      applied += r.applied;
      problems.push(...r.problems);
    }
    expect(problems).toEqual([]);
    expect(applied).toBeGreaterThan(30);
  });
});

describeCorpus('suggestions applied to the corpus', () => {
  const outcome = { files: 0, applied: 0 };

  for (const folder of ['upstream', 'real', 'edge-cases']) {
    itCorpus(`${folder}: no suggestion adds an error it causes`, () => {
      const problems: string[] = [];
      for (const file of corpusFiles(folder)) {
        const r = checkSuggestions(relative(corpusPath(), file), readFileSync(file, 'utf8'));
        outcome.applied += r.applied;
        problems.push(...r.problems);
        outcome.files++;
      }
      expect(problems).toEqual([]);
    });
  }

  itCorpus('applied a fair number of suggestions (the test looked at something)', () => {
    expect(outcome.files).toBeGreaterThan(300);
    expect(outcome.applied).toBeGreaterThan(30);
  });
});
