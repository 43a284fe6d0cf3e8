// What the core understands of configuration (rule severities, registry credential patterns, public images, limits).
// Finding and reading `.valohai-lint.yaml` is the adapters' job; parsing its text is config-file/'s.
import type { SeveritySetting } from '../diagnostic/types.js';

/** A registry pattern mirroring one of the organization's Valohai registry credentials. */
export interface RegistryPattern {
  pattern: string;
  /** The registry type in Valohai; when left out, the one the pattern's host implies (config/registry-types.ts). */
  type?: string;
  description?: string;
}

/** A registry pattern with its type decided. */
export interface ResolvedRegistry extends RegistryPattern {
  type: string;
  /** True when `type` was inferred from the pattern's host rather than written. */
  typeInferred: boolean;
}

/** Configuration the core understands. Loading it from files is the CLI's and language server's job. */
export interface LintConfig {
  rules?: Record<string, SeveritySetting>;
  registries?: RegistryPattern[];
  public?: string[];
  /** Files larger than this many UTF-16 code units are not analyzed (default 5,000,000). */
  maxFileSize?: number;
}

export interface ResolvedConfig {
  rules: Record<string, SeveritySetting>;
  registries: ResolvedRegistry[];
  public: string[];
  maxFileSize: number;
}
