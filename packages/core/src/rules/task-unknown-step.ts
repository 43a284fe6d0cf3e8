// task-unknown-step: a task blueprint whose `step` names no step in the file. valohai-yaml does not check this
// (objs/task.py looks nothing up), but Valohai cannot start such a task.
import { defineRule } from '../engine/define-rule.js';
import { stringAt } from '../document/nodes.js';
import { alternativesText, closestMatch } from '../util/did-you-mean.js';
import { namesOf } from '../model/pipelines.js';
import { replaceScalar } from '../document/scalar-text.js';

export const taskUnknownStep = defineRule({
  meta: {
    id: 'task-unknown-step',
    area: 'task',
    description: 'A task\'s step must name a step defined in the same valohai.yaml.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: false,
    messages: {
      unknown: 'The task\'s step "{{step}}" is not defined in this file.{{alternatives}}',
      noSteps: 'The task\'s step "{{step}}" is not defined, and this file defines no steps at all.',
    },
  },
  check(ctx) {
    const names = namesOf(ctx.model, 'step');
    for (const task of ctx.model.ofKind('task')) {
      const step = stringAt(task.body, 'step');
      if (!step || ctx.model.step(step.value)) continue;
      if (names.length === 0) {
        ctx.report({ messageId: 'noSteps', data: { step: step.value }, span: step.span });
        continue;
      }
      const best = closestMatch(step.value, names);
      const edit = best ? replaceScalar(ctx.doc.source, step.node, best) : undefined;
      ctx.report({
        messageId: 'unknown',
        data: { step: step.value, alternatives: alternativesText(step.value, names) },
        span: step.span,
        ...(best && edit ? { suggestions: [{ title: `Change to "${best}"`, edits: [edit] }] } : {}),
      });
    }
  },
});
