// Parsing throughput for `pnpm bench` (issue 13): the fast parsing path against the `yaml` path on the same texts in
// the same run, alternating runs so that machine noise hits both alike. Generated files of 2,000, 4,000 and 10,000
// steps (parsing alone and whole lint() runs, in MB/s), a text the fast path gives up on only at its last line (what a
// fallback costs), and the lint time of the real files. Goal: warm lint() ≥ 2 MB/s at 2,000 steps, linear to 10,000.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDocument, lint } from '../packages/core/src/index.js';
import { parseValohaiYaml } from '../packages/core/src/document/parse.js';
import { median } from './bench-lsp.js';

/** A generated valohai.yaml of `steps` steps and a pipeline per ten steps (the bench's "large file"). */
export function valohaiFile(steps: number): string {
  const out: string[] = [];
  for (let i = 0; i < steps; i++) {
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
  for (let p = 0; p < steps / 10; p++) {
    out.push(`- pipeline:
    name: pipeline-${p}
    nodes:
${Array.from({ length: 5 }, (_, n) => `      - name: node-${n}\n        type: execution\n        step: step-${p * 10 + n}`).join('\n')}
    edges:
${Array.from({ length: 4 }, (_, n) => `      - [node-${n}.output.*, node-${n + 1}.input.dataset]`).join('\n')}`);
  }
  return `${out.join('\n')}\n`;
}

// Collecting garbage before each timed run keeps one path's garbage (the yaml path makes a lot) out of the other's time.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * CPU time (user and system, ms) of one run of `fn`, from a clean heap: on a shared machine the wall time also counts
 * the time other processes hold the CPU, which varies several-fold from run to run.
 */
function timed(fn: () => void): number {
  collectGarbage();
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/** Median CPU times (ms) of `fast` and `slow` (when given), alternating their runs, after `warmUp` rounds. */
function pair(fast: () => void, slow: (() => void) | undefined, runs: number, warmUp = 1): { fast: number; slow: number } {
  for (let i = 0; i < warmUp; i++) {
    fast();
    slow?.();
  }
  const f: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < runs; i++) {
    f.push(timed(fast));
    if (slow) s.push(timed(slow));
  }
  return { fast: median(f), slow: slow ? median(s) : NaN };
}

const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

function report(label: string, bytes: number, r: { fast: number; slow: number }, note = ''): number {
  const fast = mbps(bytes, r.fast);
  const slow = Number.isNaN(r.slow) ? '' : `   yaml path ${r.slow.toFixed(1).padStart(7)} CPU ms ${mbps(bytes, r.slow).toFixed(2).padStart(6)} MB/s   ratio ${(r.fast / r.slow).toFixed(2)}×`;
  console.log(`${label.padEnd(34)} fast path ${r.fast.toFixed(1).padStart(7)} CPU ms ${fast.toFixed(2).padStart(6)} MB/s${slow}${note}`);
  return fast;
}

// The 10,000-step file is larger than lint()'s default limit (5 MB), past which it only reports the size.
const lintWith = (text: string, fast: boolean) => (): void => void lint(text, { maxFileSize: 50_000_000 }, { document: createDocument(text, { fast }) });

/** Prints the parsing lines of the bench; `real` are the texts of the real files (none without the corpus). */
export function benchParsing(real: string[]): void {
  const lintSpeed: number[] = [];
  for (const [steps, runs] of [
    [2000, 7],
    [4000, 5],
    [10_000, 3],
  ] as const) {
    const text = valohaiFile(steps);
    const size = `${steps.toLocaleString('en')} steps, ${(text.length / 1e6).toFixed(1)} MB`;
    const first = steps === 2000;
    report(`parse: ${size}`, text.length, pair(() => parseValohaiYaml(text), () => parseValohaiYaml(text, { fast: false }), runs, first ? 1 : 0));
    // The yaml path's lint is timed once, at 2,000 steps (at 10,000 it takes seconds a run).
    const speed = report(`lint: ${size}`, text.length, pair(lintWith(text, true), first ? lintWith(text, false) : undefined, runs, first ? 1 : 0));
    lintSpeed.push(speed);
    if (first) console.log(`  lint at 2,000 steps: ${speed.toFixed(2)} MB/s (goal ≥ 2 MB/s: ${speed >= 2 ? 'met' : 'NOT met'})`);
  }
  // Linear growth: the throughput at 10,000 steps stays near the one at 2,000 (quadratic work would divide it by five).
  const growth = lintSpeed[2]! / lintSpeed[0]!;
  console.log(`  lint throughput at 10,000 / 2,000 steps: ${growth.toFixed(2)} (goal ≥ 0.8, linear: ${growth >= 0.8 ? 'met' : 'NOT met'})`);

  // A fallback: the fast path reads the whole file, meets a tab on the last line, and the yaml path reads it again.
  const late = `${valohaiFile(2000)}- step:\n\tname: x\n`;
  report('parse: given up at the last line', late.length, pair(() => parseValohaiYaml(late), () => parseValohaiYaml(late, { fast: false }), 5), '  (fallback cost)');

  if (real.length > 0) {
    const bytes = real.reduce((n, t) => n + t.length, 0);
    report(`lint: ${real.length} real files`, bytes, pair(() => real.forEach((t) => lintWith(t, true)()), () => real.forEach((t) => lintWith(t, false)()), 15));
  }
}
