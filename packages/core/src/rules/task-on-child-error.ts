// task-on-child-error: a task's `on-child-error` that valohai-yaml cannot map (after lower-casing and turning `_` into
// `-`). valohai-yaml raises "'…' is not a valid TaskOnChildError" there, an uncaught crash (its objs/task.py).
import { defineRule } from '../engine/define-rule.js';
import { present, valueFix } from '../engine/value-fixes.js';
import { stringAt } from '../document/nodes.js';
import { closestMatch, alternativesText } from '../util/did-you-mean.js';

const ON_CHILD_ERROR = ['continue-and-complete', 'continue-and-error', 'stop-all-and-error'] as const;

export const taskOnChildError = defineRule({
  meta: {
    id: 'task-on-child-error',
    area: 'task',
    description: 'A task\'s on-child-error must be continue-and-complete, continue-and-error or stop-all-and-error.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      unknown: 'The on-child-error value "{{value}}" is not known.{{alternatives}}',
    },
  },
  check(ctx) {
    for (const task of ctx.model.ofKind('task')) {
      const value = stringAt(task.body, 'on-child-error');
      if (!value || value.value === '') continue; // empty means "not set" to valohai-yaml
      const normalized = value.value.toLowerCase().replace(/_/g, '-');
      if ((ON_CHILD_ERROR as readonly string[]).includes(normalized)) continue;
      const best = closestMatch(normalized, ON_CHILD_ERROR);
      ctx.report({
        messageId: 'unknown',
        data: { value: value.value, alternatives: alternativesText(normalized, [...ON_CHILD_ERROR]) },
        span: value.span,
        ...(best ? { suggestions: present(valueFix(ctx.doc.source, value.node, best, `Change to "${best}"`)) } : {}),
      });
    }
  },
});
