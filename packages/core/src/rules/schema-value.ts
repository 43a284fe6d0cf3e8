// schema-value: a value of the right type that breaks a constraint: an endpoint name with capitals, port 80, an input
// name over 64 characters, a relative mount path, a device count of 0. Valohai rejects the file for each.
import { defineRule } from '../engine/define-rule.js';
import { schemaFindingsOf } from '../schema/validate.js';

export const schemaValue = defineRule({
  meta: {
    id: 'schema-value',
    area: 'schema',
    description: 'Values must meet Valohai\'s constraints: endpoint name form, port range, maximum lengths, absolute mount paths, device counts.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      custom: '{{message}}',
      pattern: '{{subject}} value {{value}} does not have the required form ({{pattern}}).',
      tooSmall: '{{subject}} must be at least {{limit}}, not {{value}}.',
      tooLarge: '{{subject}} must be at most {{limit}}, not {{value}}.',
      tooLong: '{{subject}} must be at most {{limit}} characters long, but {{value}} has {{length}}.',
      tooShort: '{{subject}} must be at least {{limit}} characters long, but {{value}} has {{length}}.',
      tooManyItems: '{{subject}} must have at most {{limit}} items, not {{count}}.',
      tooFewItems: '{{subject}} must have at least {{limit}} items, not {{count}}.',
      invalid: '{{subject}} value {{value}} is not allowed here.',
    },
  },
  check(ctx) {
    for (const f of schemaFindingsOf(ctx.schema(), 'value')) ctx.report({ messageId: f.messageId, data: f.data, span: f.span, ...(f.suggestions ? { suggestions: f.suggestions } : {}) });
  },
});
