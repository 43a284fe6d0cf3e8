// suppression-unused: a suppression that hides nothing is stale and would hide a future, unrelated finding.
import { defineRule } from '../engine/define-rule.js';

export const suppressionUnused = defineRule({
  meta: {
    id: 'suppression-unused',
    area: 'suppression',
    description: 'Suppression comments must suppress something.',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: false,
    parity: false,
    messages: {
      unused: 'This suppression of {{rules}} suppresses nothing; remove it.',
      unusedAll: 'This suppression suppresses nothing; remove it.',
      unusedRule: 'The rule "{{rule}}" is suppressed here but reports nothing; remove it from the list.',
    },
  },
  check() {
    // Reported by the engine after all rules ran.
  },
});
