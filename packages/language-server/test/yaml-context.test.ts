// The place at the cursor in text being typed (often not valid YAML), read from indentation.
import { describe, expect, it } from 'vitest';
import { SourceFile } from '@valohai-lint/core';
import { cursorContext } from '../src/yaml-context.js';

function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('§');
  const c = cursorContext(new SourceFile(textWithCursor.replace('§', '')), offset);
  return { ...c, path: c.path.map((e) => (e.kind === 'key' ? e.name : `#${e.index}`)), siblings: Object.fromEntries(c.siblings) };
}

describe('cursorContext', () => {
  it.each([
    { what: 'a key in a list item of a step', text: '- step:\n    name: a\n    parameters:\n      - name: lr\n      - name: ep\n        ty§\n', kind: 'key', path: ['#0', 'step', 'parameters', '#1'], partial: 'ty', siblings: { name: 'ep' } },
    { what: 'the index of a later top-level item', text: '- step:\n    name: a\n# comment\n- step:\n    name: b\n- task:\n    st§\n', kind: 'key', path: ['#2', 'task'], partial: 'st', siblings: {} },
    { what: 'a value after a key', text: '- step:\n    name: a\n    image: docker.io/li§\n', kind: 'value', path: ['#0', 'step'], partial: 'docker.io/li', siblings: { name: 'a', image: 'docker.io/li' } },
    { what: 'a quoted value', text: "- step:\n    image: 'dock§'\n", kind: 'value', path: ['#0', 'step'], partial: 'dock', siblings: { image: 'dock' } },
    { what: 'the second item of a flow list', text: '- pipeline:\n    edges:\n      - [a.output.x, b.in§]\n', kind: 'flow', path: ['#0', 'pipeline', 'edges', '#0'], partial: 'b.in', siblings: {} },
    { what: 'a line of a block scalar', text: '- step:\n    command: |\n      python a.py\n        --x {parameter:§\n    name: s\n', kind: 'block', path: ['#0', 'step'], partial: '--x {parameter:', siblings: { name: 's' } },
    { what: 'a key line inside a block scalar is text, not structure', text: '- step:\n    command: |\n      a: b\n        c§\n', kind: 'block', path: ['#0', 'step'], partial: 'c', siblings: {} },
    { what: 'an empty top-level line', text: '§', kind: 'key', path: [], partial: '', siblings: {} },
    { what: 'a nested list marker on the same line', text: '- - x\n  - y§\n', kind: 'key', path: ['#0', '#1'], partial: 'y', siblings: {} },
  ])('$what', ({ text, kind, path, partial, siblings }) => {
    const c = at(text);
    expect({ kind: c.kind, path: c.path, partial: c.partial, siblings: c.siblings }).toEqual({ kind, path, partial, siblings });
  });

  it('never throws, whatever the text and offset', () => {
    const texts = ['', '\r\n\r', '- [', '"', ': : :', '-\t-', '\uD800', '  - ? x\n', 'a: |\n'];
    for (const t of texts) for (let o = -2; o <= t.length + 2; o++) expect(() => cursorContext(new SourceFile(t), o)).not.toThrow();
  });
});
