// schema-unknown-key: a key the schema does not allow in a step, pipeline, endpoint, task or one of their parts.
// Valohai rejects the whole file for it (valohai-yaml: "Additional properties are not allowed"); usually a typo.
import { defineRule } from '../engine/define-rule.js';
import { schemaFindingsOf } from '../schema/validate.js';

export const schemaUnknownKey = defineRule({
  meta: {
    id: 'schema-unknown-key',
    area: 'schema',
    description: 'Steps, pipelines, endpoints, tasks and their parts must only use the keys Valohai knows.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: { unknownKey: 'Unknown key "{{key}}" in {{where}}.{{hint}}' },
  },
  check(ctx) {
    for (const f of schemaFindingsOf(ctx.schema(), 'unknownKey')) {
      ctx.report({ messageId: f.messageId, data: f.data, span: f.span, ...(f.suggestions ? { suggestions: f.suggestions } : {}) });
    }
  },
});
