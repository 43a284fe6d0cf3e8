// pipeline-parameter-no-targets: a pipeline parameter without `target` or `targets` sets nothing; its value reaches
// no node. valohai-yaml warns about it.
import { defineRule } from '../engine/define-rule.js';
import { parameterLabel, pipelineParameters } from '../model/pipelines.js';

export const pipelineParameterNoTargets = defineRule({
  meta: {
    id: 'pipeline-parameter-no-targets',
    area: 'pipeline',
    description: 'A pipeline parameter should have targets, or its value reaches no node.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      noTargets: 'Pipeline parameter "{{param}}" of pipeline "{{pipeline}}" has no targets, so its value reaches no node; add "targets" such as "NODE.parameter.NAME".',
    },
  },
  check(ctx) {
    for (const p of ctx.pipelines()) {
      for (const param of pipelineParameters(p)) {
        if (param.all.length > 0) continue;
        ctx.report({ messageId: 'noTargets', data: { param: parameterLabel(param), pipeline: p.label }, span: param.name?.span ?? param.node.span });
      }
    }
  },
});
