// The pipeline-graph request over stdio against the bundled server: the view, scene, layout and SVG of each pipeline of
// an open document, in step with its edits, with the findings of the document's own diagnostics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineGraphResult } from '@valohai-lint/language-server';
import { parseXml } from '../../packages/graph/test/checks.js';
import { ROOT, TestClient } from '../helpers/lsp.js';

const METHOD = 'valohai-lint/pipelineGraph';
const URI = 'file:///workspace/graph/valohai.yaml';
const TEXT = readFileSync(join(ROOT, 'examples/valohai.yaml'), 'utf8');

let client: TestClient;

beforeAll(async () => {
  client = await TestClient.start({ pull: true, settings: () => ({}) });
  await client.open(URI, TEXT);
});
afterAll(() => client.stop());

describe('valohai-lint/pipelineGraph', () => {
  it('is announced in the capabilities', () => {
    expect(client.initializeResult.capabilities['experimental']).toEqual({ pipelineGraphProvider: true });
  });

  it('answers with the view, scene, layout and SVG of each pipeline, findings included', async () => {
    const result = await client.request<PipelineGraphResult>(METHOD, { textDocument: { uri: URI } });
    expect(result).toMatchObject({ uri: URI, version: 1 });
    const [item] = result.pipelines;
    expect(item!.graph.name).toBe('train-and-evaluate');
    expect(item!.graph.nodes.map((n) => n.name)).toEqual(['preprocess', 'train', 'evaluate', 'deploy']);
    expect(item!.graph.nodes[1]!.findings.map((f) => f.ruleId)).toContain('pipeline-unknown-step');
    // The same diagnostics the editor shows, at the same places.
    const pulled = await client.pull(URI);
    const finding = item!.graph.nodes[1]!.findings.find((f) => f.ruleId === 'pipeline-unknown-step')!;
    expect(pulled.some((d) => d.code === finding.ruleId && d.range.start.line === finding.at.start.line - 1 && d.range.start.character === finding.at.start.column - 1)).toBe(true);
    expect(item!.scene!.boxes.map((b) => b.id)).toEqual(item!.layout!.boxes.map((b) => b.id));
    const svg = parseXml(item!.svg!);
    expect(svg.documentElement?.getAttribute('class')).toBe('vl-graph');
  });

  it('lays out left to right by default, and top to bottom when asked', async () => {
    const at = (result: PipelineGraphResult, id: string) => result.pipelines[0]!.layout!.boxes.find((b) => b.id === id)!;
    const lr = await client.request<PipelineGraphResult>(METHOD, { textDocument: { uri: URI } });
    const tb = await client.request<PipelineGraphResult>(METHOD, { textDocument: { uri: URI }, direction: 'TB' });
    // train (n1) feeds evaluate (n2).
    expect(at(lr, 'n2').x).toBeGreaterThan(at(lr, 'n1').x + at(lr, 'n1').width);
    expect(at(tb, 'n2').y).toBeGreaterThan(at(tb, 'n1').y + at(tb, 'n1').height);
  });

  it('leaves the drawing out when render is false', async () => {
    const result = await client.request<PipelineGraphResult>(METHOD, { textDocument: { uri: URI }, render: false });
    expect(Object.keys(result.pipelines[0]!).sort()).toEqual(['graph']);
  });

  it('follows edits', async () => {
    const line = TEXT.split('\n').findIndex((l) => l.includes('[train.output.model*, evaluate.input.model]'));
    const column = TEXT.split('\n')[line]!.indexOf('evaluate.input');
    await client.change(URI, 2, [{ range: { start: { line, character: column }, end: { line, character: column + 'evaluate'.length } }, text: 'evaluat' }]);
    const result = await client.request<PipelineGraphResult>(METHOD, { textDocument: { uri: URI } });
    expect(result.version).toBe(2);
    const edge = result.pipelines[0]!.graph.edges[1]!;
    expect(edge.problems).toContain('unknown-target');
    expect(result.pipelines[0]!.scene!.boxes.find((b) => b.kind === 'missing')?.title).toBe('evaluat');
  });

  it('answers null for a document that is not open, and never fails on odd parameters', async () => {
    expect(await client.request(METHOD, { textDocument: { uri: 'file:///nowhere/valohai.yaml' } })).toBeNull();
    expect(await client.request(METHOD, {})).toBeNull();
    expect(await client.request(METHOD, { textDocument: { uri: 42 } })).toBeNull();
  });
});
