// Work that must grow linearly with the file (issue 13), counted in steps the code takes, never in time: matching
// findings against suppressions (once a scan of every directive per finding), and an edit of a large file in the
// editor (one item parsed and checked again, however many there are).
import { describe, expect, it } from 'vitest';
import { IncrementalLinter, lint } from '@valohai-lint/core';
import { parseDirectives, suppressionTest } from '../packages/core/src/engine/suppressions.js';
import { KNOWN_IDS } from '../packages/core/src/linter/catalog.js';
import { SourceFile } from '../packages/core/src/source/source-file.js';

/** `n` steps, each with a finding (a repeated key) suppressed on the line before it. */
function suppressedSteps(n: number): string {
  return Array.from({ length: n }, (_, i) => `- step:\n    name: s${i}\n    image: docker.io/library/python:3.12\n    command: x\n    # valohai-lint-disable-next-line yaml-duplicate-key\n    command: y\n`).join('');
}

/** How many directives the suppression test looks at while settling the findings of `text`. */
function examined(text: string): number {
  const source = new SourceFile(text);
  const { directives } = parseDirectives(source, KNOWN_IDS);
  const work = { examined: 0 };
  const suppressed = suppressionTest(directives, work);
  const found = lint(text, { rules: { 'suppression-unused': 'off' } }).diagnostics;
  // The findings lint() reported are the unsuppressed ones; look up the suppressed ones as settling does.
  expect(found.filter((d) => d.ruleId === 'yaml-duplicate-key')).toHaveLength(0);
  for (let line = 0; line < source.lineStarts.length; line++) if (/^ {4}command: y$/.test(text.slice(source.lineStarts[line], source.lineEnd(line)))) suppressed('yaml-duplicate-key', line);
  expect(directives.every((d) => d.used.size > 0)).toBe(true);
  return work.examined;
}

describe('linear growth', () => {
  it('a suppression on every step: each finding looks at its own line\'s directives only', () => {
    const small = examined(suppressedSteps(1000));
    const large = examined(suppressedSteps(2000));
    // One directive per finding: linear (scanning every directive per finding would be quadratic: 4× at 2n).
    expect(small).toBe(1000);
    expect(large / small).toBe(2);
  });

  it('an edit inside one step of a large file parses, places and checks that step alone, at 1,000 steps as at 4,000', () => {
    for (const steps of [1000, 4000]) {
      const linter = new IncrementalLinter();
      let text = Array.from({ length: steps }, (_, i) => `- step:\n    name: s${i}\n    image: docker.io/library/python:3.12\n    command: python s${i}.py\n`).join('');
      linter.lint(text);
      text = text.replace('python s500.py', 'python s500b.py');
      expect(linter.lint(text).diagnostics).toEqual(lint(text).diagnostics);
      // The steps after it moved by a character and were moved in place: one tree placed, whatever the file's length.
      expect(linter.stats).toMatchObject({ whole: false, items: steps, parsed: 1, checked: 1, placed: 1 });
    }
  });
});
