// yaml-syntax: every YAML syntax error, each at its own place (valohai-yaml reports only the first, as "Indentation Error").
import { defineRule } from '../engine/define-rule.js';

export const yamlSyntax = defineRule({
  meta: {
    id: 'yaml-syntax',
    area: 'yaml',
    description: 'The file must be a single well-formed YAML document.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    scope: 'document',
    messages: { syntax: '{{message}}' },
  },
  check(ctx) {
    for (const f of ctx.doc.parse.syntax) ctx.report({ messageId: 'syntax', data: { message: f.message, code: f.code }, span: f.span });
  },
});
