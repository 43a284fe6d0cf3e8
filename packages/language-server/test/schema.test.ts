// Reading the project's JSON Schema for completion and hover: $ref, allOf and if/then/else against a partial instance.
import { describe, expect, it } from 'vitest';
import schema from '../../core/src/schema/valohai.schema.json' with { type: 'json' };
import { childOfItem, childOfKey, descriptionOf, enumValuesOf, propertiesOf, rootSchema, type Instance } from '../src/schema.js';

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
