// The renderers on their own: what a scene holds, that user text survives every output language escaped (read back
// by a real XML parser for SVG), and that layouts never put two boxes on top of each other.
import { describe, expect, it } from 'vitest';
import { lint, pipelineGraphs, type PipelineGraph } from '@valohai-lint/core';
import { dotString, drawPipelines, layoutScene, markdownText, mermaidText, readableJson, renderMermaid, renderMermaidMarkdown, renderSvg, sceneOf, xml } from '../src/index.js';
import { overlaps, parseXml } from './checks.js';

function graphsOf(text: string): PipelineGraph[] {
  const result = lint(text);
  return pipelineGraphs(result.document!, { diagnostics: result.diagnostics });
}

const HOSTILE = `a"b'c<d>&e]]>\`\`\`f\\Ng#h|i{j}k%%l$$m\u00e9\u4e2d`;

const HOSTILE_FILE = `- step:
    name: s
    image: docker.io/library/python:3.12
    command: run
    inputs: [{name: x}]
- pipeline:
    name: ${JSON.stringify(HOSTILE)}
    nodes:
      - name: ${JSON.stringify(HOSTILE)}
        type: execution
        step: s
      - name: "ctl\\x01\\x1f"
        type: execution
        step: s
    edges:
      - [${JSON.stringify(`${HOSTILE}.output.*`)}, "ctl\\x01\\x1f.input.x"]
      - ["ctl\\x01\\x1f.output.y", ${JSON.stringify(`nowhere${HOSTILE}.input.x`)}]
`;

describe('escaping', () => {
  const graph = graphsOf(HOSTILE_FILE)[0]!;

  it('reads the hostile names back from the file', () => {
    expect(graph.name).toBe(HOSTILE);
    expect(graph.nodes.map((n) => n.name)).toEqual([HOSTILE, 'ctl\x01\x1f']);
  });

  it('SVG: well-formed XML whose text and tooltips read back as the names (control characters as U+FFFD)', () => {
    const svg = renderSvg(drawPipelines([graph]));
    const doc = parseXml(svg);
    const boxes = Array.from(doc.getElementsByTagName('g')).filter((g) => g.getAttribute('class')?.startsWith('vl-box '));
    const titles = boxes.map((b) => b.getElementsByTagName('title')[0]?.textContent?.split('\n')[0]);
    expect(titles).toContain(HOSTILE);
    expect(titles).toContain('ctl\uFFFD\uFFFD');
    expect(svg).not.toContain('<script');
    expect([...svg].filter((ch) => ch < ' ' && ch !== '\n')).toEqual([]);
    // The parser does catch broken markup, so the check above can fail.
    expect(() => parseXml('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toThrow(/XML/);
  });

  it('xml() leaves nothing XML could misread, and replaces characters XML cannot hold', () => {
    expect(xml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xml('a\u0000b\uD800c\uDFFFd\uFFFE')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFD');
    expect(xml('\uD83D\uDE00')).toBe('\uD83D\uDE00');
  });

  it('Mermaid: labels hold only plain characters and #code; entities, which decode back to the text', () => {
    const source = renderMermaid(sceneOf(graph));
    const labels = [...source.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^(?:[A-Za-z0-9 _.,:/*+=@!?()-]|#\d+;|<br\/>)*$/);
    const decode = (s: string): string => s.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
    expect(decode(mermaidText(HOSTILE))).toBe(HOSTILE);
    // Nothing in a diagram can close the Markdown fence around it.
    expect(renderMermaidMarkdown([sceneOf(graph)]).match(/```/g)).toHaveLength(2);
  });

  it('DOT strings escape quotes, backslashes and line breaks', () => {
    expect(dotString('a"b\\N\nc')).toBe('"a\\"b\\\\N\\nc"');
  });

  it('Markdown text escapes inline punctuation and HTML', () => {
    expect(markdownText('a*b_c`d<e>|f[g]')).toBe('a\\*b\\_c\\`d&lt;e&gt;\\|f\\[g\\]');
  });
});

describe('scene', () => {
  const [graph] = graphsOf(`- step: {name: s, image: docker.io/library/python:3.12, command: run, inputs: [{name: x}], parameters: [{name: k, type: integer, default: 1}]}
- pipeline:
    name: p
    nodes:
      - {name: a, type: execution, step: s}
      - {name: b, type: execution, step: s, edge-merge-mode: append}
    edges:
      - [a.output.*.csv, b.input.x]
      - [ghost.output.y, b.input.x]
      - [a.output.z, ghost.input.x]
      - [a.output.q]
    parameters:
      - {name: k, targets: [a.parameter.k, b.parameter.nope]}
`);
  const scene = sceneOf(graph!);

  it('draws a box per node and parameter, and one per missing node name', () => {
    expect(scene.boxes.map((b) => [b.id, b.kind, b.title])).toEqual([
      ['n0', 'execution', 'a'],
      ['n1', 'execution', 'b'],
      ['p0', 'parameter', 'k'],
      ['m0', 'missing', 'ghost'],
      ['m1', 'missing', '?'],
    ]);
    expect(scene.boxes.find((b) => b.id === 'm0')!.ref).toBe('e1');
  });

  it('labels edges with their sockets and merge mode, and marks the broken ones', () => {
    expect(scene.links.map((l) => [l.id, l.from, l.to, l.label, l.broken, l.severity])).toEqual([
      ['e0', 'n0', 'n1', 'output *.csv → input x (append)', false, undefined],
      ['e1', 'm0', 'n1', 'output y → input x (append)', true, 'error'],
      ['e2', 'n0', 'm0', 'output z → input x', true, 'error'],
      ['e3', 'n0', 'm1', 'output q → ?', true, 'error'],
      ['p0-t0', 'p0', 'n0', 'parameter k', false, undefined],
      ['p0-t1', 'p0', 'n1', 'parameter nope', false, 'error'],
    ]);
    expect(scene.links[1]!.notes.join('\n')).toContain('The source node "ghost" is not in this pipeline.');
  });
});

describe('layout', () => {
  it('places no box over another, and no edge label over a box, in a 200-node pipeline', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => `      - {name: node-${i}, type: execution, step: s}`).join('\n');
    const edges = Array.from({ length: 199 }, (_, i) => `      - [node-${Math.floor(i / 3)}.output.out-${i}, node-${i + 1}.input.x]`).join('\n');
    const [graph] = graphsOf(`- step: {name: s, image: docker.io/library/python:3.12, command: run, inputs: [{name: x}]}\n- pipeline:\n    name: big\n    nodes:\n${nodes}\n    edges:\n${edges}\n`);
    const scene = sceneOf(graph!);
    const layout = layoutScene(scene);
    expect(layout.boxes).toHaveLength(200);
    expect(overlaps(layout.boxes)).toEqual([]);
    expect(overlaps([...layout.boxes, ...layout.links.map((l) => ({ id: l.id, ...l.label }))])).toEqual([]);
    for (const b of layout.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('is deterministic', () => {
    const [graph] = graphsOf(HOSTILE_FILE);
    expect(layoutScene(sceneOf(graph!))).toEqual(layoutScene(sceneOf(graph!)));
  });
});

describe('JSON', () => {
  it('prints short objects on one line and reads back as the same value', () => {
    const value = { a: { span: { start: 1, end: 2 } }, list: Array.from({ length: 30 }, (_, i) => `item ${i}`), text: 'a,1":b' };
    const printed = readableJson(value);
    expect(JSON.parse(printed)).toEqual(value);
    expect(printed).toContain('"a": { "span": { "start": 1, "end": 2 } }');
    expect(printed.split('\n').length).toBeGreaterThan(30);
  });
});
