// Issue "image references": over the real-world corpus, valohai-lint finds the images that are not fully qualified,
// and --fix (the same fixText the CLI uses) qualifies every one of them without introducing a parity error.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { fixText, getRules, lint } from '@valohai-lint/core';
import { corpusFiles } from './helpers/corpus.js';
import { itCorpus } from './helpers/corpus-suite.js';

const parity = new Set(getRules().filter((r) => r.meta.parity).map((r) => r.meta.id));
const files = corpusFiles('real');

itCorpus('finds several hundred short image names in the real corpus and --fix qualifies them all, with no new parity error', () => {
  let found = 0;
  let fixedFiles = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const before = lint(text).diagnostics;
    const short = before.filter((d) => d.ruleId === 'image-fully-qualified');
    found += short.length;
    if (short.length === 0) continue;
    const fixed = fixText(text);
    const after = lint(fixed.text).diagnostics;
    expect(after.filter((d) => d.ruleId === 'image-fully-qualified').map((d) => d.message), file).toEqual([]);
    const parityErrors = (ds: typeof before): string[] => ds.filter((d) => parity.has(d.ruleId) && d.severity === 'error').map((d) => `${d.ruleId}: ${d.message}`).sort();
    // Other safe fixes (e.g. plural edge types) may remove parity errors; none may appear.
    const earlier = new Set(parityErrors(before));
    expect(parityErrors(after).filter((e) => !earlier.has(e)), file).toEqual([]);
    // Each short name became its fully qualified spelling, and nothing else in the file changed shape.
    for (const d of short) expect(fixed.text).toContain(d.data?.['qualified']);
    expect(fixed.text.split(/\r?\n/).length).toBe(text.split(/\r?\n/).length);
    fixedFiles++;
  }
  expect(found).toBeGreaterThanOrEqual(300);
  expect(fixedFiles).toBeGreaterThan(80);
});
