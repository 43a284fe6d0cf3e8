// pipeline-unknown-task: a task node names a task blueprint this file does not define, or a blueprint whose step is not
// defined. Nodes with `commit` are skipped, because their task comes from that commit's valohai.yaml.
import { stringAt } from '../document/nodes.js';
import { defineRule } from '../engine/define-rule.js';
import type { Fix } from '../diagnostic/types.js';
import { namesOf, nodeLabel } from '../model/pipelines.js';
import { replaceScalar } from '../document/scalar-text.js';
import { alternativesText, closestMatches } from '../util/did-you-mean.js';

export const pipelineUnknownTask = defineRule({
  meta: {
    id: 'pipeline-unknown-task',
    area: 'pipeline',
    description: 'A task node must name a task blueprint defined in the file, and that blueprint\'s step must be defined too.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      unknown: 'Node "{{node}}" of pipeline "{{pipeline}}" uses task "{{task}}", which is not defined in this file.{{alternatives}}',
      noTasks: 'Node "{{node}}" of pipeline "{{pipeline}}" uses task "{{task}}", but this file defines no tasks; add a task of that name, or set the node\'s "commit" to use it from another commit.',
      stepMissing: 'Node "{{node}}" of pipeline "{{pipeline}}" uses task "{{task}}", whose step "{{step}}" is not defined in this file.{{alternatives}}',
    },
  },
  check(ctx) {
    const tasks = namesOf(ctx.model, 'task');
    const steps = namesOf(ctx.model, 'step');
    for (const p of ctx.pipelines()) {
      for (const n of p.nodes) {
        if (n.type !== 'task' || !n.task || n.commit !== undefined) continue;
        const task = n.task;
        const node = nodeLabel(n);
        const blueprint = ctx.model.task(task.value);
        if (!blueprint) {
          if (tasks.length === 0) {
            ctx.report({ messageId: 'noTasks', data: { node, pipeline: p.label, task: task.value }, span: task.span });
            continue;
          }
          const suggestions: Fix[] = [];
          for (const candidate of closestMatches(task.value, tasks)) {
            const edit = replaceScalar(ctx.doc.source, task.node, candidate);
            if (edit) suggestions.push({ title: `Replace with "${candidate}"`, edits: [edit] });
          }
          ctx.report({
            messageId: 'unknown',
            data: { node, pipeline: p.label, task: task.value, alternatives: alternativesText(task.value, tasks) },
            span: task.span,
            suggestions,
          });
          continue;
        }
        // A blueprint without a string `step` is the schema's finding.
        const step = stringAt(blueprint.body, 'step');
        if (!step || ctx.model.step(step.value)) continue;
        const suggestions: Fix[] = [];
        for (const candidate of closestMatches(step.value, steps)) {
          const edit = replaceScalar(ctx.doc.source, step.node, candidate);
          if (edit) suggestions.push({ title: `Replace "${step.value}" with "${candidate}" in task "${task.value}"`, edits: [edit] });
        }
        ctx.report({
          messageId: 'stepMissing',
          data: { node, pipeline: p.label, task: task.value, step: step.value, alternatives: alternativesText(step.value, steps) },
          span: task.span,
          related: [{ span: step.span, message: `task "${task.value}" names step "${step.value}" here` }],
          suggestions,
        });
      }
    }
  },
});
