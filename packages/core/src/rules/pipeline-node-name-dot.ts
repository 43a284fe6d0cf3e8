// pipeline-node-name-dot: a node name containing a dot can never be addressed, because edge and pipeline-parameter
// specifiers (`NODE.TYPE.KEY`) are split at the first dot. valohai-yaml does not check this.
import { defineRule } from '../engine/define-rule.js';
import { replaceScalar } from '../document/scalar-text.js';

export const pipelineNodeNameDot = defineRule({
  meta: {
    id: 'pipeline-node-name-dot',
    area: 'pipeline',
    description: 'Node names should not contain dots, which edges and parameter targets cannot address.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: false,
    messages: {
      dot: 'Node name "{{name}}" contains a dot, so no edge or pipeline parameter can refer to it (specifiers split at the first dot); use a name such as "{{better}}".',
    },
  },
  check(ctx) {
    for (const p of ctx.pipelines()) {
      for (const n of p.nodes) {
        if (!n.name || !n.name.value.includes('.')) continue;
        const better = n.name.value.replace(/\./g, '-');
        const edit = replaceScalar(ctx.doc.source, n.name.node, better);
        ctx.report({
          messageId: 'dot',
          data: { name: n.name.value, better },
          span: n.name.span,
          suggestions: edit ? [{ title: `Rename to "${better}"`, edits: [edit] }] : [],
        });
      }
    }
  },
});
