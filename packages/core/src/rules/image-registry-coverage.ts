// image-registry-coverage: the pull failure users install valohai-lint for. An image that needs credentials (a private
// registry, or a registry the configuration lists) must be covered by a configured credential pattern exactly as
// written; otherwise Valohai pulls without credentials and the queued job fails with "unauthorized". Private registries
// are checked even before any credentials are configured (a warning then: valohai-lint cannot know what Valohai has).
import { defineRule } from '../engine/define-rule.js';
import { valueFix } from '../engine/value-fixes.js';
import { REGISTRY_LABELS } from '../docker/registry.js';

const MAX_LISTED = 5;

export const imageRegistryCoverage = defineRule({
  meta: {
    id: 'image-registry-coverage',
    area: 'image',
    description: "Images that need credentials must be covered, exactly as written, by one of the organization's registry patterns.",
    defaultSeverity: 'error',
    messageSeverities: { notConfigured: 'warning' },
    fixable: true,
    hasSuggestions: false,
    parity: false,
    messages: {
      onlyWhenQualified: 'Image "{{image}}" is not covered by the credentials pattern "{{pattern}}" as written, so Valohai will pull it without credentials; write it as "{{qualified}}".',
      notCovered: 'Image "{{image}}" is in a private registry ({{registry}}) but no configured registry pattern covers it (tried {{tried}}), so Valohai will pull it without credentials; add "{{pattern}}" under "registries" once your organization has credentials for it.',
      notConfigured: 'Image "{{image}}" is in a private registry ({{registry}}) that needs credentials, and no registries are configured; add "{{pattern}}" under "registries" in .valohai-lint.yaml if your Valohai organization has credentials for it, or under "public" if the image is public.',
    },
  },
  check(ctx) {
    const registries = ctx.config.registries;
    const tried = registries.slice(0, MAX_LISTED).map((r) => `"${r.pattern}"`).join(', ') + (registries.length > MAX_LISTED ? `, and ${registries.length - MAX_LISTED} more` : '');
    for (const a of ctx.images()) {
      if (!a.ref || !a.needsCredentials || a.coveredBy) continue;
      const base = { image: a.use.value, registry: REGISTRY_LABELS[a.kind ?? 'other'], pattern: a.suggestedPattern ?? '' };
      if (registries.length === 0) {
        ctx.report({ messageId: 'notConfigured', data: base, span: a.use.node.span });
      } else if (a.coveredWhenQualified) {
        const qualified = a.ref.normalized;
        const fix = valueFix(ctx.doc.source, a.use.node, qualified, `Write "${qualified}"`);
        ctx.report({ messageId: 'onlyWhenQualified', data: { image: a.use.value, pattern: a.coveredWhenQualified.pattern, qualified }, span: a.use.node.span, ...(fix ? { fix } : {}) });
      } else {
        ctx.report({ messageId: 'notCovered', data: { ...base, tried }, span: a.use.node.span });
      }
    }
  },
});
