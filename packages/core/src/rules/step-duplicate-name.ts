// step-duplicate-name: a parameter, input, output or environment variable name repeated within one step. valohai-yaml
// keeps parameters, inputs and environment variables in dicts by name, so the later one silently replaces the earlier.
import { defineRule } from '../engine/define-rule.js';
import { effectiveItems, namedEntries, type NamedEntry } from '../model/steps.js';

const LISTS = [
  { key: 'parameters', what: 'Parameter', replaces: true },
  { key: 'inputs', what: 'Input', replaces: true },
  { key: 'environment-variables', what: 'Environment variable', replaces: true },
  { key: 'outputs', what: 'Output', replaces: false },
] as const;

export const stepDuplicateName = defineRule({
  meta: {
    id: 'step-duplicate-name',
    area: 'step',
    description: 'A step must not define two parameters, inputs, outputs or environment variables with the same name.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      replaces: '{{what}} "{{name}}" is already defined earlier in this step, and this definition silently replaces it; rename or remove one of them.',
      repeated: '{{what}} "{{name}}" is already listed earlier in this step; remove the repeated entry or rename it.',
    },
  },
  check(ctx) {
    for (const step of effectiveItems(ctx.model, 'step')) {
      for (const list of LISTS) {
        const seen = new Map<string, NamedEntry>();
        for (const entry of namedEntries(step.body, list.key)) {
          if (!entry.name) continue;
          const earlier = seen.get(entry.name.value);
          seen.set(entry.name.value, entry);
          if (!earlier?.name) continue;
          ctx.report({
            messageId: list.replaces ? 'replaces' : 'repeated',
            data: { what: list.what, name: entry.name.value },
            span: entry.name.span,
            related: [{ span: earlier.name.span, message: `The earlier ${list.what.toLowerCase()} "${entry.name.value}"` }],
          });
        }
      }
    }
  },
});
