// pipeline-edge-type: the TYPE of an edge's `NODE.TYPE.KEY` is not one Valohai knows. The plural (`outputs`,
// `parameters`) is a common slip with one meaning, so it is fixed to the singular.
import { defineRule } from '../engine/define-rule.js';
import type { Fix } from '../diagnostic/types.js';
import { dottedNodeMeant, EDGE_TYPES, edgesOf, parseSpecifier, partSuggestions, withPart } from '../model/pipelines.js';
import { replaceScalar } from '../document/scalar-text.js';
import { alternativesText, closestMatches } from '../util/did-you-mean.js';

/** The type a misspelling certainly means: a different case or a plural of a valid type. */
function certainType(type: string): string | undefined {
  const lower = type.toLowerCase();
  if (EDGE_TYPES.includes(lower)) return lower;
  if (lower === 'dependencies') return 'dependency';
  if (lower.endsWith('s') && EDGE_TYPES.includes(lower.slice(0, -1))) return lower.slice(0, -1);
  return undefined;
}

export const pipelineEdgeType = defineRule({
  meta: {
    id: 'pipeline-edge-type',
    area: 'pipeline',
    description: 'The type in an edge\'s NODE.TYPE.KEY must be output, input, parameter, metadata, file, deployment, environment-variable or dependency.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    parity: true,
    messages: {
      certain: 'Edge {{side}} type "{{type}}" is not valid; write "{{fixed}}".',
      unknown: 'Edge {{side}} type "{{type}}" is not valid.{{alternatives}}',
      dotted: 'Edge {{side}} type "{{type}}" is not valid, and node "{{dotted}}" cannot be meant because specifiers split at the first dot; rename that node without dots.',
    },
  },
  check(ctx) {
    const source = ctx.doc.source;
    for (const p of ctx.pipelines()) {
      for (const edge of edgesOf(p)) {
        for (const side of ['source', 'target'] as const) {
          const spec = parseSpecifier(source, edge[side]);
          const part = spec?.parts[1];
          // Fewer than three parts is pipeline-edge-malformed's finding.
          if (!spec || spec.parts.length !== 3 || !part || EDGE_TYPES.includes(part.text)) continue;
          const dotted = dottedNodeMeant(p, spec.text);
          if (dotted !== undefined) {
            // When the first part is no node either, pipeline-edge-node reports the dotted name.
            if (!p.byName.has(spec.parts[0]?.text ?? '')) continue;
            ctx.report({ messageId: 'dotted', data: { side, type: part.text, dotted }, span: part.span });
            continue;
          }
          const fixed = certainType(part.text);
          if (fixed !== undefined) {
            const edit = replaceScalar(source, spec.node, withPart(spec, 1, fixed));
            const fix: Fix | undefined = edit ? { title: `Replace "${part.text}" with "${fixed}"`, edits: [edit] } : undefined;
            ctx.report({ messageId: 'certain', data: { side, type: part.text, fixed }, span: part.span, ...(fix ? { fix } : {}) });
            continue;
          }
          const suggestions = partSuggestions(source, spec, 1, closestMatches(part.text, EDGE_TYPES));
          ctx.report({ messageId: 'unknown', data: { side, type: part.text, alternatives: alternativesText(part.text, EDGE_TYPES) }, span: part.span, suggestions });
        }
      }
    }
  },
});
