// image-fully-qualified: Valohai matches registry credentials against the image exactly as written, so a Docker Hub
// image written short (`myorg/train`) misses a credential pattern such as `docker.io/myorg/*`. It reports only where
// writing the full name can change something, weighted by how likely that is (docs/configuration.md, "Image policy"):
// official images need no credentials (a hint), a namespace may be private (info), and once Docker Hub credentials are
// configured a short name is a real risk (a warning). The safe fix writes the full name, the very same image.
import { defineRule } from '../engine/define-rule.js';
import { valueFix } from '../engine/value-fixes.js';
import { dockerHubRegistries } from '../images/analyze.js';

export const imageFullyQualified = defineRule({
  meta: {
    id: 'image-fully-qualified',
    area: 'image',
    description: 'Docker Hub images should be written by their full name, as Valohai matches credentials against the name as written.',
    defaultSeverity: 'warning',
    messageSeverities: { officialImage: 'hint', namespaceImage: 'info' },
    fixable: true,
    hasSuggestions: false,
    parity: false,
    messages: {
      officialImage: 'Image "{{image}}" is not written by its full name "{{qualified}}", which is harmless for an official Docker Hub image, as it needs no credentials.',
      namespaceImage: 'Image "{{image}}" is not written by its full name "{{qualified}}", so a credential pattern such as "{{pattern}}" would not match it, and if it is private Valohai would pull it without credentials.',
      namespaceWithHubCredentials: 'Image "{{image}}" is not written by its full name "{{qualified}}", which matters because Docker Hub credentials are configured ({{patterns}}) and patterns match the name as written: if it is private, Valohai would pull it without credentials.',
    },
  },
  check(ctx) {
    const coverageReports = ctx.config.rules['image-registry-coverage'] !== 'off' && ctx.config.registries.length > 0;
    const hub = dockerHubRegistries(ctx.config).map((r) => `"${r.pattern}"`);
    for (const a of ctx.images()) {
      const ref = a.ref;
      // Written with its registry, or declared public: the full name would change nothing Valohai does.
      if (!ref || a.form === 'qualified' || a.form === 'registry-written' || a.publicBy !== undefined) continue;
      // Qualifying a registry host without a path or a pasted digest would cement the mistake; image-registry-trap explains.
      if (a.traps.some((t) => t.code === 'registry-without-path' || t.code === 'bare-digest')) continue;
      // When credentials depend on it, image-registry-coverage reports the same fix as an error; say it once.
      if (coverageReports && a.needsCredentials && !a.coveredBy && a.coveredWhenQualified) continue;
      const qualified = ref.normalized;
      const namespace = ref.path.slice(0, ref.path.indexOf('/'));
      const messageId = a.form === 'official-short' ? 'officialImage' : hub.length > 0 ? 'namespaceWithHubCredentials' : 'namespaceImage';
      const data = { image: a.use.value, qualified, pattern: `docker.io/${namespace}/*`, patterns: hub.join(', ') };
      const fix = valueFix(ctx.doc.source, a.use.node, qualified, `Write "${qualified}"`);
      ctx.report({ messageId, data, span: a.use.node.span, ...(fix ? { fix } : {}) });
    }
  },
});
