// suppression-malformed: a `# valohai-lint-…` comment that cannot be read would silently suppress nothing.
import { defineRule } from '../engine/define-rule.js';

export const suppressionMalformed = defineRule({
  meta: {
    id: 'suppression-malformed',
    area: 'suppression',
    description: 'Suppression comments must use a known directive and known rule ids.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      unknownDirective: '"{{text}}" is not a valohai-lint directive; use "valohai-lint-disable-next-line" or "valohai-lint-disable".',
      unknownRule: '"{{text}}" is not a valohai-lint rule id; run "valohai-lint --list-rules" to see them.',
    },
  },
  check() {
    // Reported by the engine after all rules ran.
  },
});
