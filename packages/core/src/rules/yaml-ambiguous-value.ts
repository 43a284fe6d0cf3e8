// yaml-ambiguous-value: plain values that Valohai's YAML 1.1 loader reads as something else (`on: yes` → true: true,
// `1:30` → 90, `017` → 15). Quoting keeps the text; writing true/false or the number says what is meant.
import { defineRule } from '../engine/define-rule.js';
import { DURATION_KEYS } from '../duration/duration.js';

export const yamlAmbiguousValue = defineRule({
  meta: {
    id: 'yaml-ambiguous-value',
    area: 'yaml',
    description: 'Plain values such as yes/no/on/off, 1:30 and 017 mean something surprising under YAML 1.1, which Valohai uses.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: false,
    scope: 'document',
    messages: {
      boolean: '"{{text}}" is read as the boolean {{value}} by Valohai (YAML 1.1); quote it if you mean the text, or write {{value}}.',
      booleanKey: 'The key "{{text}}" is read as the boolean {{value}} by Valohai (YAML 1.1); quote it if you mean the text.',
      sexagesimal: '"{{text}}" is read as the number {{value}} by Valohai (YAML 1.1 base-60); quote it if you mean the text.',
      octal: '"{{text}}" is read as the octal number {{value}} by Valohai (YAML 1.1); quote it if you mean the text.',
      sexagesimalDuration: '"{{text}}" is read as {{value}} seconds by Valohai (YAML 1.1 base-60); write {{value}} to say so plainly (quoting it would make a duration Valohai cannot read).',
    },
  },
  check(ctx) {
    if (ctx.doc.hasSyntaxErrors) return;
    for (const f of ctx.doc.parse.yaml11) {
      const quoted = { title: `Quote "${f.text}"`, edits: [{ span: f.span, newText: `"${f.text}"` }] };
      if (f.kind === 'boolean') {
        const value = String(f.value);
        const suggestions = f.isKey ? [quoted] : [{ title: `Write ${value}`, edits: [{ span: f.span, newText: value }] }, quoted];
        ctx.report({ messageId: f.isKey ? 'booleanKey' : 'boolean', data: { text: f.text, value }, span: f.span, suggestions });
      } else if (f.kind === 'sexagesimal' && f.parentKey !== undefined && (DURATION_KEYS as readonly string[]).includes(f.parentKey)) {
        // A quoted "1:30" is a duration string valohai-yaml cannot parse; the number of seconds says the same safely.
        ctx.report({ messageId: 'sexagesimalDuration', data: { text: f.text, value: String(f.value) }, span: f.span, suggestions: [{ title: `Write ${String(f.value)}`, edits: [{ span: f.span, newText: String(f.value) }] }] });
      } else {
        ctx.report({ messageId: f.kind, data: { text: f.text, value: String(f.value) }, span: f.span, suggestions: [quoted] });
      }
    }
  },
});
