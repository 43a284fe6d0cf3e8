// schema-missing-key: a required key is missing, e.g. a step without "image" or a pipeline without "edges".
// Valohai rejects the file (valohai-yaml: "'image' is a required property").
import { defineRule } from '../engine/define-rule.js';
import { schemaFindingsOf } from '../schema/validate.js';

export const schemaMissingKey = defineRule({
  meta: {
    id: 'schema-missing-key',
    area: 'schema',
    description: 'Steps, pipelines, endpoints, tasks and their parts must have their required keys.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      missingKey: 'Missing required key "{{key}}" in {{where}}.',
      missingKeys: 'Missing required keys {{keys}} in {{where}}.',
    },
  },
  check(ctx) {
    for (const f of schemaFindingsOf(ctx.schema(), 'missingKey')) ctx.report({ messageId: f.messageId, data: f.data, span: f.span });
  },
});
