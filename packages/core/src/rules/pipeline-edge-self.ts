// pipeline-edge-self: an edge from a node to the same node. A pipeline runs a node once, after the nodes feeding it, so a
// node cannot feed itself. valohai-yaml does not check this.
import { defineRule } from '../engine/define-rule.js';
import { edgesOf, parseSpecifier } from '../model/pipelines.js';

export const pipelineEdgeSelf = defineRule({
  meta: {
    id: 'pipeline-edge-self',
    area: 'pipeline',
    description: 'An edge should connect two different nodes, not a node to itself.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      self: 'This edge connects node "{{node}}" to itself, but a node cannot feed its own {{type}}; connect the output of another node.',
    },
  },
  check(ctx) {
    const source = ctx.doc.source;
    for (const p of ctx.pipelines()) {
      for (const edge of edgesOf(p)) {
        const from = parseSpecifier(source, edge.source);
        const to = parseSpecifier(source, edge.target);
        if (!from || !to || from.parts.length !== 3 || to.parts.length !== 3) continue;
        const node = from.parts[0]?.text;
        // With two nodes of that name the edge may well connect them; pipeline-duplicate-node reports the names.
        if (node === undefined || node !== to.parts[0]?.text || !p.byName.has(node) || p.repeated.has(node)) continue;
        ctx.report({ messageId: 'self', data: { node, type: to.parts[1]?.text ?? 'input' }, span: edge.node.span });
      }
    }
  },
});
