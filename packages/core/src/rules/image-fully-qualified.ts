// image-fully-qualified: Valohai matches registry credentials against the image exactly as written, so an image
// written in a short form (`python:3.11`, `myorg/train`) can miss credentials that its full name would get. The safe
// fix writes the fully qualified name (`docker.io/library/python:3.11`), which names the very same image.
import { defineRule } from '../engine/define-rule.js';
import { valueFix } from '../engine/value-fixes.js';

export const imageFullyQualified = defineRule({
  meta: {
    id: 'image-fully-qualified',
    area: 'image',
    description: 'Images should be written in their fully qualified form, as Valohai matches credentials against the name as written.',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: false,
    parity: false,
    messages: { notQualified: 'Image "{{image}}" is not fully qualified; write "{{qualified}}", the same image by its full name.' },
  },
  check(ctx) {
    const coverageReports = ctx.config.rules['image-registry-coverage'] !== 'off' && ctx.config.registries.length > 0;
    for (const a of ctx.images()) {
      const ref = a.ref;
      // Qualifying a registry host without a path or a pasted digest would cement the mistake; image-registry-trap explains.
      if (!ref || ref.fullyQualified || a.traps.some((t) => t.code === 'registry-without-path' || t.code === 'bare-digest')) continue;
      // When credentials depend on it, image-registry-coverage reports the same fix as an error; say it once.
      if (coverageReports && a.needsCredentials && !a.coveredBy && a.coveredWhenQualified) continue;
      const fix = valueFix(ctx.doc.source, a.use.node, ref.normalized, `Write "${ref.normalized}"`);
      ctx.report({ messageId: 'notQualified', data: { image: a.use.value, qualified: ref.normalized }, span: a.use.node.span, ...(fix ? { fix } : {}) });
    }
  },
});
