// Work that must stay linear as the input doubles (issue 10, items 6, 8 and 11), measured in steps the code counts
// (nodes converted, aliases resolved, merged entries, pattern comparisons, diff lines), never in time. Plus: the
// --fix-dry-run diff, made from the edits, is one that git applies to give exactly the fixed text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Alias, Parser } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { applyEdits, fixText, lint, parseConfig, type TextEdit } from '@valohai-lint/core';
import { closestMatches, SUGGESTION_COMPARISONS, withSuggestionBudget } from '../../packages/core/src/util/did-you-mean.js';
import { checkPatterns } from '../../packages/core/src/config-file/check-patterns.js';
import { parseValohaiYaml } from '../../packages/core/src/document/parse.js';
import { unifiedDiff, type DiffStats } from '../../packages/cli/src/unified-diff.js';
import { aliasFanOut, fixableSteps, mergeChain, registryPatterns, unclosedQuotes, unknownStepNodes, wildcardPatterns } from '../hostile/generate.js';

/** Steps at n and at 2n; linear work gives a ratio of about 2 (quadratic work gives 4). */
function ratio(steps: (n: number) => number, n: number): number {
  return steps(2 * n) / steps(n);
}

const patternEntries = (configText: string): { pattern: string; span: { start: number; end: number } }[] =>
  [...configText.matchAll(/"([^"]+)"/g)].map((m) => ({ pattern: m[1]!, span: { start: m.index, end: m.index + m[0].length } }));

describe('aliases and merge keys', () => {
  it('many aliases of one anchor: each resolved once, by name (yaml\'s Alias.resolve scans the whole document)', () => {
    const resolve = vi.spyOn(Alias.prototype, 'resolve');
    try {
      expect(ratio((n) => parseValohaiYaml(aliasFanOut(n)).steps, 4000)).toBeLessThan(2.2);
      expect(resolve).not.toHaveBeenCalled();
    } finally {
      resolve.mockRestore();
    }
    const parsed = parseValohaiYaml(aliasFanOut(100));
    expect(parsed.syntax).toEqual([]);
    expect(parsed.root?.kind).toBe('seq');
  });

  it('chained merge keys: the work is charged to the alias budget as it happens, so it stops at the budget', () => {
    expect(ratio((n) => parseValohaiYaml(mergeChain(n)).steps, 2000)).toBeLessThan(2.2);
    // Small chains still load, with every merged key.
    const small = parseValohaiYaml(mergeChain(50));
    expect(small.syntax).toEqual([]);
  });
});

describe('syntax errors', () => {
  it('thousands of unclosed quotes: the text is parsed for its quotes once, not once per error', () => {
    const parse = vi.spyOn(Parser.prototype, 'parse');
    try {
      const parsed = parseValohaiYaml(unclosedQuotes(2000));
      // Wording stops at the first 200 errors; each names the line its quote opens on, found from one parse.
      expect(parsed.syntax.length).toBe(200);
      expect(parsed.syntax[1]!.message).toBe('The double-quoted value that starts on line 4 is never closed; expected a closing " (a " inside it must be written \\").');
      expect(parse.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('guesses', () => {
  it('thousands of unknown step names among thousands of steps: guesses stop at a budget, and each one made is exact', () => {
    const guessed = (n: number): string[] =>
      lint(unknownStepNodes(n))
        .diagnostics.filter((d) => d.ruleId === 'pipeline-unknown-step')
        .map((d) => /Did you mean "([^"]+)"/.exec(d.message)?.[1] ?? '');
    // A real file's worth: every unknown name gets its guess.
    expect(guessed(50)).toEqual(Array.from({ length: 50 }, (_, i) => `step-${i}`));
    // 2,000 among 2,000: each guess compares with every step (twice: the suggestion and the message), so the budget
    // covers the first fifty; the rest say what is expected instead of guessing.
    const many = guessed(2000);
    const made = many.filter((g) => g !== '');
    expect(made.length).toBeGreaterThan(0);
    expect(made.length * 2 * 2000).toBeLessThanOrEqual(SUGGESTION_COMPARISONS);
    expect(made).toEqual(Array.from({ length: made.length }, (_, i) => `step-${i}`));
  });

  it('outside a lint there is no budget, and a budget ends with the lint that set it', () => {
    const names = Array.from({ length: 10 }, (_, i) => `name-${i}`);
    expect(withSuggestionBudget(() => [closestMatches('name-1x', names, 1), closestMatches('name-2x', names, 1)], 15)).toEqual([['name-1'], []]);
    expect(closestMatches('name-2x', names, 1)).toEqual(['name-2']);
  });
});

describe('registry and public patterns', () => {
  it('patterns on one host: each compared only with earlier ones that could cover it, and no false warning', () => {
    const steps = (n: number): number => {
      const stats = { steps: 0 };
      expect(checkPatterns(patternEntries(registryPatterns(n)), 'registries', stats)).toEqual([]);
      return stats.steps;
    };
    expect(ratio(steps, 2000)).toBeLessThan(2.2);
    expect(parseConfig(registryPatterns(2000)).diagnostics).toEqual([]);
  });

  it('patterns that all start with a wildcard: the comparisons stop at a linear budget, with a warning where', () => {
    const steps = (n: number): number => {
      const stats = { steps: 0 };
      checkPatterns(patternEntries(wildcardPatterns(n)), 'public', stats);
      return stats.steps;
    };
    expect(ratio(steps, 2000)).toBeLessThan(2.2);
    const warnings = parseConfig(wildcardPatterns(2000)).diagnostics.map((d) => d.message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Pattern "\*\/org\d+\/\*" and those after it were not checked for being covered by a broader pattern above/);
  });

  it('the pattern checks still find what they found: duplicates and broader patterns above', () => {
    const messages = parseConfig('public:\n  - docker.io/*\n  - docker.io/myorg/*\n  - gcr.io/a/*\n  - gcr.io/a/*\n').diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      'Pattern "docker.io/myorg/*" is already covered by the broader pattern "docker.io/*" above; which credentials Valohai uses for images both match is not documented, so keep only the one you mean.',
      'Pattern "gcr.io/a/*" is listed twice; remove one.',
    ]);
  });
});

describe('--fix-dry-run', () => {
  it('the diff comes from the edits in linear work, however many fixes there are', () => {
    const steps = (n: number): number => {
      const text = fixableSteps(n);
      const fixed = fixText(text);
      const stats: DiffStats = { steps: 0 };
      expect(unifiedDiff('valohai.yaml', text, fixed.edits, stats)).toContain('+    image: docker.io/library/python:3.12\n');
      return stats.steps;
    };
    expect(ratio(steps, 4000)).toBeLessThan(2.2);
  });

  /** Applies a diff with git (outside any repository) and returns the result. */
  function gitApply(before: string, diff: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'vl-diff-'));
    writeFileSync(join(dir, 'f'), before);
    writeFileSync(join(dir, 'fix.diff'), diff);
    const r = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.diff'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git apply failed: ${r.stderr}\n${diff}`);
    return readFileSync(join(dir, 'f'), 'utf8');
  }

  it('git applies the diff of random edits and gets exactly the edited text (line ends, missing final newline)', () => {
    const texts = fc.array(fc.constantFrom('a', 'b', ' ', '\n', 'line\n', '\r\n', 'x: 1\n'), { maxLength: 40 }).map((parts) => parts.join(''));
    const withEdits = texts.chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 5 }), fc.constantFrom('', 'y', 'z\n', '\n', 'p\nq', 'r\r\n')), { maxLength: 5 }).map((raw) => {
          const edits: TextEdit[] = [];
          let at = 0;
          for (const [start, width, newText] of [...raw].sort((a, b) => a[0] - b[0])) {
            if (start < at) continue;
            edits.push({ span: { start, end: Math.min(text.length, start + width) }, newText });
            at = Math.min(text.length, start + width);
          }
          return edits;
        }),
      ),
    );
    fc.assert(
      fc.property(withEdits, ([text, edits]) => {
        const after = applyEdits(text, edits);
        const diff = unifiedDiff('f', text, edits);
        if (after === text) expect(diff).toBe('');
        else expect(gitApply(text, diff)).toBe(after);
      }),
      { numRuns: 60 },
    );
  });

  it('git applies the diff of real fixes', () => {
    const text = `# valohai-lint-disable-next-line yaml-duplicate-key\r\n${fixableSteps(30).replace(/\n/g, '\r\n')}- step:\n    name: last\n    image: python\n    command: x`;
    const fixed = fixText(text);
    expect(fixed.text).not.toBe(text);
    expect(gitApply(text, unifiedDiff('f', text, fixed.edits))).toBe(fixed.text);
  });
});
