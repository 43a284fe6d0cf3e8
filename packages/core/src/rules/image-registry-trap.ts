// image-registry-trap: spellings that parse but do not mean what they seem (seen in real valohai.yaml files): Docker Hub under
// another host name (credential patterns for docker.io will not match), a registry host without a repository (it is a
// Docker Hub image), an upper-case first segment (taken as a registry host), a digest pasted without an image name.
import { defineRule } from '../engine/define-rule.js';
import { subSpan } from '../document/scalar-text.js';
import { present, valueFix } from '../engine/value-fixes.js';
import type { ImageTrapCode } from '../docker/types.js';

const MESSAGE_IDS: Record<ImageTrapCode, 'hubAlias' | 'uppercaseDomain' | 'registryWithoutPath' | 'bareDigest' | 'domainNotHost'> = {
  'hub-alias': 'hubAlias',
  'uppercase-domain': 'uppercaseDomain',
  'registry-without-path': 'registryWithoutPath',
  'bare-digest': 'bareDigest',
  'domain-not-host': 'domainNotHost',
};

export const imageRegistryTrap = defineRule({
  meta: {
    id: 'image-registry-trap',
    area: 'image',
    description: 'Image names must not use spellings that Docker reads differently from how they look.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: false,
    messages: {
      hubAlias: '{{message}}',
      uppercaseDomain: '{{message}}',
      registryWithoutPath: '{{message}}',
      bareDigest: '{{message}}',
      domainNotHost: '{{message}}',
    },
  },
  check(ctx) {
    const text = ctx.doc.source.text;
    for (const a of ctx.images()) {
      for (const trap of a.traps) {
        // A legacy Docker Hub name that is not fully qualified gets image-fully-qualified's safe fix instead.
        if (trap.code === 'hub-alias' && a.ref && !a.ref.fullyQualified) continue;
        const span = subSpan(a.use.node, text, trap.span.start, trap.span.end);
        const suggestions = trap.suggestion !== undefined ? present(valueFix(ctx.doc.source, a.use.node, trap.suggestion, `Write "${trap.suggestion}"`)) : [];
        ctx.report({ messageId: MESSAGE_IDS[trap.code], data: { message: trap.message }, span, suggestions });
      }
    }
  },
});
