// image-tag: an image without a tag means `latest`, and `latest` moves: the same valohai.yaml runs different code
// over time and past executions cannot be reproduced. A digest pins the image whatever the tag says.
import { defineRule } from '../engine/define-rule.js';
import { subSpan } from '../document/scalar-text.js';

export const imageTag = defineRule({
  meta: {
    id: 'image-tag',
    area: 'image',
    description: 'Images should be pinned with a version tag or a digest, not the implicit or explicit "latest".',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      implicitLatest: 'Image "{{image}}" has no tag, so it means "{{image}}:latest", which changes over time; pin a version tag or a digest.',
      explicitLatest: 'Image "{{image}}" uses the tag "latest", which changes over time; pin a version tag or a digest.',
    },
  },
  check(ctx) {
    const text = ctx.doc.source.text;
    for (const a of ctx.images()) {
      const ref = a.ref;
      if (!ref || ref.digest !== undefined) continue;
      if (ref.tag === undefined) ctx.report({ messageId: 'implicitLatest', data: { image: a.use.value }, span: a.use.node.span });
      else if (ref.tag === 'latest') {
        const span = ref.spans.tag ? subSpan(a.use.node, text, ref.spans.tag.start, ref.spans.tag.end) : a.use.node.span;
        ctx.report({ messageId: 'explicitLatest', data: { image: a.use.value }, span });
      }
    }
  },
});
