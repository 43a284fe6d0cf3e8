// Fills in the defaults of a LintConfig once, so every consumer reads complete values.
import type { LintConfig, ResolvedConfig } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

export function resolveConfig(config: LintConfig | undefined): ResolvedConfig {
  return {
    rules: { ...(config?.rules ?? {}) },
    registries: [...(config?.registries ?? [])],
    public: [...(config?.public ?? [])],
    maxFileSize: config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  };
}
