// config-invalid: problems in `.valohai-lint.yaml` itself; the CLI stops with exit code 2 on them.
import { defineRule } from '../engine/define-rule.js';

export const configInvalid = defineRule({
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
  check() {
    // Reported by parseConfig() on configuration files, never on valohai.yaml.
  },
});
