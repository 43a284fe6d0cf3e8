// The registry types an organization can configure in Valohai (docs.valohai.com, "Private Docker registries").
export const REGISTRY_TYPES = ['docker-hub', 'aws-ecr', 'gcp-artifact-registry', 'gcp-container-registry', 'azure-container-registry', 'jfrog', 'docker'] as const;
export type RegistryType = (typeof REGISTRY_TYPES)[number];
