// schema-exclusive-keys: keys that exclude or need each other: an endpoint takes "server-command" or "wsgi" (one of
// them), a task node "step" or "task", a task "parameters" or "parameter-sets", and a toleration without "key" must
// use operator Exists. Valohai rejects the file (valohai-yaml's vague "is not valid under any of the given schemas").
import { defineRule } from '../engine/define-rule.js';
import { schemaFindingsOf } from '../schema/validate.js';

export const schemaExclusiveKeys = defineRule({
  meta: {
    id: 'schema-exclusive-keys',
    area: 'schema',
    description: 'Keys that exclude or need each other must be used together correctly (e.g. exactly one of "server-command" and "wsgi").',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: { custom: '{{message}}' },
  },
  check(ctx) {
    for (const f of schemaFindingsOf(ctx.schema(), 'exclusive')) ctx.report({ messageId: f.messageId, data: f.data, span: f.span });
  },
});
