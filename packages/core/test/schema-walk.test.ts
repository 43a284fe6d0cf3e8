// Walking the project's JSON Schema (completion, hover, the type a place expects): $ref, allOf and if/then/else against a partial instance.
import { describe, expect, it } from 'vitest';
import schema from '../src/schema/valohai.schema.json' with { type: 'json' };
import { createDocument } from '../src/document/document.js';
import { nodeAtPath } from '../src/document/nodes.js';
import { childOfItem, childOfKey, descriptionOf, enumValuesOf, propertiesOf, rootSchema, schemasAt, valueTypesOf, type Instance } from '../src/schema/walk.js';

const defs = schema.$defs as unknown as Record<string, { patternProperties?: Record<string, { description: string }> }>;

const node = (values: Record<string, string>, partial = true): Instance => ({ type: 'object', values: new Map(Object.entries(values)), partial });
const nodeSchemas = () => childOfItem(childOfKey(childOfItem([rootSchema()], { type: 'array' }), node({}), 'pipeline').flatMap((s) => [s]).flatMap((s) => childOfKey([s], node({}), 'nodes')), { type: 'array' });

describe('schema navigation', () => {
  it('discriminates pipeline nodes by type', () => {
    const keys = (values: Record<string, string>) => [...propertiesOf(nodeSchemas(), node(values)).values()].filter((p) => !p.forbidden).map((p) => p.name);
    expect(keys({ type: 'execution' })).toEqual(expect.arrayContaining(['type', 'name', 'step', 'override', 'edge-merge-mode']));
    expect(keys({ type: 'execution' })).not.toContain('task');
    expect(keys({ type: 'deployment' })).toEqual(expect.arrayContaining(['deployment', 'endpoints', 'aliases']));
    // Without a type yet, every kind of node's keys may still come.
    expect(keys({})).toEqual(expect.arrayContaining(['step', 'task', 'deployment']));
    // A task node with "task" may not have "step" (then-branch), but one with neither may have both.
    expect(keys({ type: 'task', task: 'x' })).not.toContain('step');
    expect(keys({ type: 'task' })).toEqual(expect.arrayContaining(['step', 'task']));
  });

  it('gives descriptions of the property before its $ref target, and enum values', () => {
    const step = childOfKey(childOfItem([rootSchema()], { type: 'array' }), node({}), 'step');
    // The property's own description (under items.properties.step), not the one of $defs.step.
    expect(descriptionOf(step)).toBe((schema.items.properties as Record<string, { description: string }>)['step']!.description);
    const param = childOfItem(childOfKey(step, node({}), 'parameters'), { type: 'array' });
    expect(enumValuesOf(childOfKey(param, node({}), 'type'))).toEqual(['string', 'integer', 'float', 'flag']);
    expect(enumValuesOf(childOfKey(param, node({}), 'optional'))).toEqual([true, false]);
  });

  it('picks the mapping form of a mount and of an edge by the instance type', () => {
    const step = childOfKey(childOfItem([rootSchema()], { type: 'array' }), node({}), 'step');
    const mount = childOfItem(childOfKey(step, node({}), 'mounts'), { type: 'array' });
    expect([...propertiesOf(mount, node({})).keys()]).toEqual(['source', 'destination', 'readonly', 'type', 'options']);
    expect([...propertiesOf(mount, { type: 'string' }).keys()]).toEqual([]);
  });

  it('reads patternProperties for device names', () => {
    const step = childOfKey(childOfItem([rootSchema()], { type: 'array' }), node({}), 'step');
    const devices = childOfKey(childOfKey(step, node({}), 'resources'), node({}), 'devices');
    expect(descriptionOf(childOfKey(devices, node({}), 'nvidia.com/gpu'))).toBe(Object.values(defs['devices']!.patternProperties!)[0]!.description);
  });
});

describe('the schema at a node of a parsed document', () => {
  const text = [
    '- step:',
    '    name: train',
    '    image: docker.io/library/python:3.12',
    '    command: python train.py',
    '    time-limit: 1:30',
    '    inputs:',
    '      - name: data',
    '        optional: yes',
    '        keep-directories: suffix',
    '    parameters:',
    '      - name: mode',
    '        type: string',
    '        default: no',
    '- pipeline:',
    '    name: p',
    '    nodes:',
    '      - name: n',
    '        type: deployment',
    '        deployment: d',
    '    edges: []',
  ].join('\n');
  const root = createDocument(text).root;
  const at = (...path: (string | number)[]) => valueTypesOf(schemasAt(nodeAtPath(root, path)!)).sort();

  it('knows the types of values by their place', () => {
    expect(at(0, 'step', 'inputs', 0, 'optional')).toEqual(['boolean']);
    expect(at(0, 'step', 'inputs', 0, 'keep-directories')).toEqual(['boolean', 'string']);
    expect(at(0, 'step', 'time-limit')).toEqual(['integer', 'number', 'string']);
    expect(at(0, 'step', 'parameters', 0, 'type')).toEqual(['string']);
    expect(at(0, 'step', 'name')).toEqual(['string']);
    // A parameter's default may be anything.
    expect(at(0, 'step', 'parameters', 0, 'default')).toEqual([]);
  });

  it('follows the node type discrimination', () => {
    expect(at(1, 'pipeline', 'nodes', 0, 'deployment')).toEqual(['string']);
  });
});
