// `pnpm bench`: speed goals as ratios measured in one run (never timed tests: these machines are shared and noisy).
// Each line compares valohai-lint with a baseline on the same input in the same process and prints the ratio.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { lint } from '../packages/core/src/index.js';
import { CORPUS_MISSING, corpusFiles, HAS_CORPUS } from '../test/helpers/corpus.js';
import { generatedFile, measureLatency, median } from './bench-lsp.js';
import { benchParsing, valohaiFile } from './bench-parse.js';

const ROOT = join(import.meta.dirname, '..');

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
const corpus = corpusFiles().map((f) => readFileSync(f, 'utf8'));
if (!HAS_CORPUS) console.log(`lint: whole corpus                  skipped (${CORPUS_MISSING.replace('corpus tests skipped: ', '')})`);
else {
  const r = compare(() => corpus.forEach((t) => lint(t)), () => corpus.forEach(parseOnly), 15);
  line(`lint: whole corpus (${corpus.length} files)`, r.a, r.b, 'yaml parse only', undefined);
}

// 2. A generated large file: 2,000 steps and 200 pipelines; then parsing throughput up to 10,000 steps (bench-parse.ts).
const large = valohaiFile(2000);
{
  const r = compare(() => lint(large), () => parseOnly(large), 7);
  line(`lint: large file (${(large.length / 1024).toFixed(0)} KB)`, r.a, r.b, 'yaml parse only', 2);
}
benchParsing(HAS_CORPUS ? corpusFiles('real').map((f) => readFileSync(f, 'utf8')) : []);

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
