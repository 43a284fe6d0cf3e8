// The registry patterns `valohai-lint init` proposes: one per private registry host and repository prefix that
// nothing covers, broader patterns absorbing narrower ones, and Docker Hub namespaces only as candidates.
import { expect, it } from 'vitest';
import { parseConfig, planCredentials, renderAdditions, renderStarterConfig } from '../src/index.js';

const steps = (...images: string[]): string => images.map((image, i) => `- step:\n    name: s${i}\n    image: ${image}\n    command: x\n`).join('');

it('groups private images by host and first path component, and keeps public and official images out', () => {
  const plan = planCredentials([
    { name: 'valohai.yaml', text: steps('123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/a:1', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/b:1', 'myregistry.azurecr.io/train:1', 'python:3.12', 'docker.io/library/ubuntu:24.04', 'myorg/train:1.0', 'ghcr.io/astral-sh/uv:0.4.0') },
  ]);
  expect(plan.needed.map((p) => [p.pattern, p.registry, p.sites.length])).toEqual([
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/*', 'AWS ECR', 2],
    ['myregistry.azurecr.io/*', 'Azure Container Registry', 1],
  ]);
  expect(plan.candidates.map((p) => p.pattern)).toEqual(['docker.io/myorg/*', 'ghcr.io/astral-sh/*']);
  expect(plan.needed[0]!.sites[0]).toEqual({ file: 'valohai.yaml', owner: 'step "s0"', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/a:1' });
});

it('lets a broader pattern take the images of a narrower one, so that no proposed pattern shadows another', () => {
  const plan = planCredentials([{ name: 'v.yaml', text: steps('123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:1', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/eval:1') }]);
  expect(plan.needed.map((p) => [p.pattern, p.sites.length])).toEqual([['123456789012.dkr.ecr.eu-west-1.amazonaws.com/*', 2]]);
});

it('proposes nothing for images the configuration already covers or declares public', () => {
  const config = { registries: [{ pattern: 'myregistry.azurecr.io/*' }], public: ['gcr.io/tensorflow/*', 'docker.io/myorg/*'] };
  const plan = planCredentials([{ name: 'v.yaml', text: steps('myregistry.azurecr.io/train:1', 'gcr.io/tensorflow/tensorflow:2.15.0', 'myorg/train:1.0'), config }]);
  expect(plan).toEqual({ needed: [], candidates: [] });
  expect(renderAdditions(plan)).toBe('');
});

it('renders a starter that loads without any finding, and additions that paste under registries', () => {
  const plan = planCredentials([{ name: 'valohai.yaml', text: steps('myregistry.azurecr.io/train:1', 'myorg/train:1.0') }]);
  const starter = renderStarterConfig(plan);
  expect(parseConfig(starter)).toEqual({ config: { registries: [{ pattern: 'myregistry.azurecr.io/*' }], public: ['docker.io/library/*'] }, diagnostics: [] });
  expect(starter).toContain('  # Azure Container Registry: step "s0" in valohai.yaml\n  - pattern: myregistry.azurecr.io/*\n');
  expect(starter).toContain('  # - pattern: docker.io/myorg/*\n');
  expect(parseConfig(`registries:\n${renderAdditions(plan)}`).config.registries).toEqual([{ pattern: 'myregistry.azurecr.io/*' }]);
});

it('without private registries, comments out the registries key too, so uncommenting gives a valid list', () => {
  const starter = renderStarterConfig(planCredentials([{ name: 'valohai.yaml', text: steps('myorg/train:1.0') }]));
  expect(parseConfig(starter).config).toEqual({ public: ['docker.io/library/*'] });
  const uncommented = starter.replace(/^# registries:$/m, 'registries:').replace('  # - pattern', '  - pattern');
  expect(parseConfig(uncommented).config.registries).toEqual([{ pattern: 'docker.io/myorg/*' }]);
});
