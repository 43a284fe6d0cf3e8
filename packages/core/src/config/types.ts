// What the core understands of configuration (rule severities, registry credential patterns, public images, limits).
// Finding and reading `.valohai-lint.yaml` is the adapters' job; parsing its text is config-file/'s.
import type { SeveritySetting } from '../diagnostic/types.js';

/** A registry pattern mirroring one of the organization's Valohai registry credentials. */
export interface RegistryPattern {
  pattern: string;
  type: string;
  description?: string;
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
  registries: RegistryPattern[];
  public: string[];
  maxFileSize: number;
}
