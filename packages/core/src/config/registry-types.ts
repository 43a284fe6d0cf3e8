// The registry types an organization can configure in Valohai (docs.valohai.com, "Private Docker registries"), and the
// type a credential pattern's host implies, so that `type` can be left out of `.valohai-lint.yaml`.
import { registryKind } from '../docker/registry.js';
import type { RegistryKind } from '../docker/types.js';

export const REGISTRY_TYPES = ['docker-hub', 'aws-ecr', 'gcp-artifact-registry', 'gcp-container-registry', 'azure-container-registry', 'jfrog', 'docker'] as const;
export type RegistryType = (typeof REGISTRY_TYPES)[number];

/** The type each kind of host implies first, and the types that fit it; anything else contradicts the host. */
const TYPES_FOR_KIND: Partial<Record<RegistryKind, readonly RegistryType[]>> = {
  // Docker Hub also takes plain username/password ("standard Docker authentication").
  'docker-hub': ['docker-hub', 'docker'],
  ecr: ['aws-ecr'],
  // gcr.io repositories are served by Artifact Registry nowadays; both types fit.
  gcr: ['gcp-container-registry', 'gcp-artifact-registry'],
  'artifact-registry': ['gcp-artifact-registry'],
  acr: ['azure-container-registry'],
  jfrog: ['jfrog'],
};
/** Any other host: a generic Docker registry, or a JFrog Artifactory on a domain of its own. */
const OTHER_HOST_TYPES: readonly RegistryType[] = ['docker', 'jfrog'];

export function isRegistryType(value: unknown): value is RegistryType {
  return typeof value === 'string' && (REGISTRY_TYPES as readonly string[]).includes(value);
}

/**
 * The kind of registry a credential pattern's host names. Wildcards in the host stand for digits, so that
 * `*.azurecr.io/*` and `123456789012.dkr.ecr.*.amazonaws.com/*` are recognized; a pattern without a host is `other`.
 */
export function patternRegistryKind(pattern: string): RegistryKind {
  const slash = pattern.indexOf('/');
  if (slash <= 0) return 'other';
  const host = pattern.slice(0, slash).replace(/\[[^\]]*\]|\?/g, '0').replace(/\*+/g, '000000000000');
  return registryKind(host);
}

/** The types that fit a pattern's host, the first being the one inferred when `type` is left out. */
export function registryTypesFor(pattern: string): readonly RegistryType[] {
  return TYPES_FOR_KIND[patternRegistryKind(pattern)] ?? OTHER_HOST_TYPES;
}

/** The type a pattern's host implies: ECR → aws-ecr, `*.azurecr.io` → azure-container-registry, …, else docker. */
export function inferRegistryType(pattern: string): RegistryType {
  return registryTypesFor(pattern)[0] ?? 'docker';
}
