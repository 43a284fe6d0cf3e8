// image-registry-coverage: the pull failure users install valohai-lint for. An image that needs credentials (a private
// registry, or a registry the configuration lists) must be covered by a configured credential pattern exactly as
// written; otherwise Valohai pulls without credentials and the queued job fails with "unauthorized".
import { defineRule } from '../engine/define-rule.js';
import { valueFix } from '../engine/value-fixes.js';
import { registryLabel } from '../images/analyze.js';

const MAX_LISTED = 5;

export const imageRegistryCoverage = defineRule({
  meta: {
    id: 'image-registry-coverage',
    area: 'image',
    description: "Images that need credentials must be covered, exactly as written, by one of the organization's registry patterns.",
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: false,
    parity: false,
    messages: {
      onlyWhenQualified: 'Image "{{image}}" is not covered by the credentials pattern "{{pattern}}" as written, so Valohai will pull it without credentials; write it as "{{qualified}}".',
      notCovered: 'Image "{{image}}" is in a private {{registry}} registry but no configured registry pattern covers it (tried {{tried}}), so Valohai will pull it without credentials.',
    },
  },
  check(ctx) {
    const registries = ctx.config.registries;
    // Without configured registries there is nothing to compare with; the docs say how to configure them.
    if (registries.length === 0) return;
    const tried = registries.slice(0, MAX_LISTED).map((r) => `"${r.pattern}"`).join(', ') + (registries.length > MAX_LISTED ? `, and ${registries.length - MAX_LISTED} more` : '');
    for (const a of ctx.images()) {
      if (!a.ref || !a.needsCredentials || a.coveredBy) continue;
      if (a.coveredWhenQualified) {
        const qualified = a.ref.normalized;
        const fix = valueFix(ctx.doc.source, a.use.node, qualified, `Write "${qualified}"`);
        ctx.report({ messageId: 'onlyWhenQualified', data: { image: a.use.value, pattern: a.coveredWhenQualified.pattern, qualified }, span: a.use.node.span, ...(fix ? { fix } : {}) });
      } else {
        ctx.report({ messageId: 'notCovered', data: { image: a.use.value, registry: registryLabel(a.kind), tried }, span: a.use.node.span });
      }
    }
  },
});
