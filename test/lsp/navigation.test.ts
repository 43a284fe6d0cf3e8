// Protocol tests over stdio against the bundled server: definition, references, prepareRename, rename (quoting kept,
// only the NODE part of edge specifiers) and document symbols, with exact ranges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTextEdits, editsFor, range, TestClient } from '../helpers/lsp.js';

const TEXT = `- step:
    name: train
    image: docker.io/library/python:3.12
    command: python train.py {parameter:learning-rate}
    parameters:
      - name: learning-rate
        type: float
        default: 0.1
    inputs:
      - name: dataset
- step:
    name: evaluate
    image: docker.io/library/python:3.12
    command: python evaluate.py
    inputs:
      - name: model
- task:
    name: sweep
    step: train
    parameters: []
- pipeline:
    name: main
    nodes:
      - name: trainer
        type: execution
        step: train
      - name: evaluator
        type: execution
        step: "evaluate"
      - name: sweeper
        type: task
        task: sweep
    edges:
      - [trainer.output.model*, evaluator.input.model]
      - source: 'trainer.output.log'
        target: "evaluator.input.model"
    parameters:
      - name: rate
        targets: [trainer.parameter.learning-rate]
`;

const URI = 'file:///workspace/nav/valohai.yaml';
let client: TestClient;

beforeAll(async () => {
  client = await TestClient.start({ pull: true, settings: () => ({}) });
  await client.open(URI, TEXT);
  // The document is clean, so every test below starts from a file that lints without findings.
  expect(await client.pull(URI)).toEqual([]);
});
afterAll(() => client.stop());

const pos = (line: number, character: number) => ({ textDocument: { uri: URI }, position: { line, character } });

describe('definition', () => {
  it('goes from a node step to the step name', async () => {
    expect(await client.request('textDocument/definition', pos(25, 16))).toEqual([{ uri: URI, range: range(1, 10, 1, 15) }]);
  });
  it('goes from a quoted node step to the step name', async () => {
    expect(await client.request('textDocument/definition', pos(28, 16))).toEqual([{ uri: URI, range: range(11, 10, 11, 18) }]);
  });
  it('goes from a task step to the step', async () => {
    expect(await client.request('textDocument/definition', pos(18, 12))).toEqual([{ uri: URI, range: range(1, 10, 1, 15) }]);
  });
  it('goes from a node task to the task', async () => {
    expect(await client.request('textDocument/definition', pos(31, 15))).toEqual([{ uri: URI, range: range(17, 10, 17, 15) }]);
  });
  it('goes from the node part of an edge to the node', async () => {
    expect(await client.request('textDocument/definition', pos(33, 10))).toEqual([{ uri: URI, range: range(23, 14, 23, 21) }]);
    expect(await client.request('textDocument/definition', pos(33, 33))).toEqual([{ uri: URI, range: range(26, 14, 26, 23) }]);
    expect(await client.request('textDocument/definition', pos(34, 18))).toEqual([{ uri: URI, range: range(23, 14, 23, 21) }]);
    expect(await client.request('textDocument/definition', pos(38, 20))).toEqual([{ uri: URI, range: range(23, 14, 23, 21) }]);
  });
  it('finds nothing on the type or key part of an edge, or on other values', async () => {
    expect(await client.request('textDocument/definition', pos(33, 20))).toEqual([]);
    expect(await client.request('textDocument/definition', pos(24, 16))).toEqual([]);
  });
});

describe('references', () => {
  it('lists every place naming a step, definition first', async () => {
    const refs = await client.request('textDocument/references', { ...pos(1, 12), context: { includeDeclaration: true } });
    expect(refs).toEqual([
      { uri: URI, range: range(1, 10, 1, 15) },
      { uri: URI, range: range(18, 10, 18, 15) },
      { uri: URI, range: range(25, 14, 25, 19) },
    ]);
  });
  it('lists every place naming a node, without the declaration when asked', async () => {
    const refs = await client.request('textDocument/references', { ...pos(23, 15), context: { includeDeclaration: false } });
    expect(refs).toEqual([
      { uri: URI, range: range(33, 9, 33, 16) },
      { uri: URI, range: range(34, 17, 34, 24) },
      { uri: URI, range: range(38, 18, 38, 25) },
    ]);
  });
});

describe('rename', () => {
  it('prepares a rename on a reference and refuses elsewhere', async () => {
    expect(await client.request('textDocument/prepareRename', pos(25, 15))).toEqual({ range: range(25, 14, 25, 19), placeholder: 'train' });
    expect(await client.request('textDocument/prepareRename', pos(33, 12))).toEqual({ range: range(33, 9, 33, 16), placeholder: 'trainer' });
    expect(await client.request('textDocument/prepareRename', pos(24, 16))).toBeNull();
  });

  it('renames a node in its definition and the NODE part of every specifier, keeping quotes', async () => {
    const edit = await client.request<Parameters<typeof editsFor>[0]>('textDocument/rename', { ...pos(33, 10), newName: 'learner' });
    const edits = editsFor(edit, URI);
    expect(edits).toEqual([
      { range: range(23, 14, 23, 21), newText: 'learner' },
      { range: range(33, 9, 33, 16), newText: 'learner' },
      { range: range(34, 17, 34, 24), newText: 'learner' },
      { range: range(38, 18, 38, 25), newText: 'learner' },
    ]);
    const after = applyTextEdits(TEXT, edits);
    expect(after).toContain("      - [learner.output.model*, evaluator.input.model]\n      - source: 'learner.output.log'\n");
    expect(after).toContain('targets: [learner.parameter.learning-rate]');
  });

  it('renames a step in a double-quoted reference inside the quotes', async () => {
    const edit = await client.request<Parameters<typeof editsFor>[0]>('textDocument/rename', { ...pos(11, 11), newName: 'assess "v2"' });
    expect(editsFor(edit, URI)).toEqual([
      { range: range(11, 10, 11, 18), newText: '"assess \\"v2\\""' },
      { range: range(28, 15, 28, 23), newText: 'assess \\"v2\\"' },
    ]);
  });

  it('re-quotes a plain scalar whose new value would not read back as plain text', async () => {
    const edit = await client.request<Parameters<typeof editsFor>[0]>('textDocument/rename', { ...pos(26, 15), newName: 'a,b' });
    const edits = editsFor(edit, URI);
    expect(edits).toEqual([
      { range: range(26, 14, 26, 23), newText: '"a,b"' },
      { range: range(33, 32, 33, 53), newText: '"a,b.input.model"' },
      // Already double-quoted: only the node part changes, inside the quotes.
      { range: range(35, 17, 35, 26), newText: 'a,b' },
    ]);
    const after = applyTextEdits(TEXT, edits);
    expect(after).toContain('- [trainer.output.model*, "a,b.input.model"]\n');
    expect(after).toContain('target: "a,b.input.model"\n');
  });

  it('refuses node names with a dot', async () => {
    await expect(client.request('textDocument/rename', { ...pos(23, 15), newName: 'a.b' })).rejects.toThrow(/cannot contain/);
  });
});

describe('document symbols', () => {
  it('outlines steps with parameters and inputs, the task, and the pipeline with its nodes', async () => {
    const symbols = await client.request<{ name: string; kind: number; detail?: string; range: unknown; selectionRange: unknown; children?: { name: string; kind: number; range: unknown; selectionRange: unknown }[] }[]>(
      'textDocument/documentSymbol',
      { textDocument: { uri: URI } },
    );
    expect(symbols.map((s) => [s.name, s.kind, s.children?.map((c) => c.name) ?? []])).toEqual([
      ['train', 12, ['learning-rate', 'dataset']],
      ['evaluate', 12, ['model']],
      ['sweep', 24, []],
      ['main', 2, ['trainer', 'evaluator', 'sweeper']],
    ]);
    const train = symbols[0]!;
    expect(train.range).toEqual(range(0, 2, 9, 21));
    expect(train.selectionRange).toEqual(range(1, 10, 1, 15));
    expect(train.children?.[0]).toMatchObject({ kind: 13, range: range(5, 8, 7, 20), selectionRange: range(5, 14, 5, 27) });
    const main = symbols[3]!;
    expect(main.children?.[1]).toMatchObject({ name: 'evaluator', detail: 'execution → evaluate', range: range(26, 8, 28, 24), selectionRange: range(26, 14, 26, 23) });
  });
});
