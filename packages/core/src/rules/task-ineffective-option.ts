// task-ineffective-option: task keys valohai-yaml accepts but that only matter for another task type: `parameter-sets`
// outside manual search, and `engine` / `optimization-target-metric` / `optimization-target-value` outside Bayesian TPE.
import { defineRule } from '../engine/define-rule.js';
import { child, keyOrValueSpan, stringAt } from '../document/nodes.js';
import { effectiveItems, normalizedTaskType } from '../model/steps.js';

const BAYESIAN_ONLY = ['engine', 'optimization-target-metric', 'optimization-target-value'];

export const taskIneffectiveOption = defineRule({
  meta: {
    id: 'task-ineffective-option',
    area: 'task',
    description: 'Task options that only apply to another task type (parameter-sets, engine, optimization targets) should be removed.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      parameterSets: '"parameter-sets" are only used by manual search tasks, but {{typeText}}; set "type: manual_search" or remove them.',
      bayesianOnly: '"{{key}}" only has an effect in Bayesian TPE tasks, but {{typeText}}; set "type: bayesian_tpe" or remove it.',
    },
  },
  check(ctx) {
    for (const task of effectiveItems(ctx.model, 'task')) {
      const written = stringAt(task.body, 'type');
      const type = normalizedTaskType(written?.value);
      if (type === undefined) continue; // unknown type: task-type reports it
      const typeText = written && written.value !== '' ? `this task's type is "${written.value}"` : 'this task has no "type", so it is a "grid_search" task';
      if (type !== 'manual_search') {
        const sets = child(task.body, 'parameter-sets');
        const used = sets?.kind === 'seq' && sets.items.some((s) => s.kind === 'map' && s.entries.size > 0);
        if (sets && used) ctx.report({ messageId: 'parameterSets', data: { typeText }, span: keyOrValueSpan(sets) });
      }
      if (type !== 'bayesian_tpe') {
        for (const key of BAYESIAN_ONLY) {
          const c = child(task.body, key);
          if (c && c.value !== null && c.value !== undefined) ctx.report({ messageId: 'bayesianOnly', data: { key, typeText }, span: keyOrValueSpan(c) });
        }
      }
    }
  },
});
