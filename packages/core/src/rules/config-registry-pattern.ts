// config-registry-pattern: credential and public patterns in `.valohai-lint.yaml` that can never match a fully
// qualified image, are listed twice, are shadowed by a broader one, or disagree with their registry type.
import { defineRule } from '../engine/define-rule.js';

export const configRegistryPattern = defineRule({
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
  check() {
    // Reported by parseConfig() on configuration files, never on valohai.yaml.
  },
});
