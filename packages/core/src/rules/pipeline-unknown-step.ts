// pipeline-unknown-step: an execution or task node names a step this file does not define. Nodes with `commit` are
// skipped, because their step comes from that commit's valohai.yaml.
import { defineRule } from '../engine/define-rule.js';
import type { Fix } from '../diagnostic/types.js';
import { namesOf, nodeLabel } from '../model/pipelines.js';
import { replaceScalar } from '../document/scalar-text.js';
import { alternativesText, closestMatches } from '../util/did-you-mean.js';

export const pipelineUnknownStep = defineRule({
  meta: {
    id: 'pipeline-unknown-step',
    area: 'pipeline',
    description: 'An execution or task node must name a step defined in the file, unless it runs from another commit.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    scope: 'document',
    messages: {
      unknown: 'Node "{{node}}" of pipeline "{{pipeline}}" runs step "{{step}}", which is not defined in this file.{{alternatives}}',
      noSteps: 'Node "{{node}}" of pipeline "{{pipeline}}" runs step "{{step}}", but this file defines no steps; add a step of that name, or set the node\'s "commit" to run it from another commit.',
    },
  },
  check(ctx) {
    const steps = namesOf(ctx.model, 'step');
    for (const p of ctx.pipelines()) {
      for (const n of p.nodes) {
        if ((n.type !== 'execution' && n.type !== 'task') || !n.step || n.commit !== undefined) continue;
        const step = n.step;
        if (ctx.model.step(step.value)) continue;
        const node = nodeLabel(n);
        if (steps.length === 0) {
          ctx.report({ messageId: 'noSteps', data: { node, pipeline: p.label, step: step.value }, span: step.span });
          continue;
        }
        const suggestions: Fix[] = [];
        for (const candidate of closestMatches(step.value, steps)) {
          const edit = replaceScalar(ctx.doc.source, step.node, candidate);
          if (edit) suggestions.push({ title: `Replace with "${candidate}"`, edits: [edit] });
        }
        ctx.report({
          messageId: 'unknown',
          data: { node, pipeline: p.label, step: step.value, alternatives: alternativesText(step.value, steps) },
          span: step.span,
          suggestions,
        });
      }
    }
  },
});
