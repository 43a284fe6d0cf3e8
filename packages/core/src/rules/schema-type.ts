// schema-type: a value of the wrong type, e.g. a number where Valohai expects a string or an empty "parameters:".
// Valohai rejects the file (valohai-yaml: "5 is not of type 'string'").
import { defineRule } from '../engine/define-rule.js';
import { schemaFindingsOf } from '../schema/validate.js';

export const schemaType = defineRule({
  meta: {
    id: 'schema-type',
    area: 'schema',
    description: 'Every value must have the type Valohai expects (string, number, list, mapping, true/false).',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      wrongType: '{{subject}} must be {{expected}}, not {{actual}}.{{hint}}',
      noValue: '{{subject}} has no value but must be {{expected}}; {{advice}}.',
      rootType: 'The file must be a list of items such as "- step: …", not {{actual}}.',
      rootEmpty: 'The file is empty; it must be a list of items such as "- step: …".',
    },
  },
  check(ctx) {
    for (const f of schemaFindingsOf(ctx.schema(), 'type')) {
      ctx.report({ messageId: f.messageId, data: f.data, span: f.span, ...(f.suggestions ? { suggestions: f.suggestions } : {}) });
    }
  },
});
