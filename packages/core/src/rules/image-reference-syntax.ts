// image-reference-syntax: an image that is not a valid Docker reference cannot be pulled; Valohai fails the job only
// after it was queued. Templated values (`${VAR}`, `{parameter:…}`) are not references yet and are skipped.
import { defineRule } from '../engine/define-rule.js';
import { subSpan } from '../document/scalar-text.js';
import { present, valueFix } from '../engine/value-fixes.js';

export const imageReferenceSyntax = defineRule({
  meta: {
    id: 'image-reference-syntax',
    area: 'image',
    description: 'Every image must be a valid Docker image reference.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: false,
    messages: { invalid: 'Image "{{image}}" is not a valid Docker reference: {{reason}}' },
  },
  check(ctx) {
    const text = ctx.doc.source.text;
    for (const a of ctx.images()) {
      if (!a.error) continue;
      const span = a.error.span ? subSpan(a.use.node, text, a.error.span.start, a.error.span.end) : a.use.node.span;
      const suggestions = a.error.suggestion !== undefined ? present(valueFix(ctx.doc.source, a.use.node, a.error.suggestion, `Replace with "${a.error.suggestion}"`)) : [];
      ctx.report({ messageId: 'invalid', data: { image: a.use.value, reason: a.error.message }, span, suggestions });
    }
  },
});
