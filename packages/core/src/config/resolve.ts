// Fills in the defaults of a LintConfig once, so every consumer reads complete values.
import { inferRegistryType } from './registry-types.js';
import type { LintConfig, RegistryPattern, ResolvedConfig, ResolvedRegistry } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

export function resolveConfig(config: LintConfig | undefined): ResolvedConfig {
  return {
    rules: { ...(config?.rules ?? {}) },
    registries: (config?.registries ?? []).map(resolveRegistry),
    public: [...(config?.public ?? [])],
    maxFileSize: config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  };
}

/** A registry with its type: as written, else the one its pattern's host implies. */
export function resolveRegistry(registry: RegistryPattern): ResolvedRegistry {
  return registry.type === undefined ? { ...registry, type: inferRegistryType(registry.pattern), typeInferred: true } : { ...registry, type: registry.type, typeInferred: false };
}
