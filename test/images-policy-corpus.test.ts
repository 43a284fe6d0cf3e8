// Issue 9's measure on the real-world corpus (../shared/corpus/real, no configuration): the default CLI output has no
// image-fully-qualified warning, and no image-fully-qualified finding at all on an official image or an image written
// with its registry. The test prints the findings per rule before (main, measured once) and after (this code).
import { expect } from 'vitest';
import { describeImages } from '@valohai-lint/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_CI, runCli } from './helpers/cli.js';
import { corpusPath } from './helpers/corpus.js';
import { itCorpus } from './helpers/corpus-suite.js';

/**
 * The default CLI output on corpus/real before this change: `valohai-lint --format json ../shared/corpus/real` at
 * main f5b002a (128 files), counted per rule and severity. A record, not an expectation: it is printed next to today's.
 */
const BEFORE: Record<string, Record<string, number>> = {
  'image-fully-qualified': { warning: 343 },
  'image-reference-syntax': { error: 5 },
  'image-tag': { warning: 57 },
  'node-action-value': { warning: 10 },
  'parameter-default': { warning: 8 },
  'parameter-ineffective-option': { warning: 2 },
  'pipeline-edge-key': { warning: 4 },
  'pipeline-edge-node': { error: 2 },
  'pipeline-edge-type': { error: 5 },
  'pipeline-parameter-no-targets': { warning: 9 },
  'pipeline-unknown-step': { error: 11 },
  'schema-missing-key': { error: 1 },
  'schema-unknown-key': { error: 16 },
  'schema-value': { error: 4 },
  'step-duplicate-name': { warning: 2 },
  'yaml-ambiguous-value': { warning: 1 },
  'yaml-duplicate-key': { warning: 3 },
  'yaml-syntax': { error: 2 },
};

interface JsonOutput {
  files: { path: string; diagnostics: { ruleId: string; severity: string; line: number; column: number }[] }[];
}

const show = (counts: Record<string, number> | undefined): string =>
  counts ? Object.entries(counts).map(([severity, n]) => `${n} ${severity}`).join(', ') : '—';

itCorpus('on the real corpus without configuration: no image-fully-qualified warning, and none at all on official or registry-written images', async () => {
  const dir = corpusPath('real');
  const r = await runCli(['--format', 'json', '.'], { cwd: dir, env: NO_CI });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as JsonOutput;
  expect(out.files.length).toBeGreaterThanOrEqual(128);

  const after: Record<string, Record<string, number>> = {};
  for (const f of out.files) for (const d of f.diagnostics) ((after[d.ruleId] ??= {})[d.severity] = (after[d.ruleId]?.[d.severity] ?? 0) + 1);
  const rules = [...new Set([...Object.keys(BEFORE), ...Object.keys(after)])].sort();
  const width = Math.max(...rules.map((id) => id.length));
  console.log(['findings per rule on corpus/real, default CLI output (before: main f5b002a; after: this code)', ...rules.map((id) => `  ${id.padEnd(width)}  ${show(BEFORE[id]).padEnd(14)} → ${show(after[id])}`)].join('\n'));

  expect(after['image-fully-qualified']?.['warning'] ?? 0).toBe(0);
  // No finding of image-fully-qualified at all (the hints are not even printed) on an official image or an image
  // written with its registry; the ones that remain are infos on Docker Hub namespaces written short.
  let checked = 0;
  for (const f of out.files) {
    const reported = f.diagnostics.filter((d) => d.ruleId === 'image-fully-qualified');
    if (reported.length === 0) continue;
    const text = readFileSync(join(dir, f.path), 'utf8');
    const images = describeImages(text);
    for (const d of reported) {
      const offset = text.split('\n').slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0) + d.column - 1;
      const image = images.find((i) => i.span.start === offset);
      expect(image, `${f.path}:${d.line}:${d.column}`).toBeDefined();
      expect(d.severity).toBe('info');
      expect(image!.domain).toBe('docker.io');
      expect(image!.path?.startsWith('library/'), `${image!.value} is an official image`).toBe(false);
      expect(image!.value.startsWith('docker.io/'), `${image!.value} is written with its registry`).toBe(false);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(100);
  // The templated values that were a character-class complaint are one placeholder error each.
  expect(after['image-placeholder']?.['error']).toBe(5);
  expect(after['image-reference-syntax']).toBeUndefined();
});
