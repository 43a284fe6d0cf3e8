// schema-enum: a value outside a fixed set, e.g. a parameter "type: boolean" or a node "on-error: retry" on a deployment.
// Valohai rejects the file (valohai-yaml: "'boolean' is not one of ['flag', 'float', 'integer', 'string']").
import { defineRule } from '../engine/define-rule.js';
import { schemaFindingsOf } from '../schema/validate.js';

export const schemaEnum = defineRule({
  meta: {
    id: 'schema-enum',
    area: 'schema',
    description: 'Keys with a fixed set of values (parameter type, on-error, keep-directories …) must use one of them.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: { notAllowed: '{{subject}} must be {{allowed}}, not {{value}}.{{hint}}' },
  },
  check(ctx) {
    for (const f of schemaFindingsOf(ctx.schema(), 'enum')) {
      ctx.report({ messageId: f.messageId, data: f.data, span: f.span, ...(f.suggestions ? { suggestions: f.suggestions } : {}) });
    }
  },
});
