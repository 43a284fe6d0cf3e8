// Findings about `.valohai-lint.yaml` itself, reported by the configuration parser (config-file/), never on valohai.yaml.
import { declareFinding } from '../diagnostic/create.js';

/** config-invalid: problems in `.valohai-lint.yaml` itself; the CLI stops with exit code 2 on them. */
export const configInvalid = declareFinding({
  reportedBy: 'configuration',
  meta: {
    id: 'config-invalid',
    area: 'config',
    description: 'The .valohai-lint.yaml configuration must be valid.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: { invalid: '{{message}}' },
  },
});

/**
 * config-registry-pattern: credential and public patterns in `.valohai-lint.yaml` that can never match a fully
 * qualified image, are listed twice, are shadowed by a broader one, or disagree with their registry type.
 */
export const configRegistryPattern = declareFinding({
  reportedBy: 'configuration',
  meta: {
    id: 'config-registry-pattern',
    area: 'config',
    description: 'Registry and public patterns in .valohai-lint.yaml must be able to match fully qualified images, once each.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: { pattern: '{{message}}' },
  },
});
