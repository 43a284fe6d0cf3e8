// pipeline-unknown-step: an execution or task node names a step this file does not define, or relies on a definition
// that a later step of the same name replaces. Nodes with `commit` are skipped, because their step comes from that
// commit's valohai.yaml.
import { defineRule } from '../engine/define-rule.js';
import type { Fix } from '../diagnostic/types.js';
import { namesOf, nodeLabel, replacedStepUses, stepDefinitions } from '../model/pipelines.js';
import { wordList } from '../util/text.js';
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
    messages: {
      unknown: 'Node "{{node}}" of pipeline "{{pipeline}}" runs step "{{step}}", which is not defined in this file.{{alternatives}}',
      noSteps: 'Node "{{node}}" of pipeline "{{pipeline}}" runs step "{{step}}", but this file defines no steps; add a step of that name, or set the node\'s "commit" to run it from another commit.',
      replaced: 'Node "{{node}}" of pipeline "{{pipeline}}" uses {{uses}}, which only the earlier step "{{step}}" declares, but a later step of the same name replaces it; rename one of the two steps.',
    },
  },
  check(ctx) {
    // A duplicated step name: uses written for the replaced definition make one finding per node, here.
    for (const r of replacedStepUses(ctx.model, ctx.pipelines(), ctx.doc.source)) {
      const name = r.step.name!.value;
      const uses = wordList([...new Set(r.uses.map((u) => `${u.kind} "${u.name}"`))], 'and', 5);
      const earlier = stepDefinitions(ctx.model, name).filter((d) => d !== r.step && d.name);
      const related = [
        ...earlier.map((d) => ({ span: d.name!.span, message: `The earlier step "${name}", which declares them` })),
        { span: r.step.name!.span, message: `The later step "${name}", which replaces it` },
      ];
      ctx.report({ messageId: 'replaced', data: { node: nodeLabel(r.node), pipeline: r.view.label, uses, step: name }, span: r.node.step!.span, related });
    }
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
