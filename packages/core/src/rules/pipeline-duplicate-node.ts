// pipeline-duplicate-node: two nodes of one pipeline share a name. valohai-yaml rejects it, and edges and parameter
// targets address nodes by name, so they could only ever reach the last of them.
import { defineRule } from '../engine/define-rule.js';

import type { Named } from '../model/model.js';

export const pipelineDuplicateNode = defineRule({
  meta: {
    id: 'pipeline-duplicate-node',
    area: 'pipeline',
    description: 'Node names must be unique within a pipeline.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      duplicate: 'Pipeline "{{pipeline}}" has {{count}} nodes named "{{node}}"; node names must be unique within a pipeline, so rename this one.',
    },
  },
  check(ctx) {
    for (const p of ctx.pipelines()) {
      const byName = new Map<string, Named[]>();
      for (const n of p.nodes) {
        if (!n.name) continue;
        const same = byName.get(n.name.value);
        if (same) same.push(n.name);
        else byName.set(n.name.value, [n.name]);
      }
      for (const [name, all] of byName) {
        const [first, ...repeats] = all;
        if (!first) continue;
        for (const r of repeats) {
          ctx.report({
            messageId: 'duplicate',
            data: { pipeline: p.label, count: all.length, node: name },
            span: r.span,
            related: [{ span: first.span, message: `first node named "${name}"` }],
          });
        }
      }
    }
  },
});
