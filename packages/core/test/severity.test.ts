// Per-message default severities: the weight of each case a rule reports is declared in its metadata, and a severity
// the user configures for the rule replaces all of them.
import { expect, it } from 'vitest';
import { defaultSeverities, getFindingKinds, lint, type LintConfig } from '../src/index.js';

const step = (image: string): string => `- step:\n    name: train\n    image: ${image}\n    command: python train.py\n`;
const found = (image: string, config?: LintConfig): string[] => lint(step(image), config).diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.messageId}`);

it('reports each case with the severity its message declares', () => {
  expect(found('python:3.12')).toEqual(['hint image-fully-qualified officialImage']);
  expect(found('myorg/train:1.0')).toEqual(['info image-fully-qualified namespaceImage']);
  expect(found('myorg/train:1.0', { registries: [{ pattern: 'docker.io/other/*' }] })).toEqual(['warning image-fully-qualified namespaceWithHubCredentials']);
  expect(found('myregistry.azurecr.io/train:1.0')).toEqual(['warning image-registry-coverage notConfigured']);
  expect(found('myregistry.azurecr.io/train:1.0', { registries: [{ pattern: 'docker.io/other/*' }] })).toEqual(['error image-registry-coverage notCovered']);
});

it('lets a configured severity replace every default of the rule', () => {
  const rules = { 'image-fully-qualified': 'error', 'image-registry-coverage': 'info' } as const;
  expect(found('python:3.12', { rules })).toEqual(['error image-fully-qualified officialImage']);
  expect(found('myorg/train:1.0', { rules })).toEqual(['error image-fully-qualified namespaceImage']);
  expect(found('myregistry.azurecr.io/train:1.0', { rules })).toEqual(['info image-registry-coverage notConfigured']);
  expect(found('python:3.12', { rules: { 'image-fully-qualified': 'off' } })).toEqual([]);
});

it('declares per-message severities only for messages the kind has, and lists every default', () => {
  for (const kind of getFindingKinds()) {
    const messages = Object.keys(kind.meta.messages);
    for (const id of Object.keys(kind.meta.messageSeverities ?? {})) expect(messages, `${kind.meta.id}: ${id}`).toContain(id);
  }
  const ifq = getFindingKinds().find((k) => k.meta.id === 'image-fully-qualified')!;
  expect(defaultSeverities(ifq.meta)).toEqual(['warning', 'info', 'hint']);
});
