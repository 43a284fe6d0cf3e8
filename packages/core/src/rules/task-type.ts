// task-type: a task blueprint's `type` that valohai-yaml cannot map to a task type (after lower-casing and turning `-`
// into `_`). valohai-yaml raises "'…' is not a valid TaskType" there, an uncaught crash (its objs/task.py).
import { defineRule } from '../engine/define-rule.js';
import { present, valueFix } from '../engine/value-fixes.js';
import { stringAt } from '../document/nodes.js';
import { closestMatch, alternativesText } from '../util/did-you-mean.js';
import { normalizedTaskType, TASK_TYPES } from '../model/steps.js';

export const taskType = defineRule({
  meta: {
    id: 'task-type',
    area: 'task',
    description: 'A task type must be one of grid_search, random_search, manual_search, bayesian_tpe and distributed.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      unknown: 'The task type "{{value}}" is not known.{{alternatives}}',
    },
  },
  check(ctx) {
    for (const task of ctx.model.ofKind('task')) {
      const type = stringAt(task.body, 'type');
      if (!type || normalizedTaskType(type.value) !== undefined) continue;
      const normalized = type.value.toLowerCase().replace(/-/g, '_');
      const best = closestMatch(normalized, TASK_TYPES);
      ctx.report({
        messageId: 'unknown',
        data: { value: type.value, alternatives: alternativesText(normalized, [...TASK_TYPES]) },
        span: type.span,
        ...(best ? { suggestions: present(valueFix(ctx.doc.source, type.node, best, `Change to "${best}"`)) } : {}),
      });
    }
  },
});
