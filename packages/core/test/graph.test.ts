// The pipeline graph view (src/graph): what it says about nodes, edges and parameters, what it marks as broken, where
// each element is written, and which findings land on which element.
import { describe, expect, it } from 'vitest';
import { createDocument, lint, pipelineGraphs, type PipelineGraph } from '../src/index.js';
import { edgesOnCycles } from '../src/graph/cycles.js';

function graphs(text: string, withFindings = true): PipelineGraph[] {
  const result = lint(text);
  return pipelineGraphs(result.document ?? createDocument(text), withFindings ? { diagnostics: result.diagnostics } : {});
}

const STEPS = `- step:
    name: prep
    image: docker.io/library/python:3.12
    command: python prep.py
    parameters:
      - name: rate
        type: float
        default: 0.5
- step:
    name: train
    image: docker.io/library/python:3.12
    command: python train.py
    inputs:
      - name: data
    parameters:
      - name: epochs
        type: integer
        default: 3
- task:
    name: sweep
    step: train
`;

describe('nodes', () => {
  const [g] = graphs(`${STEPS}- pipeline:
    name: all-kinds
    nodes:
      - name: prep
        type: execution
        step: prep
      - name: tune
        type: task
        task: sweep
        edge-merge-mode: append
      - name: old
        type: execution
        step: train
        commit: abc123
        override:
          image: docker.io/library/python:3.11
      - name: ship
        type: deployment
        deployment: prod
        endpoints: [predict, explain]
      - name: odd
        type: batch
        step: prep
    edges: []
`);

  it('records what each node runs, through its step or task, and its image', () => {
    expect(g!.nodes.map((n) => [n.id, n.name, n.kind, n.step, n.stepStatus])).toEqual([
      ['n0', 'prep', 'execution', 'prep', 'defined'],
      ['n1', 'tune', 'task', 'train', 'defined'],
      ['n2', 'old', 'execution', 'train', 'other-commit'],
      ['n3', 'ship', 'deployment', undefined, 'none'],
      ['n4', 'odd', 'unknown', 'prep', 'none'],
    ]);
    expect(g!.nodes[1]).toMatchObject({ task: 'sweep', image: 'docker.io/library/python:3.12', imageFrom: 'step', edgeMergeMode: 'append' });
    expect(g!.nodes[2]).toMatchObject({ commit: 'abc123', image: 'docker.io/library/python:3.11', imageFrom: 'override' });
    expect(g!.nodes[3]).toMatchObject({ deployment: 'prod', endpoints: ['predict', 'explain'] });
    expect(g!.nodes[4]!.typeText).toBe('batch');
  });

  it('gives every element its exact place in the file, 1-based', () => {
    const text = `${STEPS}- pipeline:\n    name: p\n    nodes:\n      - name: prep\n        type: execution\n        step: prep\n    edges: []\n`;
    const [p] = graphs(text);
    const node = p!.nodes[0]!;
    expect(text.slice(node.nameAt!.span.start, node.nameAt!.span.end)).toBe('prep');
    const line = text.split('\n').findIndex((l) => l === '      - name: prep') + 1;
    expect(node.nameAt!.start).toEqual({ line, column: 15 });
    expect(text.slice(node.at.span.start, node.at.span.end)).toMatch(/^name: prep\n\s+type: execution\n\s+step: prep$/);
    expect(text.slice(p!.keyAt.span.start, p!.keyAt.span.end)).toBe('pipeline');
  });
});

describe('edges', () => {
  const text = `${STEPS}- pipeline:
    name: wired
    nodes:
      - name: prep
        type: execution
        step: prep
      - name: train
        type: execution
        step: train
        edge-merge-mode: append
    edges:
      - [prep.output.*.csv, train.input.data]
      - source: prep.parameter.rate
        target: train.parameter.epochs
      - [prep.outputs.model, trian.input.data]
      - [prep.output]
      - [train.output.x, train.input.data]
      - [nowhere.output.a]
`;
  const [g] = graphs(text);

  it('splits each end into node, type and key, resolving the node', () => {
    expect(g!.edges[0]).toMatchObject({
      id: 'e0',
      form: 'shorthand',
      source: { text: 'prep.output.*.csv', nodeName: 'prep', node: 'n0', type: 'output', key: '*.csv', wildcard: true },
      target: { text: 'train.input.data', nodeName: 'train', node: 'n1', type: 'input', key: 'data', wildcard: false },
      mergeMode: 'append',
      problems: [],
    });
    expect(g!.edges[1]).toMatchObject({ form: 'full', source: { type: 'parameter', key: 'rate' }, target: { type: 'parameter', key: 'epochs' }, problems: [] });
    expect(g!.edges[1]!.mergeMode).toBeUndefined();
  });

  it('marks broken edges: unknown types and nodes (a dangling end has no node), malformed and self edges', () => {
    expect(g!.edges[2]!.problems).toEqual(['unknown-target', 'source-type']);
    expect(g!.edges[2]!.target).toMatchObject({ nodeName: 'trian' });
    expect(g!.edges[2]!.target!.node).toBeUndefined();
    expect(g!.edges[3]!.problems).toEqual(['malformed']);
    expect(g!.edges[3]!.source).toMatchObject({ text: 'prep.output', type: 'output' });
    expect(g!.edges[3]!.target).toBeUndefined();
    expect(g!.edges[4]!.problems).toEqual(['self']);
    expect(g!.edges[5]!.problems).toEqual(['malformed', 'unknown-source']);
  });

  it('attaches each finding to the element it is written in', () => {
    const typeFinding = g!.edges[2]!.findings.find((f) => f.ruleId === 'pipeline-edge-type');
    expect(typeFinding?.message).toContain('"outputs"');
    expect(text.slice(typeFinding!.at.span.start, typeFinding!.at.span.end)).toBe('outputs');
    expect(g!.edges[2]!.findings.map((f) => f.ruleId)).toContain('pipeline-edge-node');
    expect(g!.edges[0]!.findings).toEqual([]);
    expect(g!.nodes.flatMap((n) => n.findings)).toEqual([]);
  });

  it('attaches nothing without diagnostics', () => {
    const [bare] = graphs(text, false);
    expect([...bare!.nodes, ...bare!.edges, ...bare!.parameters].flatMap((e) => e.findings)).toEqual([]);
    expect(bare!.edges[2]!.problems).toEqual(g!.edges[2]!.problems);
  });
});

describe('cycles', () => {
  it('marks every edge of a cycle and no other', () => {
    const [g] = graphs(`${STEPS}- pipeline:
    name: loop
    nodes:
      - {name: a, type: execution, step: train}
      - {name: b, type: execution, step: train}
      - {name: c, type: execution, step: train}
      - {name: d, type: execution, step: train}
    edges:
      - [a.output.x, b.input.data]
      - [b.output.x, c.input.data]
      - [c.output.x, a.input.data]
      - [c.output.x, d.input.data]
`);
    expect(g!.edges.map((e) => e.problems.includes('cycle'))).toEqual([true, true, true, false]);
  });

  it('finds cycles in a long chain without recursion (a 100,000-node ring)', () => {
    const n = 100_000;
    const edges = Array.from({ length: n }, (_, i) => ({ from: i, to: (i + 1) % n }));
    expect(edgesOnCycles(n, edges).size).toBe(n);
    expect(edgesOnCycles(n, edges.slice(0, -1)).size).toBe(0);
  });
});

describe('parameters', () => {
  it('lists targets with their nodes, and marks targets that cannot work', () => {
    const [g] = graphs(`${STEPS}- pipeline:
    name: tuned
    nodes:
      - {name: train, type: execution, step: train}
    edges: []
    parameters:
      - name: epochs
        default: 5
        targets: [train.parameter.epochs, ghost.parameter.epochs, train.input.data]
      - name: lonely
`);
    const [epochs, lonely] = g!.parameters;
    expect(epochs).toMatchObject({ id: 'p0', name: 'epochs', default: '5' });
    expect(epochs!.targets.map((t) => [t.socket.node, t.problems])).toEqual([
      ['n0', []],
      [undefined, ['unknown-node']],
      ['n0', ['not-parameter']],
    ]);
    expect(epochs!.findings.map((f) => f.ruleId).sort()).toEqual(['pipeline-parameter-target', 'pipeline-parameter-target']);
    expect(lonely).toMatchObject({ name: 'lonely', targets: [] });
    expect(lonely!.findings.map((f) => f.ruleId)).toEqual(['pipeline-parameter-no-targets']);
  });
});

describe('odd input', () => {
  it('draws what is there: nameless and duplicate nodes, a blueprint, non-string values, no nodes at all', () => {
    const all = graphs(`${STEPS}- blueprint:
    nodes:
      - type: execution
        step: prep
      - {name: twin, type: execution, step: prep}
      - {name: twin, type: execution, step: train}
      - 5
    edges:
      - [twin.output.x, twin.input.data]
      - {source: 7, target: [1]}
      - nonsense
- pipeline:
    name: empty
- pipeline: 12
`);
    expect(all.map((g) => [g.name, g.kind, g.nodes.length, g.edges.length])).toEqual([
      ['blueprint #4', 'blueprint', 4, 2],
      ['empty', 'pipeline', 0, 0],
      ['pipeline #6', 'pipeline', 0, 0],
    ]);
    const [bp] = all;
    expect(bp!.nodes.map((n) => [n.name, n.duplicate])).toEqual([
      ['#1', false],
      ['twin', true],
      ['twin', true],
      ['#4', false],
    ]);
    // Edges reach the last node of a repeated name, as in Valohai.
    expect(bp!.edges[0]!.source!.node).toBe('n2');
    expect(bp!.edges[1]).toMatchObject({ form: 'full', problems: ['malformed'] });
    expect(bp!.edges.map((e) => e.id)).toEqual(['e0', 'e1']);
    expect(bp!.edges[1]!.source).toBeUndefined();
  });

  it('is plain data: JSON round-trips it unchanged', () => {
    const g = graphs(`${STEPS}- pipeline:\n    name: p\n    nodes: [{name: a, type: execution, step: prep}]\n    edges: [[a.output.x, a.input.y]]\n`);
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });

  it('puts findings outside every element on the pipeline itself', () => {
    const [g] = graphs(`${STEPS}- pipeline:\n    name: p\n    nodes: []\n`);
    expect(g!.findings.map((f) => f.ruleId)).toContain('schema-missing-key');
  });
});
