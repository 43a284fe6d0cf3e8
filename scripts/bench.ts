// `pnpm bench`: speed goals as ratios measured in one run (never timed tests: these machines are shared and noisy).
// Each line compares valohai-lint with a baseline on the same input in the same process and prints the ratio.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { fixText, lint } from '../packages/core/src/index.js';
import { unifiedDiff } from '../packages/cli/src/unified-diff.js';
import { aliasFanOut, fixableSteps } from '../test/hostile/generate.js';
import { generatedFile, measureLatency, median } from './bench-lsp.js';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '../shared/corpus');

/** Wall time of one run of `fn`, in ms. */
function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Medians of A and B after two warm-up rounds, alternating A and B runs so that machine noise hits both alike. */
function compare(a: () => void, b: () => void, runs: number): { a: number; b: number } {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < 2; i++) {
    a();
    b();
  }
  for (let i = 0; i < runs; i++) {
    as.push(time(a));
    bs.push(time(b));
  }
  return { a: median(as), b: median(bs) };
}

function line(label: string, ours: number, base: number, baseLabel: string, goal?: number): void {
  const ratio = ours / base;
  const verdict = goal === undefined ? '' : ratio <= goal ? `  (goal ≤ ${goal}×: met)` : `  (goal ≤ ${goal}×: NOT met)`;
  console.log(`${label.padEnd(34)} ${ours.toFixed(2).padStart(9)} ms   ${baseLabel.padEnd(22)} ${base.toFixed(2).padStart(9)} ms   ratio ${ratio.toFixed(2)}×${verdict}`);
}

const parseOnly = (text: string): void => {
  parseDocument(text, { version: '1.1', uniqueKeys: false });
};

// 1. The whole shared corpus.
const corpus = ['upstream/valid', 'upstream/invalid', 'real', 'edge-cases'].flatMap((d) =>
  readdirSync(join(CORPUS, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => readFileSync(join(CORPUS, d, f), 'utf8')),
);
{
  const r = compare(() => corpus.forEach((t) => lint(t)), () => corpus.forEach(parseOnly), 15);
  line(`lint: whole corpus (${corpus.length} files)`, r.a, r.b, 'yaml parse only', undefined);
}

// 2. A generated large file: 2,000 steps and 200 pipelines.
function largeFile(): string {
  const out: string[] = [];
  for (let i = 0; i < 2000; i++) {
    out.push(`- step:
    name: step-${i}
    image: docker.io/library/python:3.12
    command:
      - pip install -r requirements.txt
      - python step_${i}.py {parameters}
    parameters:
      - name: learning-rate
        type: float
        default: 0.001
        min: 0
        max: 1
      - name: epochs
        type: integer
        default: 10
    inputs:
      - name: dataset
        default: s3://bucket/data-${i}/*.csv
    environment-variables:
      - name: SEED
        default: "42"
    time-limit: 1h 30m`);
  }
  for (let p = 0; p < 200; p++) {
    out.push(`- pipeline:
    name: pipeline-${p}
    nodes:
${Array.from({ length: 5 }, (_, n) => `      - name: node-${n}\n        type: execution\n        step: step-${p * 10 + n}`).join('\n')}
    edges:
${Array.from({ length: 4 }, (_, n) => `      - [node-${n}.output.*, node-${n + 1}.input.dataset]`).join('\n')}`);
  }
  return `${out.join('\n')}\n`;
}
const large = largeFile();
{
  const r = compare(() => lint(large), () => parseOnly(large), 7);
  line(`lint: large file (${(large.length / 1024).toFixed(0)} KB)`, r.a, r.b, 'yaml parse only', 2);
}

// 3. CLI start-up: linting one file against starting Node itself.
{
  const dir = mkdtempSync(join(tmpdir(), 'vl-bench-'));
  const file = join(dir, 'valohai.yaml');
  writeFileSync(file, corpus[0]!);
  const bin = join(ROOT, 'packages/cli/dist/valohai-lint.js');
  const r = compare(
    () => void spawnSync(process.execPath, [bin, file], { stdio: 'ignore' }),
    () => void spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }),
    15,
  );
  line('valohai-lint one-file (process)', r.a, r.b, 'node -e ""', 3);
  rmSync(dir, { recursive: true, force: true });
}

// 4. Language server: didChange → diagnostics through the bundled server over stdio, against the core's lint time for
// the same texts in the same run (scripts/bench-lsp.ts).
{
  for (const [lines, runs, warmup] of [
    [100, 150, 300],
    [20_000, 12, 4],
  ] as const) {
    const text = generatedFile(lines);
    for (const mode of ['pull', 'push'] as const) {
      const r = await measureLatency(ROOT, text, runs, mode, warmup);
      line(`server ${mode} ${lines.toLocaleString('en')} lines (stdio)`, r.server, r.core, 'core lint()', 1.5);
    }
  }
}

// 5. Hostile inputs (issue 10): aliases of one anchor, once quadratic, against parsing alone; the --fix-dry-run diff of
// 8,000 fixes, built from the edits (it once took minutes), against fixing itself.
{
  const aliases = aliasFanOut(8000);
  const r = compare(() => lint(aliases), () => parseOnly(aliases), 5);
  line('lint: 8,000 aliases of one anchor', r.a, r.b, 'yaml parse only', 3);
  const text = fixableSteps(8000);
  const fixed = fixText(text);
  const d = compare(() => unifiedDiff('valohai.yaml', text, fixed.edits), () => fixText(text), 3);
  line('dry-run diff: 8,000 fixes', d.a, d.b, 'fixText', 0.25);
}
