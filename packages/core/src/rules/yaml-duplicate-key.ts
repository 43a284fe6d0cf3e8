// yaml-duplicate-key: a key written twice in one mapping. PyYAML silently keeps the last value, so the first is lost.
import { defineRule } from '../engine/define-rule.js';

export const yamlDuplicateKey = defineRule({
  meta: {
    id: 'yaml-duplicate-key',
    area: 'yaml',
    description: 'A mapping must not repeat a key; Valohai silently keeps only the last value.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    scope: 'document',
    messages: { duplicate: 'Key "{{key}}" is repeated in this mapping; Valohai keeps only this last value and ignores the earlier one.' },
  },
  check(ctx) {
    if (ctx.doc.hasSyntaxErrors) return;
    for (const d of ctx.doc.parse.duplicateKeys) {
      ctx.report({ messageId: 'duplicate', data: { key: d.key }, span: d.span, related: [{ span: d.firstSpan, message: `"${d.key}" first written here` }] });
    }
  },
});
