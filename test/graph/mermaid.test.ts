// The Mermaid output drawn by Mermaid itself (the library GitHub and GitLab use, in strict security mode as GitHub runs
// it) in headless Chromium: every diagram parses and draws, with one shape per box and one line per link, and each
// label reads back as the text the scene holds, hostile names included.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, pipelineGraphs } from '@valohai-lint/core';
import { findingCount, renderMermaid, sceneOf, type Scene } from '@valohai-lint/graph';
import { CHROMIUM, CHROMIUM_ARGS } from '../extension/code-server.js';
import { ROOT } from '../helpers/cli.js';
import { corpusNames, corpusPath } from '../helpers/corpus.js';
import { describeCorpus } from '../helpers/corpus-suite.js';

const MERMAID = createRequire(join(ROOT, 'test/package.json')).resolve('mermaid/dist/mermaid.min.js');

interface Drawn {
  error?: string;
  nodes: string[];
  edges: number;
  labels: string[];
  /** Elements that would run or fetch something (an injected <script> or <img>). */
  live: number;
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><body></body></html>');
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
}, 60_000);
afterAll(() => browser?.close());

/** Draws a diagram with Mermaid in the page: its node labels (text as shown), edge count and edge labels, or its error. */
async function draw(source: string): Promise<Drawn> {
  return page.evaluate(async (text) => {
    type El = { textContent: string | null; querySelectorAll(s: string): ArrayLike<El> };
    const g = globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> }; document: { createElement(t: string): El & { innerHTML: string } } };
    try {
      const { svg } = await g.mermaid.render(`d${Math.random().toString(36).slice(2)}`, text);
      const holder = g.document.createElement('div');
      holder.innerHTML = svg;
      const all = (s: string): El[] => Array.from(holder.querySelectorAll(s));
      return { nodes: all('g.node').map((n) => n.textContent ?? ''), edges: all('.edgePaths path, path.flowchart-link').length, labels: all('g.edgeLabel').map((l) => l.textContent ?? ''), live: all('script, img, iframe').length };
    } catch (error) {
      return { error: String(error), nodes: [], edges: 0, labels: [], live: 0 };
    }
  }, source);
}

/** What a box's label reads as once drawn: its lines, with no separator (Mermaid turns <br/> into line breaks). */
const shownText = (lines: readonly string[]): string => lines.join('');

async function expectDrawn(scene: Scene): Promise<void> {
  const drawn = await draw(renderMermaid(scene));
  expect(drawn.error).toBeUndefined();
  expect(drawn.nodes.length).toBe(scene.boxes.length);
  expect(drawn.edges).toBe(scene.links.length);
  for (const box of scene.boxes) {
    const count = findingCount(box.findings);
    expect(drawn.nodes).toContain(shownText([box.title, ...box.details, ...(count ? [count] : [])]));
  }
}

const HOSTILE = `<img src=x onerror=alert(1)>a"b'c<d>&e]]>\`\`\`f\\Ng#h|i{j}k%%l$$m<script>alert(1)</script>\u00e9\u4e2d`;

describe('Mermaid draws the diagrams', () => {
  it('of the example project', async () => {
    const result = lint(readFileSync(join(ROOT, 'examples/valohai.yaml'), 'utf8'));
    for (const graph of pipelineGraphs(result.document!, { diagnostics: result.diagnostics })) await expectDrawn(sceneOf(graph));
  });

  it('of a pipeline with every kind of breakage', async () => {
    const result = lint(readFileSync(join(import.meta.dirname, 'fixtures/broken.yaml'), 'utf8'));
    await expectDrawn(sceneOf(pipelineGraphs(result.document!, { diagnostics: result.diagnostics })[0]!));
  });

  it('with hostile names, which read back unchanged and run nothing', async () => {
    const text = `- step: {name: s, image: docker.io/library/python:3.12, command: run, inputs: [{name: x}]}
- pipeline:
    name: p
    nodes:
      - {name: ${JSON.stringify(HOSTILE)}, type: execution, step: s}
      - {name: plain, type: execution, step: s}
    edges:
      - [${JSON.stringify(`${HOSTILE}.output.*`)}, plain.input.x]
      - [plain.output.y, ${JSON.stringify(`gone${HOSTILE}.input.x`)}]
`;
    const result = lint(text);
    const scene = sceneOf(pipelineGraphs(result.document!, { diagnostics: result.diagnostics })[0]!);
    await expectDrawn(scene);
    const drawn = await draw(renderMermaid(scene));
    // The name is shown as text (cut to the title's length), and no markup in it became an element.
    expect(drawn.nodes.some((n) => n.startsWith(HOSTILE.slice(0, 39)))).toBe(true);
    expect(drawn.labels.some((l) => l.includes('output *'))).toBe(true);
    expect(drawn.live).toBe(0);
  });
});

describeCorpus('Mermaid draws every pipeline of corpus/real', () => {
  for (const file of corpusNames('real')) {
    const result = lint(readFileSync(corpusPath('real', file), 'utf8'));
    const graphs = result.document ? pipelineGraphs(result.document, { diagnostics: result.diagnostics }) : [];
    if (graphs.length === 0) continue;
    it(file, async () => {
      for (const graph of graphs) await expectDrawn(sceneOf(graph));
    });
  }
});
