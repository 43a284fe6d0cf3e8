// The schema and its ajv-error mapping: unit tests of the mapping's edge cases (the corpus checks are in
// test/schema-corpus.test.ts).
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { asSchema, valohaiSchema, type SchemaNode } from '../src/schema/schema-node.js';

const SCHEMA_RULES = new Set(['schema-unknown-key', 'schema-missing-key', 'schema-type', 'schema-enum', 'schema-value', 'schema-exclusive-keys']);
const STRUCTURE_RULES = new Set(['item-unknown-kind', 'item-extra-key']);

// ---------------------------------------------------------------------------------------------------------------------

const STEP = '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n';

/** Schema and structure diagnostics of a text, as `rule: message @ spanned text`. */
function found(text: string): string[] {
  return lint(text)
    .diagnostics.filter((d) => SCHEMA_RULES.has(d.ruleId) || STRUCTURE_RULES.has(d.ruleId))
    .map((d) => `${d.ruleId}: ${d.message} @ ${text.slice(d.span.start, d.span.end)}`);
}

describe('mapping of ajv errors', () => {
  it.each([
    { what: 'empty file', text: '', expected: ['schema-type: The file is empty; it must be a list of items such as "- step: …". @ '] },
    { what: 'comment-only file', text: '# nothing yet\n', expected: ['schema-type: The file is empty; it must be a list of items such as "- step: …". @ '] },
    {
      what: 'top-level mapping (reported on its first key)',
      text: 'step:\n  name: a\n',
      expected: ['schema-type: The file must be a list of items such as "- step: …", not a mapping. @ step'],
    },
    { what: 'top-level scalar', text: 'hello\n', expected: ['schema-type: The file must be a list of items such as "- step: …", not a string. @ hello'] },
    {
      what: 'item that is a scalar',
      text: `${STEP}- 5\n`,
      expected: ['schema-type: Top-level item 2 must be a mapping such as "step: …", not a number. @ 5'],
    },
    {
      what: 'a date where a string is expected',
      text: `${STEP}    description: 2020-09-02\n`,
      expected: ['schema-type: "description" must be a string, not a date. Quote the value to make it a string. @ 2020-09-02'],
    },
    {
      what: 'a date and time where a string is expected',
      text: `${STEP}    category: 2020-09-02T10:00:00Z\n`,
      expected: ['schema-type: "category" must be a string, not a date and time. Quote the value to make it a string. @ 2020-09-02T10:00:00Z'],
    },
    {
      what: 'a date where a mapping is expected is not read as a mapping',
      text: '- step: 2020-09-02\n',
      expected: ['schema-type: "step" must be a mapping, not a date. @ 2020-09-02'],
    },
    {
      what: 'null step: reported on the key with indentation advice',
      text: '- step:\n- step:\n  name: a\n',
      expected: [
        'schema-type: "step" has no value but must be a mapping; indent its keys under it. @ step',
        'schema-type: "step" has no value but must be a mapping; indent its keys under it. @ step',
        'item-extra-key: Valohai ignores "name" next to "step" in this item. If it belongs to the step, indent it under "step". @ name',
      ],
    },
    {
      what: 'a scalar with no value',
      text: '- step:\n    name:\n    image: docker.io/library/python:3.12\n    command: python train.py\n',
      expected: ['schema-type: "name" must be a string, not empty. @ name'],
    },
    {
      what: 'fractional number for an integer-or-string: no quoting advice',
      text: `${STEP}    time-limit: 1.5\n`,
      expected: ['schema-type: "time-limit" must be a whole number of seconds or a duration string such as "1h 30m", not a fractional number. @ 1.5'],
    },
    {
      what: 'key escaping in the instance path (~1 and ~0)',
      text: `${STEP}    resources:\n      devices:\n        a/b~c: 0\n`,
      expected: ['schema-value: Device count for "a/b~c" must be at least 1, not 0; leave the device out to request none. @ 0'],
    },
    {
      what: 'several missing keys make one finding on the parent key',
      text: '- endpoint:\n    port: 8000\n',
      expected: ['schema-exclusive-keys: Endpoint needs either "server-command" (a command starting an HTTP server) or "wsgi" (a WSGI application). @ endpoint', 'schema-missing-key: Missing required keys "name" and "image" in endpoint. @ endpoint'],
    },
    {
      what: 'missing key of a list item: reported on the item',
      text: `${STEP}    inputs:\n      - optional: true\n`,
      expected: ['schema-missing-key: Missing required key "name" in input. @ optional: true'],
    },
    {
      what: 'a misspelt required key is one finding (the rename), not also a missing key',
      text: '- step:\n    nmae: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n',
      expected: ['schema-unknown-key: Unknown key "nmae" in step. Did you mean "name"? @ nmae'],
    },
    {
      what: 'unknown key: no rename to a key that is already there',
      text: `${STEP}    inputs: []\n    input: []\n`,
      expected: ['schema-unknown-key: Unknown key "input" in step "train". Expected "name", "image", "command", "description", "category", "icon", "source-path", "parameters" or 13 more. @ input'],
    },
    {
      what: 'an unknown key with a hint about where it belongs',
      text: `${STEP}    inputs:\n      - name: a\n        edge-merge-mode: append\n`,
      expected: ['schema-unknown-key: Unknown key "edge-merge-mode" in input "a". It is set on the pipeline node now, not on the input. @ edge-merge-mode'],
    },
    {
      what: 'enum: a non-string value',
      text: `${STEP}    parameters:\n      - name: a\n        type: 5\n`,
      expected: ['schema-enum: "type" must be "string", "integer", "float" or "flag", not 5. @ 5'],
    },
    {
      what: 'enum: a wrong-case value',
      text: `${STEP}    inputs:\n      - name: a\n        download: Always\n`,
      expected: ['schema-enum: "download" must be "always" or "on-demand", not "Always". Did you mean "always"? @ Always'],
    },
    {
      what: 'pipeline node without a type: only the type is asked for',
      text: `${STEP}- pipeline:\n    name: p\n    nodes:\n      - name: n\n        step: train\n    edges: []\n`,
      expected: ['schema-missing-key: Missing required key "type" in pipeline node "n". @ name: n\n        step: train'],
    },
    {
      what: 'a deployment node with execution-only keys',
      text: `${STEP}- pipeline:\n    name: p\n    nodes:\n      - name: d\n        type: deployment\n        deployment: prod\n        step: train\n    edges: []\n`,
      expected: ['schema-unknown-key: Unknown key "step" in deployment node "d". Expected "name", "type", "deployment", "endpoints", "aliases", "on-error" or "actions". @ step'],
    },
    {
      what: 'a string edge',
      text: `${STEP}- pipeline:\n    name: p\n    nodes: []\n    edges:\n      - a.output.x -> b.input.y\n`,
      expected: ['schema-type: Item 1 of "edges" must be a list [source, target] or a mapping with "source" and "target", not a string. @ a.output.x -> b.input.y'],
    },
    {
      what: 'a widget of the wrong type',
      text: `${STEP}    parameters:\n      - name: a\n        widget: 5\n`,
      expected: ['schema-type: "widget" must be a widget name or a mapping with "type", not a number. @ 5'],
    },
    {
      what: 'a widget mapping may carry other keys but needs a type',
      text: `${STEP}    parameters:\n      - name: a\n        widget: {settings: {}, extra: 1}\n`,
      expected: ['schema-missing-key: Missing required key "type" in widget. @ widget'],
    },
    {
      what: 'blueprint is validated as a pipeline',
      text: `${STEP}- blueprint:\n    name: p\n    nodes: []\n`,
      expected: ['schema-missing-key: Missing required key "edges" in pipeline "p". @ blueprint'],
    },
    {
      what: 'deployment: name required, only name and defaults',
      text: '- deployment:\n    defaults:\n      target: t\n      other: 1\n    region: eu\n',
      expected: ['schema-missing-key: Missing required key "name" in deployment. @ deployment', 'schema-unknown-key: Unknown key "region" in deployment. Expected "name" or "defaults". @ region'],
    },
    {
      what: 'toleration without key but with operator Exists, and an empty one, are fine',
      text: '- endpoint:\n    name: ep\n    image: docker.io/library/python:3.12\n    wsgi: a\n    tolerations:\n      - {}\n      - operator: Exists\n',
      expected: [],
    },
    {
      what: 'task with parameter-sets only is fine; variant items may be strings and booleans',
      text: `${STEP}- task:\n    name: t\n    step: train\n    type: manual_search\n    parameter-sets:\n      - {lr: 1}\n- task:\n    name: u\n    step: train\n    parameters:\n      - name: lr\n        style: multiple\n        rules: {items: [1, a, true]}\n`,
      expected: [],
    },
    {
      what: 'variant rule value must be a number',
      text: `${STEP}- task:\n    name: t\n    step: train\n    parameters:\n      - name: lr\n        style: single\n        rules: {value: abc}\n`,
      expected: ['schema-type: "value" must be a number, not a string. @ abc'],
    },
    {
      what: 'anchors and aliases: findings sit at the anchored text, once',
      text: '- step: &s\n    name: a\n    image: docker.io/library/python:3.12\n    command: c\n    bogus: 1\n- step: *s\n',
      expected: ['schema-unknown-key: Unknown key "bogus" in step "a". Expected "name", "image", "command", "description", "category", "icon", "source-path", "parameters" or 13 more. @ bogus'],
    },
    {
      what: 'a "__proto__" key is an ordinary unknown key',
      text: `${STEP}    __proto__: 1\n`,
      expected: ['schema-unknown-key: Unknown key "__proto__" in step "train". Expected "name", "image", "command", "description", "category", "icon", "source-path", "parameters" or 13 more. @ __proto__'],
    },
    {
      what: '.inf is a number, as for valohai-yaml',
      text: `${STEP}    parameters:\n      - name: a\n        type: float\n        max: .inf\n`,
      expected: [],
    },
  ])('$what', ({ text, expected }) => {
    expect(found(text)).toEqual(expected);
  });

  it('offers a rename per close key and a replacement per close enum value', () => {
    const text = `${STEP}    enviroment: x\n    parameters:\n      - name: a\n        type: integr\n`;
    const diagnostics = lint(text).diagnostics;
    const unknown = diagnostics.find((d) => d.ruleId === 'schema-unknown-key');
    expect(unknown?.suggestions?.map((s) => s.title)).toEqual(['Rename to "environment"']);
    expect(unknown?.suggestions?.[0]?.edits).toEqual([{ span: unknown!.span, newText: 'environment' }]);
    const enumValue = diagnostics.find((d) => d.ruleId === 'schema-enum');
    expect(enumValue?.suggestions?.map((s) => s.title)).toEqual(['Replace with "integer"']);
  });

  it('reports nothing when the YAML itself is broken', () => {
    expect(found('- step: [\n')).toEqual([]);
  });
});

describe('the schema', () => {
  /** Visits every schema object in the tree. */
  function walk(node: unknown, visit: (s: SchemaNode, where: string) => void, where = '#'): void {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, visit, `${where}/${i}`));
    else if (node && typeof node === 'object') {
      visit(node as SchemaNode, where);
      for (const [k, v] of Object.entries(node)) if (!k.startsWith('x-') && k !== 'enum' && k !== 'const') walk(v, visit, `${where}/${k}`);
    }
  }

  it('gives every property a description (shown on hover)', () => {
    const missing: string[] = [];
    walk(valohaiSchema, (s, where) => {
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (where.includes('/if')) continue; // discriminators, not documentation
        if (typeof prop !== 'object' || !prop.description) missing.push(`${where}/properties/${key}`);
      }
    });
    expect(missing).toEqual([]);
  });

  it('uses no anyOf/oneOf (so no "not valid under any of the given schemas")', () => {
    const found: string[] = [];
    walk(valohaiSchema, (s, where) => {
      if ('anyOf' in s || 'oneOf' in s) found.push(where);
    });
    expect(found).toEqual([]);
  });

  it('validates every item kind', () => {
    const item = asSchema(valohaiSchema.items)?.properties ?? {};
    expect(Object.keys(item).sort()).toEqual(['blueprint', 'deployment', 'endpoint', 'pipeline', 'step', 'task']);
  });
});
