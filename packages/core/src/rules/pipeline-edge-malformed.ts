// pipeline-edge-malformed: an edge valohai-yaml cannot even read: a shorthand list with fewer than two items (the schema
// forbids more), or a specifier without the three parts of `NODE.TYPE.KEY`. Valohai rejects the whole file.
import { defineRule } from '../engine/define-rule.js';
import { edgesOf, parseSpecifier } from '../model/pipelines.js';
import { plural } from '../util/text.js';

export const pipelineEdgeMalformed = defineRule({
  meta: {
    id: 'pipeline-edge-malformed',
    area: 'pipeline',
    description: 'A shorthand edge must be a list of exactly two specifiers, and every specifier must have the form NODE.TYPE.KEY.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      shorthand: 'A shorthand edge must be a list of exactly two specifiers, [SOURCE, TARGET], but this one has {{count}}.',
      parts: 'Edge {{side}} "{{value}}" must have the form "NODE.TYPE.KEY" (three parts separated by dots), but it has {{count}}.',
    },
  },
  check(ctx) {
    for (const p of ctx.pipelines()) {
      for (const edge of edgesOf(p)) {
        if (edge.form === 'shorthand' && edge.node.kind === 'seq' && edge.node.items.length !== 2) {
          // More than two items is a schema error (the schema allows at most two), reported by the schema rules.
          if (edge.node.items.length < 2) ctx.report({ messageId: 'shorthand', data: { count: plural(edge.node.items.length, 'item') }, span: edge.node.span });
          continue;
        }
        for (const side of ['source', 'target'] as const) {
          // A missing or non-string specifier is the schema's finding.
          const spec = parseSpecifier(ctx.doc.source, edge[side]);
          if (!spec || spec.parts.length === 3) continue;
          ctx.report({ messageId: 'parts', data: { side, value: spec.text, count: plural(spec.parts.length, 'part') }, span: spec.node.span });
        }
      }
    }
  },
});
