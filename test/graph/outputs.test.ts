// Pipeline graphs of real files: the example project through the real CLI, and every pipeline of the shared corpus.
// Mermaid, DOT and JSON are compared with snapshot files next to this test (UPDATE with `vitest -u`); for the shared
// corpus, whose files belong to their authors and are never copied here, only the digests of those outputs are kept
// (snapshots/real.sha256.json, rewritten with UPDATE=1). The DOT is read by Graphviz's own `dot`; the SVG is parsed as
// XML and its layout checked for overlapping boxes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, pipelineGraphs, type PipelineGraph } from '@valohai-lint/core';
import { drawPipelines, renderDot, renderJson, renderMermaidMarkdown, renderSvg, sceneOf } from '@valohai-lint/graph';
import { overlaps, parseXml } from '../../packages/graph/test/checks.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { corpusNames, corpusPath } from '../helpers/corpus.js';
import { describeCorpus } from '../helpers/corpus-suite.js';

const SNAPSHOTS = join(import.meta.dirname, 'snapshots');

/** Graphviz's verdict on DOT text: its exit code and what it printed on stderr (warnings included). */
function graphviz(dot: string): { status: number | null; stderr: string } {
  const r = spawnSync('dot', ['-Tsvg', '-o', '/dev/null'], { input: dot, encoding: 'utf8' });
  if (r.error) throw new Error(`Graphviz's dot could not run (${r.error.message}); install it with: bash scripts/install-tools.sh`);
  return { status: r.status, stderr: r.stderr };
}

/** The SVG parses as XML, has a box per scene box and a link per scene link, and no two boxes overlap. */
function checkSvg(graphs: readonly PipelineGraph[]): void {
  const drawn = drawPipelines(graphs);
  const svg = renderSvg(drawn);
  const doc = parseXml(svg);
  const groups = Array.from(doc.getElementsByTagName('g')).map((g) => g.getAttribute('class') ?? '');
  expect(groups.filter((c) => c.startsWith('vl-box ')).length).toBe(drawn.reduce((n, d) => n + d.scene.boxes.length, 0));
  expect(groups.filter((c) => c.startsWith('vl-link ')).length).toBe(drawn.reduce((n, d) => n + d.scene.links.length, 0));
  for (const { scene, layout } of drawn) expect(overlaps(layout.boxes), `boxes overlap in pipeline "${scene.name}"`).toEqual([]);
}

describe('the example project, through valohai-lint graph', () => {
  const cwd = join(ROOT, 'examples');
  for (const [format, ext] of [['mermaid', 'md'], ['dot', 'dot'], ['json', 'json']] as const) {
    it(`--format ${format}`, async () => {
      const r = await runCli(['graph', 'valohai.yaml', '--format', format], { cwd });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(join(SNAPSHOTS, 'example', `valohai.${ext}`));
      if (format === 'dot') expect(graphviz(r.stdout)).toEqual({ status: 0, stderr: '' });
    });
  }

  it('--format svg is well-formed XML with the findings marked', async () => {
    const r = await runCli(['graph', '--format', 'svg'], { cwd });
    expect(r.code).toBe(0);
    const doc = parseXml(r.stdout);
    const classes = Array.from(doc.getElementsByTagName('g')).map((g) => `${g.getAttribute('data-id')} ${g.getAttribute('class')}`);
    expect(classes).toContain('n1 vl-box vl-execution vl-sev-error');
    expect(classes).toContain('e0 vl-link vl-edge vl-sev-error vl-broken');
    const text = readFileSync(join(cwd, 'valohai.yaml'), 'utf8');
    const result = lint(text);
    checkSvg(pipelineGraphs(result.document!, { diagnostics: result.diagnostics }));
  });
});

/** Mermaid (Markdown), DOT and JSON of the pipelines of one file. */
function outputsOf(path: string, file: string): { graphs: PipelineGraph[]; md: string; dot: string; json: string } {
  const result = lint(readFileSync(path, 'utf8'));
  const graphs = pipelineGraphs(result.document!, { diagnostics: result.diagnostics });
  const scenes = graphs.map(sceneOf);
  return { graphs, md: renderMermaidMarkdown(scenes, { file }), dot: scenes.map(renderDot).join('\n'), json: renderJson(graphs, { file }) };
}

/** Snapshots, Graphviz's verdict and the SVG checks for the pipelines of one file of this repository. */
async function checkFile(path: string, snapshotBase: string, file: string): Promise<PipelineGraph[]> {
  const { graphs, md, dot, json } = outputsOf(path, file);
  await expect(md).toMatchFileSnapshot(`${snapshotBase}.md`);
  await expect(dot).toMatchFileSnapshot(`${snapshotBase}.dot`);
  await expect(json).toMatchFileSnapshot(`${snapshotBase}.json`);
  expect(graphviz(dot)).toEqual({ status: 0, stderr: '' });
  checkSvg(graphs);
  return graphs;
}

const DIGESTS = join(SNAPSHOTS, 'real.sha256.json');
const digest = (text: string): string => createHash('sha256').update(text).digest('hex');
const expectedDigests: Record<string, Record<string, string>> = existsSync(DIGESTS) ? (JSON.parse(readFileSync(DIGESTS, 'utf8')) as Record<string, Record<string, string>>) : {};
const actualDigests: Record<string, Record<string, string>> = {};

describe('a pipeline with every kind of breakage still draws, the broken parts marked', () => {
  it('fixtures/broken.yaml', async () => {
    const [graph] = await checkFile(join(import.meta.dirname, 'fixtures/broken.yaml'), join(SNAPSHOTS, 'fixtures', 'broken'), 'broken.yaml');
    const problems = new Set(graph!.edges.flatMap((e) => e.problems));
    expect([...problems].sort()).toEqual(['cycle', 'malformed', 'self', 'source-type', 'unknown-source', 'unknown-target']);
    const boxes = sceneOf(graph!).boxes;
    expect(boxes.filter((b) => b.kind === 'missing').map((b) => b.title)).toEqual(['ghost', 'phantom', '?', 'nowhere']);
    expect(boxes.filter((b) => b.severity === 'error').length).toBeGreaterThan(0);
  });
});

describeCorpus('every pipeline of corpus/real', () => {
  for (const file of corpusNames('real')) {
    it(file, async () => {
      const text = readFileSync(corpusPath('real', file), 'utf8');
      const result = lint(text);
      const graphs = pipelineGraphs(result.document!, { diagnostics: result.diagnostics });
      if (graphs.length === 0) {
        // Nothing to draw; drawing nothing must still work.
        expect(renderSvg(drawPipelines(graphs))).toContain('<svg');
        return;
      }
      const { graphs: drawn, md, dot, json } = outputsOf(corpusPath('real', file), file);
      const outputs: Record<string, string> = { md, dot, json };
      actualDigests[file] = Object.fromEntries(Object.entries(outputs).map(([ext, out]) => [ext, digest(out)]));
      if (process.env['UPDATE'] !== '1') {
        for (const [ext, out] of Object.entries(outputs)) {
          expect(digest(out), `the ${ext} output of ${file} changed (review it, then UPDATE=1 rewrites the digests):\n${out.slice(0, 4000)}`).toBe(expectedDigests[file]?.[ext]);
        }
      }
      expect(graphviz(dot)).toEqual({ status: 0, stderr: '' });
      checkSvg(drawn);
    });
  }
  afterAll(() => {
    if (process.env['UPDATE'] === '1') writeFileSync(DIGESTS, `${JSON.stringify(Object.fromEntries(Object.entries(actualDigests).sort()), null, 1)}\n`);
  });
});

describeCorpus('every file of corpus/upstream and corpus/edge-cases draws', () => {
  for (const folder of ['upstream/valid', 'upstream/invalid', 'edge-cases']) {
    for (const file of corpusNames(folder)) {
      it(`${folder}/${file}`, async () => {
        const result = lint(readFileSync(corpusPath(folder, file), 'utf8'));
        if (!result.document) return;
        const graphs = pipelineGraphs(result.document, { diagnostics: result.diagnostics });
        checkSvg(graphs);
        if (graphs.length > 0) expect(graphviz(graphs.map((g) => renderDot(sceneOf(g))).join('\n'))).toEqual({ status: 0, stderr: '' });
      });
    }
  }
});
