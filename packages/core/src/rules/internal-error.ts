// internal-error: a rule failed on this input. Reported instead of crashing, so the other findings still arrive.
import { defineRule } from '../engine/define-rule.js';

export const internalError = defineRule({
  meta: {
    id: 'internal-error',
    area: 'yaml',
    description: 'A check of valohai-lint itself failed on this file; the other checks still ran.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: { crashed: 'valohai-lint failed while running the rule "{{rule}}" ({{message}}); please report this with the file.' },
  },
  check() {
    // Reported by the engine when a rule throws.
  },
});
