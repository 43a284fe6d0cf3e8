// image-placeholder: an image value that is a template placeholder (`<<registry/image:tag>>` copied from an example,
// `${IMAGE}`, `{{ image }}`, `{parameter:image}`). Valohai fills in nothing in an image value (interpolation happens in
// commands only), so it would try to pull the text literally; one error per value, naming the placeholder.
import { defineRule } from '../engine/define-rule.js';

export const imagePlaceholder = defineRule({
  meta: {
    id: 'image-placeholder',
    area: 'image',
    description: 'Images must be real image names, not template placeholders, which Valohai does not fill in.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      placeholder: 'Image "{{image}}" is a template placeholder, which Valohai does not fill in, so it would try to pull this text literally; put the real image name here.',
      containsPlaceholder: 'Image "{{image}}" contains the placeholder "{{placeholder}}", which Valohai does not fill in, so it would try to pull this text literally; put the real image name here.',
    },
  },
  check(ctx) {
    for (const a of ctx.images()) {
      if (a.placeholder === undefined) continue;
      const messageId = a.placeholder === a.use.value ? 'placeholder' : 'containsPlaceholder';
      ctx.report({ messageId, data: { image: a.use.value, placeholder: a.placeholder }, span: a.use.node.span });
    }
  },
});
