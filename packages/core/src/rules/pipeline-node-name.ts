// pipeline-node-name: a deployment node whose name is empty. valohai-yaml rejects it ("Deployment has no name"), and an
// empty name cannot be addressed by edges.
import { child } from '../document/nodes.js';
import { defineRule } from '../engine/define-rule.js';

export const pipelineNodeName = defineRule({
  meta: {
    id: 'pipeline-node-name',
    area: 'pipeline',
    description: 'A deployment node must have a non-empty name.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      empty: 'This deployment node of pipeline "{{pipeline}}" has an empty name; give it a name that is unique within the pipeline.',
    },
  },
  check(ctx) {
    for (const p of ctx.pipelines()) {
      for (const n of p.nodes) {
        if (n.type !== 'deployment') continue;
        // A missing name, or one of the wrong type, is the schema's finding.
        const name = child(n.node, 'name');
        if (name && name.value === '') ctx.report({ messageId: 'empty', data: { pipeline: p.label }, span: name.span });
      }
    }
  },
});
