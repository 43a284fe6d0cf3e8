// `valohai-lint graph` end to end (the bundled CLI): formats, choosing pipelines, the exit-code contract, standard
// input, and the pipeline diagrams that `--format github` appends to the GitHub job summary.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument } from '@valohai-lint/core';
import { MAX_DIAGRAMS, MERMAID_MAX_TEXT, pipelineGraphsSummary } from '../../packages/cli/src/formatters/graph-summary.js';
import { parseXml } from '../../packages/graph/test/checks.js';
import { NO_CI, runCli, tree } from '../helpers/cli.js';

const STEP = '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    inputs: [{name: data}]\n';

function pipeline(name: string, nodes: number): string {
  const list = Array.from({ length: nodes }, (_, i) => `      - {name: n${i}, type: execution, step: train}`).join('\n');
  const edges = Array.from({ length: nodes - 1 }, (_, i) => `      - [n${i}.output.out, n${i + 1}.input.data]`).join('\n');
  return `- pipeline:\n    name: ${name}\n    nodes:\n${list}\n    edges:${nodes > 1 ? `\n${edges}` : ' []'}\n`;
}

const PROJECT = `${STEP}${pipeline('first', 3)}${pipeline('second', 2)}`;

describe('valohai-lint graph', () => {
  const cwd = tree({ 'valohai.yaml': PROJECT });

  it('draws every pipeline of ./valohai.yaml as Markdown with Mermaid blocks by default', async () => {
    const r = await runCli(['graph'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^### Pipeline "(\w+)" in valohai.yaml$/gm)).toEqual(['### Pipeline "first" in valohai.yaml', '### Pipeline "second" in valohai.yaml']);
    expect(r.stdout.match(/^```mermaid$/gm)).toHaveLength(2);
  });

  it('draws only the pipelines asked for, in every format', async () => {
    const dot = await runCli(['graph', 'valohai.yaml', '--pipeline', 'second', '--format', 'dot'], { cwd });
    expect(dot.code).toBe(0);
    expect(dot.stdout.match(/^digraph "(\w+)"/gm)).toEqual(['digraph "second"']);
    const json = JSON.parse((await runCli(['graph', '-p', 'first', '-p', 'second', '-f', 'json'], { cwd })).stdout) as { version: number; file: string; pipelines: { name: string }[] };
    expect(json).toMatchObject({ version: 1, file: 'valohai.yaml' });
    expect(json.pipelines.map((p) => p.name)).toEqual(['first', 'second']);
    const svg = await runCli(['graph', '--format', 'svg', '--pipeline', 'first'], { cwd });
    const boxes = Array.from(parseXml(svg.stdout).getElementsByTagName('g')).filter((g) => g.getAttribute('class')?.startsWith('vl-box '));
    expect(boxes.map((b) => b.getAttribute('data-id'))).toEqual(['n0', 'n1', 'n2']);
  });

  it('reads standard input with -', async () => {
    const r = await runCli(['graph', '-', '--format', 'dot'], { cwd: tree({}), input: `${STEP}${pipeline('piped', 2)}` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('digraph "piped"');
  });

  it('exits 2 with a clear message on usage errors, unknown pipelines and missing files', async () => {
    const unknown = await runCli(['graph', '--pipeline', 'thrid'], { cwd });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('valohai-lint graph: no pipeline "thrid" in "valohai.yaml"; its pipelines are "first", "second".\n');
    expect((await runCli(['graph', '--format', 'png'], { cwd })).stderr).toContain('Unknown graph format "png"; expected one of "mermaid", "dot", "svg", "json".');
    expect((await runCli(['graph', 'a.yaml', 'b.yaml'], { cwd })).code).toBe(2);
    expect((await runCli(['graph', '--bogus'], { cwd })).code).toBe(2);
    const none = await runCli(['graph'], { cwd: tree({}) });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no valohai.yaml or valohai.yml in the current folder');
    const badConfig = await runCli(['graph'], { cwd: tree({ 'valohai.yaml': PROJECT, '.valohai-lint.yaml': 'rules:\n  no-such-rule: error\n' }) });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('no-such-rule');
  });

  it('says so when a file has no pipelines, and still prints valid output', async () => {
    const r = await runCli(['graph', '--format', 'json'], { cwd: tree({ 'valohai.yml': STEP }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('valohai-lint graph: "valohai.yml" has no pipelines.\n');
    expect(JSON.parse(r.stdout)).toEqual({ version: 1, file: 'valohai.yml', pipelines: [] });
  });

  it('has its own help, and the main help points to it', async () => {
    expect((await runCli(['graph', '--help'])).stdout).toContain('Usage: valohai-lint graph [FILE] [--pipeline NAME] [--format FORMAT]');
    expect((await runCli(['--help'])).stdout).toContain('valohai-lint graph [FILE]');
  });
});

describe('--format github job summary', () => {
  it('appends a Mermaid diagram of each pipeline after the findings', async () => {
    const dir = tree({ 'valohai.yaml': `${STEP}${pipeline('first', 2)}`.replace('n1.input.data', 'n9.input.data') });
    const summary = join(dir, 'summary.md');
    const r = await runCli(['--format', 'github'], { cwd: dir, env: { ...NO_CI, GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const written = readFileSync(summary, 'utf8');
    expect(written.indexOf('| error |')).toBeGreaterThan(0);
    expect(written.indexOf('### Pipelines')).toBeGreaterThan(written.indexOf('| error |'));
    expect(written).toContain('#### Pipeline "first" in valohai.yaml\n\n```mermaid\nflowchart LR\n');
    // The dangling end is drawn as a missing node, and the edge in the error's colour.
    expect(written).toMatch(/ {2}m0\(\["n9<br\/>not in this pipeline"\]\)/);
    expect(written).toContain('linkStyle 0 stroke:#cf222e');
  });

  it('adds nothing when no file has a pipeline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-graph-gh-'));
    const clean = tree({ 'valohai.yaml': STEP });
    const summary = join(dir, 'summary.md');
    await runCli(['--format', 'github'], { cwd: clean, env: { ...NO_CI, GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).not.toContain('Pipelines');
  });

  it('draws at most a fixed number of diagrams, and names a diagram too large for GitHub instead of drawing it', async () => {
    const many = `${STEP}${Array.from({ length: MAX_DIAGRAMS + 2 }, (_, i) => pipeline(`p${i}`, 1)).join('')}`;
    const text = pipelineGraphsSummary([{ path: '/w/valohai.yaml', relativePath: 'valohai.yaml', text: many, diagnostics: [], document: createDocument(many) }], undefined);
    expect(text.match(/^```mermaid$/gm)).toHaveLength(MAX_DIAGRAMS);
    expect(text).toContain('2 more pipelines are not shown');
    const huge = `${STEP}${pipeline('huge', 600)}`;
    const big = pipelineGraphsSummary([{ path: '/w/valohai.yaml', relativePath: 'valohai.yaml', text: huge, diagnostics: [], document: createDocument(huge) }], undefined);
    expect(big).not.toContain('```mermaid');
    expect(big).toMatch(new RegExp(`Too large for GitHub to draw \\(\\d{2,3},\\d{3} characters of Mermaid\\)`));
    expect(MERMAID_MAX_TEXT).toBe(50_000);
  });
});
