// Protocol tests over stdio against the bundled server: completion (schema keys with documentation, enum values, step
// and task names, edge specifiers, {parameter:…} names, registry prefixes) and hover, with exact ranges.
import type { CompletionItem, Hover } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursor, range, TestClient } from '../helpers/lsp.js';
import schema from '../../packages/core/src/schema/valohai.schema.json' with { type: 'json' };

/** Descriptions are read from the schema (which is edited on its own), so these tests pin where they show, not their wording. */
const defs = schema.$defs as unknown as Record<string, { description?: string; properties: Record<string, { description: string }> }>;

const STEPS = `- step:
    name: train
    image: docker.io/library/python:3.12
    command: python train.py
    parameters:
      - name: learning-rate
        type: float
        default: 0.1
    inputs:
      - name: dataset
    outputs:
      - name: model
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
`;

let client: TestClient;
let n = 0;
beforeAll(async () => {
  client = await TestClient.start({
    pull: true,
    settings: () => ({ registries: [{ pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/*', type: 'aws-ecr', description: 'ECR of the ML team' }], public: ['docker.io/library/*'] }),
  });
});
afterAll(() => client.stop());

async function complete(textWithCursor: string): Promise<{ items: CompletionItem[]; position: { line: number; character: number } }> {
  const { text, position } = cursor(textWithCursor);
  const uri = `file:///workspace/completion/${++n}/valohai.yaml`;
  await client.open(uri, text);
  const result = await client.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position });
  return { items: Array.isArray(result) ? result : result.items, position };
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

describe('schema keys', () => {
  it('offers the keys a step may still have, with documentation, replacing the word being typed', async () => {
    const { items } = await complete(`- step:\n    name: train\n    com§\n`);
    expect(labels(items)).toContain('command');
    expect(labels(items)).toContain('environment-variables');
    expect(labels(items)).not.toContain('name');
    const command = items.find((i) => i.label === 'command')!;
    expect(command.textEdit).toEqual({ range: range(2, 4, 2, 7), newText: 'command: ' });
    expect(command.documentation).toEqual({ kind: 'markdown', value: expect.stringContaining(defs['step']!.properties['command']!.description) });
    const parameters = items.find((i) => i.label === 'parameters')!;
    expect(parameters.textEdit).toEqual({ range: range(2, 4, 2, 7), newText: 'parameters:' });
  });

  it('offers the keys of an execution node by its type, and of a task node by its type', async () => {
    const execution = await complete(`- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: execution\n        §\n`);
    expect(labels(execution.items)).toEqual(expect.arrayContaining(['step', 'commit', 'override', 'on-error', 'edge-merge-mode', 'actions']));
    expect(labels(execution.items)).not.toContain('task');
    expect(labels(execution.items)).not.toContain('deployment');
    expect(execution.items.find((i) => i.label === 'step')!.textEdit).toEqual({ range: range(5, 8, 5, 8), newText: 'step: ' });
    const task = await complete(`- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: task\n        task: sweep\n        §\n`);
    expect(labels(task.items)).toContain('override');
    // "step" is not allowed next to "task".
    expect(labels(task.items)).not.toContain('step');
    expect(labels(task.items)).not.toContain('task');
  });

  it('offers the item kinds at the top level', async () => {
    const { items } = await complete(`- §\n`);
    expect(labels(items)).toEqual(['step', 'pipeline', 'endpoint', 'task', 'deployment']);
    expect(items[0]!.textEdit).toEqual({ range: range(0, 2, 0, 2), newText: 'step:' });
  });

  it('offers the keys of a parameter inside a step', async () => {
    const { items } = await complete(`- step:\n    name: train\n    parameters:\n      - name: lr\n        ty§\n`);
    expect(items.find((i) => i.label === 'type')!.textEdit).toEqual({ range: range(4, 8, 4, 10), newText: 'type: ' });
    expect(labels(items)).toEqual(expect.arrayContaining(['default', 'min', 'max', 'multiple', 'pass-as']));
  });
});

describe('values', () => {
  it('offers enum values', async () => {
    const { items } = await complete(`- step:\n    name: train\n    parameters:\n      - name: lr\n        type: §\n`);
    expect(labels(items)).toEqual(['string', 'integer', 'float', 'flag']);
    expect(items[2]!.textEdit).toEqual({ range: range(4, 14, 4, 14), newText: 'float' });
  });

  it('offers node types, replacing what is typed', async () => {
    const { items } = await complete(`- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: exe§\n`);
    expect(labels(items)).toEqual(['execution', 'task', 'deployment']);
    expect(items[0]!.textEdit).toEqual({ range: range(4, 14, 4, 17), newText: 'execution' });
  });

  it("offers step names in a node's step and a task's step", async () => {
    const node = await complete(`${STEPS}- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: execution\n        step: §\n`);
    expect(labels(node.items)).toEqual(['train', 'evaluate']);
    expect(node.items[0]!.textEdit).toEqual({ range: range(27, 14, 27, 14), newText: 'train' });
    expect(node.items[0]!.detail).toBe('step · docker.io/library/python:3.12');
    const task = await complete(`${STEPS}- task:\n    name: other\n    step: ev§\n`);
    expect(labels(task.items)).toEqual(['train', 'evaluate']);
    expect(task.items[1]!.textEdit).toEqual({ range: range(24, 10, 24, 12), newText: 'evaluate' });
  });

  it('offers task names in a task node', async () => {
    const { items } = await complete(`${STEPS}- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: task\n        task: §\n`);
    expect(labels(items)).toEqual(['sweep']);
  });

  it('offers registry prefixes from the configuration in image values', async () => {
    const { items } = await complete(`- step:\n    name: train\n    image: 123§\n`);
    expect(labels(items)).toEqual(['123456789012.dkr.ecr.eu-west-1.amazonaws.com/', 'docker.io/library/']);
    expect(items[0]).toMatchObject({ detail: 'registry credentials (aws-ecr)', textEdit: { range: range(2, 11, 2, 14), newText: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/' } });
  });
});

describe('edges', () => {
  const pipeline = `${STEPS}- pipeline:
    name: p
    nodes:
      - name: trainer
        type: execution
        step: train
      - name: evaluator
        type: execution
        step: evaluate
      - name: sweeper
        type: task
        task: sweep
    edges:
`;
  const base = pipeline.split('\n').length - 1;

  it('offers node names, then edge types, then the inputs of the target node', async () => {
    const nodes = await complete(`${pipeline}      - [trainer.output.model, ev§]\n`);
    expect(labels(nodes.items)).toEqual(['trainer', 'evaluator', 'sweeper']);
    expect(nodes.items[1]!.textEdit).toEqual({ range: range(base, 31, base, 33), newText: 'evaluator' });

    const types = await complete(`${pipeline}      - [trainer.output.model, evaluator.in§]\n`);
    expect(labels(types.items).slice(0, 3)).toEqual(['output', 'input', 'parameter']);
    expect(types.items[1]!.textEdit).toEqual({ range: range(base, 41, base, 43), newText: 'input' });

    const inputs = await complete(`${pipeline}      - [trainer.output.model, evaluator.input.§]\n`);
    expect(labels(inputs.items)).toEqual(['model']);
    expect(inputs.items[0]!.textEdit).toEqual({ range: range(base, 47, base, 47), newText: 'model' });
  });

  it("offers a node's outputs, and the parameters of a task node's step", async () => {
    const outputs = await complete(`${pipeline}      - [trainer.output.§]\n`);
    expect(labels(outputs.items)).toEqual(['model', '*']);
    const params = await complete(`${pipeline}      - source: trainer.output.model\n        target: sweeper.parameter.§\n`);
    expect(labels(params.items)).toEqual(['learning-rate']);
    expect(params.items[0]!.textEdit).toEqual({ range: range(base + 1, 34, base + 1, 34), newText: 'learning-rate' });
  });

  it('offers nothing from this file for a node whose step comes from another commit, as the core reads it', async () => {
    const pinned = pipeline.replace('        step: evaluate\n', '        step: evaluate\n        commit: 0123abc\n');
    expect(pinned).not.toBe(pipeline);
    const inputs = await complete(`${pinned}      - [trainer.output.model, evaluator.input.§]\n`);
    expect(labels(inputs.items)).toEqual([]);
    // The unpinned node of the same pipeline still gets its step's inputs.
    const unpinned = await complete(`${pinned}      - [evaluator.output.model, trainer.input.§]\n`);
    expect(labels(unpinned.items)).toEqual(['dataset']);
  });

  it('offers node names and parameters in pipeline parameter targets', async () => {
    const { items } = await complete(`${pipeline}      - [trainer.output.model, evaluator.input.model]\n    parameters:\n      - name: lr\n        target: trainer.§\n`);
    expect(labels(items)).toEqual(['parameter']);
  });
});

describe('parameter placeholders', () => {
  it('offers the parameters of the step inside {parameter:…} and closes the brace', async () => {
    const { items } = await complete(`- step:\n    name: train\n    command: python train.py --lr {parameter:le§\n    parameters:\n      - name: learning-rate\n        type: float\n      - name: epochs\n        type: integer\n`);
    expect(labels(items)).toEqual(['learning-rate', 'epochs']);
    expect(items[0]).toMatchObject({ detail: 'parameter (float)', textEdit: { range: range(2, 45, 2, 47), newText: 'learning-rate}' } });
  });

  it('works in a block scalar command and keeps an existing closing brace', async () => {
    const { items } = await complete(`- step:\n    name: train\n    command: |\n      python train.py \\\n        --lr {parameter-value:§}\n    parameters:\n      - name: learning-rate\n`);
    expect(items.map((i) => i.textEdit)).toEqual([{ range: range(4, 30, 4, 30), newText: 'learning-rate' }]);
  });
});

describe('hover', () => {
  async function hover(textWithCursor: string): Promise<Hover | null> {
    const { text, position } = cursor(textWithCursor);
    const uri = `file:///workspace/hover/${++n}/valohai.yaml`;
    await client.open(uri, text);
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  it('documents a key from the schema, with its range', async () => {
    expect(await hover(`- step:\n    name: train\n    im§age: docker.io/library/python:3.12\n`)).toEqual({
      contents: { kind: 'markdown', value: `**image** · string\n\n${defs['step']!.properties['image']!.description}` },
      range: range(2, 4, 2, 9),
    });
  });

  it('documents the keys of a pipeline node by its type, with allowed values', async () => {
    const h = await hover(`- pipeline:\n    name: p\n    nodes:\n      - name: a\n        type: execution\n        step: train\n        on-er§ror: retry\n    edges: []\n`);
    expect(h?.range).toEqual(range(6, 8, 6, 16));
    expect((h?.contents as { value: string }).value).toBe(
      `**on-error**\n\n${defs['executionNode']!.properties['on-error']!.description}\n\nAllowed: \`stop-all\`, \`stop-next\`, \`continue\`, \`retry\``,
    );
  });

  it('documents the item kind keys', async () => {
    const h = await hover(`- ta§sk:\n    name: t\n    step: s\n`);
    expect((h?.contents as { value: string }).value).toBe(`**task** · object\n\n${(schema.items.properties as Record<string, { description: string }>)['task']!.description}`);
    expect(h?.range).toEqual(range(0, 2, 0, 6));
  });

  it('has nothing for plain values or unknown keys', async () => {
    expect(await hover(`- step:\n    name: train\n    description: tr§ain\n`)).toBeNull();
    expect(await hover(`- step:\n    name: train\n    unkn§own: 1\n`)).toBeNull();
  });

  const PIPELINE = [
    '- step:',
    '    name: train',
    '    image: docker.io/library/python:3.12',
    '    command:',
    '      - pip install -r requirements.txt',
    '      - python train.py {parameters}',
    '    parameters:',
    '      - name: epochs',
    '        type: integer',
    '        default: 10',
    '      - name: lr',
    '        default: "0.1"',
    '    inputs:',
    '      - name: dataset',
    '        default: s3://bucket/data.csv',
    '      - name: labels',
    '        optional: true',
    '- pipeline:',
    '    name: nightly',
    '    nodes:',
    '      - name: trainer',
    '        type: execution',
    '        step: train',
    '    edges:',
    '      - [trainer.output.model, trainer.input.labels]',
    '',
  ].join('\n');
  const STEP_LINES = [
    '',
    '- Image: `docker.io/library/python:3.12`',
    '- Command:',
    '  - `pip install -r requirements.txt`',
    '  - `python train.py {parameters}`',
    '- Parameters: `epochs` (integer, default `10`), `lr` (string, default `0.1`)',
    '- Inputs: `dataset` (default `s3://bucket/data.csv`), `labels` (optional)',
  ];
  const at = (line: number, text: string): string => {
    const lines = PIPELINE.split('\n');
    const col = lines[line]!.indexOf(text) + 1;
    lines[line] = `${lines[line]!.slice(0, col)}§${lines[line]!.slice(col)}`;
    return lines.join('\n');
  };

  it("shows the step on a node's step: value, as on the step's own name", async () => {
    const onNode = await hover(at(22, 'train'));
    expect(onNode).toEqual({ contents: { kind: 'markdown', value: ['**Step** `train`', ...STEP_LINES].join('\n') }, range: range(22, 14, 22, 19) });
    const onDefinition = await hover(at(1, 'train'));
    expect((onDefinition?.contents as { value: string }).value).toBe((onNode?.contents as { value: string }).value);
    expect(onDefinition?.range).toEqual(range(1, 10, 1, 15));
  });

  it("shows the node's step on a node name, in its definition and in an edge", async () => {
    const expected = ['**Node** `trainer` runs step `train`', ...STEP_LINES].join('\n');
    const onName = await hover(at(20, 'trainer'));
    expect(onName).toEqual({ contents: { kind: 'markdown', value: expected }, range: range(20, 14, 20, 21) });
    const inEdge = await hover(at(24, 'trainer.input'));
    expect(inEdge).toEqual({ contents: { kind: 'markdown', value: expected }, range: range(24, 31, 24, 38) });
  });

  it("shows an image's parts, registry and the credentials pattern that covers it", async () => {
    const ecr = await hover(`- step:\n    name: train\n    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/tr§ain:2.1\n`);
    expect(ecr?.range).toEqual(range(2, 11, 2, 68));
    expect((ecr?.contents as { value: string }).value).toBe(
      [
        '**Image** `123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/train:2.1`',
        '',
        '- Registry: AWS ECR (`123456789012.dkr.ecr.eu-west-1.amazonaws.com`)',
        '- Repository: `ml/train`',
        '- Tag: `2.1`',
        '- Fully qualified: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/train:2.1`',
        '',
        '**Credentials:** Covered by the aws-ecr credentials pattern "123456789012.dkr.ecr.eu-west-1.amazonaws.com/*".',
      ].join('\n'),
    );
    const hub = await hover(`- step:\n    name: train\n    image: pyth§on\n`);
    expect((hub?.contents as { value: string }).value).toContain('- Tag: none (means `latest`)');
    expect((hub?.contents as { value: string }).value).toContain('- Fully qualified: `docker.io/library/python` (not written this way)');
    expect((hub?.contents as { value: string }).value).toContain('**Credentials:** Public: matches the public pattern "docker.io/library/*"; no credentials needed.');
  });
});
