// The registry type a credential pattern's host implies (so that `type` can be left out), and which written types fit it.
import { expect, it } from 'vitest';
import { inferRegistryType, parseConfig, registryTypesFor, resolveConfig } from '../src/index.js';

it.each([
  { pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/*', type: 'aws-ecr' },
  { pattern: '123456789012.dkr.ecr.*.amazonaws.com/*', type: 'aws-ecr' },
  { pattern: 'myregistry.azurecr.io/*', type: 'azure-container-registry' },
  { pattern: '*.azurecr.io/*', type: 'azure-container-registry' },
  { pattern: 'gcr.io/my-project/*', type: 'gcp-container-registry' },
  { pattern: 'eu.gcr.io/my-project/*', type: 'gcp-container-registry' },
  { pattern: 'us-central1-docker.pkg.dev/my-project/*', type: 'gcp-artifact-registry' },
  { pattern: 'mycompany.jfrog.io/docker-local/*', type: 'jfrog' },
  { pattern: 'docker.io/myorg/*', type: 'docker-hub' },
  { pattern: 'ghcr.io/myorg/*', type: 'docker' },
  { pattern: 'registry.example.com:5000/*', type: 'docker' },
  { pattern: '*', type: 'docker' },
])('$pattern implies $type', ({ pattern, type }) => {
  expect(inferRegistryType(pattern)).toBe(type);
  expect(registryTypesFor(pattern)[0]).toBe(type);
});

it('lets Docker Hub take plain credentials and any other host JFrog, but not the cloud types', () => {
  expect(registryTypesFor('docker.io/myorg/*')).toEqual(['docker-hub', 'docker']);
  expect(registryTypesFor('artifactory.example.com/docker/*')).toEqual(['docker', 'jfrog']);
  expect(registryTypesFor('gcr.io/p/*')).toContain('gcp-artifact-registry');
});

it('fills in the inferred type when resolving, and keeps a written one', () => {
  const resolved = resolveConfig({ registries: [{ pattern: 'myregistry.azurecr.io/*' }, { pattern: 'docker.io/myorg/*', type: 'docker' }] });
  expect(resolved.registries).toEqual([
    { pattern: 'myregistry.azurecr.io/*', type: 'azure-container-registry', typeInferred: true },
    { pattern: 'docker.io/myorg/*', type: 'docker', typeInferred: false },
  ]);
});

it('reads a registry without a type, and warns (without refusing the entry) when a written type contradicts the host', () => {
  const ok = parseConfig('registries:\n  - pattern: myregistry.azurecr.io/*\n');
  expect(ok.diagnostics).toEqual([]);
  expect(ok.config.registries).toEqual([{ pattern: 'myregistry.azurecr.io/*' }]);
  const contradiction = parseConfig('registries:\n  - pattern: docker.io/myorg/*\n    type: aws-ecr\n');
  expect(contradiction.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['warning config-registry-pattern']);
  expect(contradiction.config.registries).toEqual([{ pattern: 'docker.io/myorg/*', type: 'aws-ecr' }]);
});
