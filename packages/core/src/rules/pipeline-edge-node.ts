// pipeline-edge-node: an edge's source or target names a node that is not in its pipeline, so Valohai rejects the
// pipeline. Specifiers are `NODE.TYPE.KEY`, split at the first two dots.
import { defineRule } from '../engine/define-rule.js';
import { dottedNodeMeant, edgesOf, parseSpecifier, partSuggestions } from '../model/pipelines.js';
import { alternativesText, closestMatches } from '../util/did-you-mean.js';

export const pipelineEdgeNode = defineRule({
  meta: {
    id: 'pipeline-edge-node',
    area: 'pipeline',
    description: 'Edge sources and targets must name nodes of the same pipeline.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      unknown: 'Edge {{side}} node "{{node}}" is not a node of pipeline "{{pipeline}}".{{alternatives}}',
      dotted: 'Edge {{side}} node "{{node}}" is not a node of pipeline "{{pipeline}}", and node "{{dotted}}" cannot be meant because specifiers split at the first dot; rename that node without dots.',
    },
  },
  check(ctx) {
    const source = ctx.doc.source;
    for (const p of ctx.pipelines()) {
      const addressable = [...p.byName.keys()].filter((name) => !name.includes('.'));
      for (const edge of edgesOf(p)) {
        for (const side of ['source', 'target'] as const) {
          const spec = parseSpecifier(source, edge[side]);
          const part = spec?.parts[0];
          // Fewer than three parts is pipeline-edge-malformed's finding.
          if (!spec || spec.parts.length !== 3 || !part || p.byName.has(part.text)) continue;
          const dotted = dottedNodeMeant(p, spec.text);
          if (dotted !== undefined) {
            ctx.report({ messageId: 'dotted', data: { side, node: part.text, pipeline: p.label, dotted }, span: part.span });
            continue;
          }
          const suggestions = partSuggestions(source, spec, 0, closestMatches(part.text, addressable));
          ctx.report({
            messageId: 'unknown',
            data: { side, node: part.text, pipeline: p.label, alternatives: alternativesText(part.text, addressable) },
            span: part.span,
            suggestions,
          });
        }
      }
    }
  },
});
