// `pnpm bench`: speed goals as ratios measured in one run (never timed tests: these machines are shared and noisy).
// Each line compares valohai-lint with a baseline on the same input in the same process and prints the ratio.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { fixText, lint, pipelineGraphs } from '../packages/core/src/index.js';
import { run as runCli } from '../packages/cli/src/main.js';
import { unifiedDiff } from '../packages/cli/src/unified-diff.js';
import { layoutScene, renderSvg, sceneOf } from '../packages/graph/src/index.js';
import { CORPUS_MISSING, corpusFiles, corpusPath, HAS_CORPUS } from '../test/helpers/corpus.js';
import { aliasFanOut, brokenMinifiedSteps, fixableSteps, minifiedSteps, unclosedQuotes, unknownKeys, unknownStepNodes } from '../test/hostile/generate.js';
import { isValohaiFileName } from '../packages/core/src/file-names.js';
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
  line('valohai-lint one-file (process)', r.a, r.b, 'node -e ""', 1.5);
  rmSync(dir, { recursive: true, force: true });
}

// 3b. The batch (issue 13): the 128 real files in one process each, valohai-lint against valohai-yaml 0.57.0
// (`python3 -m valohai_yaml`). valohai-yaml is never part of this repository: VALOHAI_YAML_PYTHONPATH says where its
// source (and leval's) is, VALOHAI_YAML_PYTHON which Python to run it with (../shared/reference/toolchain.md, §9).
// Then where valohai-lint's time goes in that run, from its own VALOHAI_LINT_TIMING report.
if (!HAS_CORPUS) console.log('batch: real files                   skipped (no shared corpus)');
else {
  const files = corpusFiles('real');
  const label = `batch: ${files.length} real files (process)`;
  const ours = (env: NodeJS.ProcessEnv = process.env) => spawnSync(process.execPath, [join(ROOT, 'packages/cli/dist/valohai-lint.js'), ...files], { env, encoding: 'utf8' });
  const pythonPath = process.env['VALOHAI_YAML_PYTHONPATH'];
  const python = process.env['VALOHAI_YAML_PYTHON'] ?? 'python3';
  const theirs = () => spawnSync(python, ['-m', 'valohai_yaml', '--no-colors', ...files], { env: { ...process.env, PYTHONPATH: pythonPath }, encoding: 'utf8' });
  const probe = pythonPath === undefined ? undefined : theirs();
  // valohai-yaml exits 1 when a file has errors (some of these do); anything else means it did not run.
  const failed = probe && ((probe.status !== 0 && probe.status !== 1) || /Traceback|No module named/.test(probe.stderr));
  let theirsMs: number | undefined;
  if (!probe) console.log(`${label.padEnd(34)} skipped against valohai-yaml: set VALOHAI_YAML_PYTHONPATH to its source (and leval's)`);
  else if (failed) console.log(`${label.padEnd(34)} skipped: valohai-yaml did not run (${(probe.stderr || String(probe.error)).trim().split('\n').at(-1)})`);
  else {
    const r = compare(() => void ours(), () => void theirs(), 7);
    theirsMs = r.b;
    line(label, r.a, r.b, 'valohai-yaml 0.57.0', 0.2);
    console.log(`  valohai-lint is ${(r.b / r.a).toFixed(1)}× faster (goal: 5×, ratio ≤ 0.2)`);
  }
  const stages = Array.from({ length: 5 }, () => JSON.parse(/timing \(ms\) (\{.*\})/.exec(ours({ ...process.env, VALOHAI_LINT_TIMING: '1' }).stderr)![1]!) as Record<string, number>);
  const at = (stage: string): number => median(stages.map((t) => t[stage]!));
  const named = ['start', 'load', 'read', 'parse', 'schema', 'rules', 'settle', 'output'];
  const other = at('total') - named.reduce((sum, stage) => sum + at(stage), 0);
  console.log(`  where its time goes (ms, median of 5): ${named.map((stage) => `${stage} ${at(stage).toFixed(0)}`).join(' · ')} · other ${other.toFixed(0)} · total ${at('total').toFixed(0)}`);
  // How much of the goal is spent before any check runs: Node's own start, loading the program, reading the files and
  // parsing them. When that alone is near 0.2 of valohai-yaml, no speed-up of the checks can reach 5×.
  if (theirsMs !== undefined) {
    const beforeChecks = at('start') + at('load') + at('read') + at('parse');
    console.log(`  before any check: Node's start alone ${(at('start') / theirsMs).toFixed(2)}× of valohai-yaml; start, load, read and parse ${(beforeChecks / theirsMs).toFixed(2)}× (${beforeChecks.toFixed(0)} ms)`);
  }
}

// 3c. Memory per file in a batch (issue 13): what the CLI holds when it writes its report (the heap after a
// collection, taken at its first write, while every file's result is still held) for 1, 128, 640 and 1,280 files (the
// real files, then copies). The parsed trees are let go as each file is done, so what each further file adds must not
// grow: the goal compares files 641-1,280 with files 129-640 (both differences of large heaps; the first 128 files'
// figure, a difference from one file's heap, moves by a fifth with one collection's leftovers, so it is shown only).
if (HAS_CORPUS) {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const held = async (files: string[]): Promise<number> => {
    let heap: number | undefined;
    const sink = { write: (): boolean => {
      if (heap === undefined) {
        collect();
        heap = process.memoryUsage().heapUsed;
      }
      return true;
    } };
    await runCli(files, { cwd: ROOT, env: {}, stdout: sink, stderr: { write: () => true }, readStdin: () => Promise.resolve(new Uint8Array()) });
    return heap!;
  };
  const real = corpusFiles('real');
  const copies = mkdtempSync(join(tmpdir(), 'vl-bench-memory-'));
  const many = Array.from({ length: 10 }, (_, i) => real.map((f) => {
    const copy = join(copies, `${i}-${basename(f)}`);
    writeFileSync(copy, readFileSync(f));
    return copy;
  })).flat();
  await held(many); // warm up, so that compiled code is not counted
  // Each heap is the median of three runs: one collection's leftovers move a 128-file figure by a tenth.
  const heldMedian = async (files: string[]): Promise<number> => median([await held(files), await held(files), await held(files)]);
  const sizes = [1, real.length, many.length / 2, many.length];
  const heaps: number[] = [];
  for (const n of sizes) heaps.push(await heldMedian(many.slice(0, n)));
  const added = (i: number): number => (heaps[i]! - heaps[i - 1]!) / (sizes[i]! - sizes[i - 1]!) / 1024;
  const [first, middle, last] = [added(1), added(2), added(3)];
  console.log(`${'cli memory: held per file'.padEnd(34)} ${first.toFixed(1)} KB for files 2-${sizes[1]}, ${middle.toFixed(1)} KB for ${sizes[1]! + 1}-${sizes[2]}, ${last.toFixed(1)} KB for ${sizes[2]! + 1}-${sizes[3]}   ratio ${(last / middle).toFixed(2)}×  (goal ≤ 1.25×, does not grow: ${last / middle <= 1.25 ? 'met' : 'NOT met'})`);
  rmSync(copies, { recursive: true, force: true });
}

// 4. `eslint` with only eslint-plugin-valohai (configs.recommended, the built package) against valohai-lint, each one
// process over the same folder of real files.
if (!HAS_CORPUS) console.log('eslint + plugin: real files          skipped (no shared corpus)');
else {
  const project = mkdtempSync(join(tmpdir(), 'vl-bench-eslint-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(join(ROOT, 'packages/eslint-plugin'), join(project, 'node_modules/eslint-plugin-valohai'), 'junction');
  const config = join(project, 'eslint.config.js');
  writeFileSync(config, "import valohai from 'eslint-plugin-valohai';\nexport default [valohai.configs.recommended];\n");
  const real = corpusPath('real');
  const files = corpusFiles('real').filter((f) => isValohaiFileName(basename(f))).length;
  const eslint = join(ROOT, 'test/node_modules/eslint/bin/eslint.js');
  const cli = join(ROOT, 'packages/cli/dist/valohai-lint.js');
  const r = compare(
    () => void spawnSync(process.execPath, [eslint, '--config', config, '.'], { cwd: real, stdio: 'ignore' }),
    () => void spawnSync(process.execPath, [cli, '.'], { cwd: real, stdio: 'ignore' }),
    7,
  );
  line(`eslint + plugin: ${files} real files`, r.a, r.b, 'valohai-lint (process)', 2);
  // ESLint's own part: the same files, matched by the same patterns, read by a language that does nothing (one node
  // per file, no rule), so that what the plugin adds can be told from what ESLint costs any language.
  const kit = pathToFileURL(join(ROOT, 'packages/eslint-plugin/node_modules/@eslint/plugin-kit/dist/esm/index.js')).href;
  const nullConfig = join(project, 'null.config.js');
  writeFileSync(
    nullConfig,
    `import { TextSourceCodeBase } from ${JSON.stringify(kit)};
import valohai from 'eslint-plugin-valohai';
class Source extends TextSourceCodeBase { *traverse() {} }
const text = {
  fileType: 'text', lineStart: 1, columnStart: 0, nodeTypeKey: 'type', visitorKeys: { Document: [] },
  validateLanguageOptions() {},
  parse(file) { const body = String(file.body); return { ok: true, ast: { type: 'Document', range: [0, body.length], loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } } } }; },
  createSourceCode(file, input) { return new Source({ text: String(file.body), ast: input.ast }); },
};
export default [{ files: valohai.configs.recommended.files, plugins: { nothing: { languages: { text } } }, language: 'nothing/text' }];
`,
  );
  const floor = compare(
    () => void spawnSync(process.execPath, [eslint, '--config', nullConfig, '.'], { cwd: real, stdio: 'ignore' }),
    () => void spawnSync(process.execPath, [eslint, '--config', config, '.'], { cwd: real, stdio: 'ignore' }),
    5,
  );
  line('eslint, a language reading nothing', floor.a, floor.b, 'eslint + plugin', undefined);
  console.log(`  the plugin adds ${(floor.b - floor.a).toFixed(0)} ms to ESLint's own ${floor.a.toFixed(0)} ms; valohai-lint's whole run: ${r.b.toFixed(0)} ms`);
  rmSync(project, { recursive: true, force: true });
}

// 5. Language server: didChange → diagnostics through the bundled server over stdio, against the core's lint time for
// the same texts in the same run (scripts/bench-lsp.ts).
{
  // Typing (issue 13): a character typed and deleted again inside the first step of a 2,000-step file (with 800
  // pipelines across the steps), so that every item after it moves, diagnostics pulled as VS Code does. Keystrokes come
  // 100 ms apart, and the full lint it is held against gets the same pause before it; back to back, for comparison, the
  // edits follow the full lint's without a pause. Then a value replaced by one of the same length (nothing moves).
  const text = generatedFile(45_000);
  const steps = `${(text.match(/^- step:/gm)?.length ?? 0).toLocaleString('en')}-step file`;
  const typed = await measureLatency(ROOT, text, 20, 'pull', 6, 100, 'type');
  line(`typing: ${steps}, 100 ms apart`, typed.server, typed.core, 'core lint() (full)', 0.15);
  const burst = await measureLatency(ROOT, text, 20, 'pull', 6, 0, 'type');
  line(`typing: ${steps}, no pause`, burst.server, burst.core, 'core lint() (full)', undefined);
  const replaced = await measureLatency(ROOT, text, 20, 'pull', 6, 100, 'replace');
  line(`same-length edit: ${steps}`, replaced.server, replaced.core, 'core lint() (full)', undefined);

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

// 5. Pipeline graph: laying out a generated 200-node pipeline (goal: under a second on this CPU), next to linting the
// same file. Ten layers of 20 nodes, each node fed by two of the layer before, and a pipeline parameter per layer.
{
  const nodes = 200;
  const width = 20;
  const list = Array.from({ length: nodes }, (_, i) => `      - {name: node-${i}, type: execution, step: work}`).join('\n');
  const edges = Array.from({ length: nodes - width }, (_, k) => {
    const i = k + width;
    const a = i - width;
    const b = i - width + (i % width === width - 1 ? -1 : 1);
    return `      - [node-${a}.output.*.csv, node-${i}.input.data]\n      - [node-${b}.output.model*, node-${i}.input.data]`;
  }).join('\n');
  const params = Array.from({ length: nodes / width }, (_, l) => `      - {name: rate-${l}, targets: [node-${l * width}.parameter.rate]}`).join('\n');
  const text = `- step:\n    name: work\n    image: docker.io/library/python:3.12\n    command: python work.py\n    inputs: [{name: data}]\n    parameters: [{name: rate, type: float, default: 0.1}]\n- pipeline:\n    name: big\n    nodes:\n${list}\n    edges:\n${edges}\n    parameters:\n${params}\n`;
  const result = lint(text);
  const graph = pipelineGraphs(result.document!, { diagnostics: result.diagnostics })[0]!;
  const scene = sceneOf(graph);
  const r = compare(() => layoutScene(scene), () => lint(text), 5);
  line(`graph: lay out ${scene.boxes.length} boxes, ${scene.links.length} links`, r.a, r.b, 'core lint()', undefined);
  const all = compare(() => renderSvg([{ scene: sceneOf(graph), layout: layoutScene(sceneOf(graph)) }]), () => lint(text), 5);
  line('graph: view → SVG, all of it', all.a, all.b, 'core lint()', undefined);
  console.log(`${'graph: 200-node layout goal'.padEnd(34)} under 1000 ms: ${r.a < 1000 ? 'met' : 'NOT met'} (${r.a.toFixed(0)} ms)`);
}

// 6. Hostile inputs (issue 10): aliases of one anchor, once quadratic, against parsing alone; the --fix-dry-run diff of
// 8,000 fixes, built from the edits (it once took minutes), against fixing itself.
{
  const aliases = aliasFanOut(8000);
  const r = compare(() => lint(aliases), () => parseOnly(aliases), 5);
  line('lint: 8,000 aliases of one anchor', r.a, r.b, 'yaml parse only', 3);
  const text = fixableSteps(8000);
  const fixed = fixText(text);
  const d = compare(() => unifiedDiff('valohai.yaml', text, fixed.edits), () => fixText(text), 3);
  line('dry-run diff: 8,000 fixes', d.a, d.b, 'fixText', 0.25);

  // Files with thousands of findings, twice as many against once, through the real executable, which runs small
  // inputs without V8's optimizing compiler: there, a scan of the line per finding made a one-line file of 270 KB take
  // 17 s, a scan per syntax error made 150 KB take 20 s, looking through the mapping per unknown key 4,000 keys 4 s, and
  // guessing each of 4,000 unknown step names among 4,000 steps 80 s.
  const cli = join(ROOT, 'packages/cli/dist/valohai-lint.js');
  const hostileFiles = [
    ['cli: one-line file, 4,000 steps', minifiedSteps],
    ['cli: one-line, 4,000 syntax errors', brokenMinifiedSteps],
    ['cli: 4,000 unclosed quotes', unclosedQuotes],
    ['cli: 4,000 unknown keys in a step', unknownKeys],
    ['cli: 4,000 nodes with unknown steps', unknownStepNodes],
  ] as const;
  for (const [label, make] of hostileFiles) {
    const oneLine = mkdtempSync(join(tmpdir(), 'vl-bench-one-line-'));
    for (const n of [2000, 4000]) {
      mkdirSync(join(oneLine, String(n)));
      writeFileSync(join(oneLine, String(n), 'valohai.yaml'), make(n));
    }
    const o = compare(
      () => void spawnSync(process.execPath, [cli, '4000'], { cwd: oneLine, stdio: 'ignore' }),
      () => void spawnSync(process.execPath, [cli, '2000'], { cwd: oneLine, stdio: 'ignore' }),
      3,
    );
    line(label, o.a, o.b, '2,000', 2.5);
    rmSync(oneLine, { recursive: true, force: true });
  }
}
