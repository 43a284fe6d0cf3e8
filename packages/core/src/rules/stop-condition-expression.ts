// stop-condition-expression: a step's or task's `stop-condition` that valohai-yaml's expression check (leval 1.4.0's
// verifier) rejects: a syntax error, a construct it does not allow, or nesting deeper than it accepts (valohai-yaml's utils/expression_lint.py).
import { child } from '../document/nodes.js';
import { subSpan, verbatimStart } from '../document/scalar-text.js';
import { defineRule } from '../engine/define-rule.js';
import type { Fix } from '../diagnostic/types.js';
import { itemLabel } from '../model/model.js';
import { effectiveItems } from '../model/steps.js';
import { verifyExpression } from '../expression/index.js';
import { display } from '../util/text.js';

export const stopConditionExpression = defineRule({
  meta: {
    id: 'stop-condition-expression',
    area: 'step',
    description: 'A step\'s or task\'s "stop-condition" must be an expression that Valohai accepts.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      step: 'The stop condition "{{expression}}" of step "{{name}}" is not a valid expression: {{reason}}',
      task: 'The stop condition "{{expression}}" of task "{{name}}" is not a valid expression: {{reason}}',
    },
  },
  check(ctx) {
    const text = ctx.doc.source.text;
    for (const kind of ['step', 'task'] as const) {
      // valohai-yaml checks expressions in its lint pass, over the steps and tasks that survive (a later item with the
      // same name replaces an earlier one).
      for (const item of effectiveItems(ctx.model, kind)) {
        const node = child(item.body, 'stop-condition');
        if (!node || typeof node.value !== 'string') continue;
        const problem = verifyExpression(node.value);
        if (!problem) continue;
        const span = subSpan(node, text, problem.start, problem.end);
        const start = verbatimStart(node, text);
        // A suggestion is offered only when it leaves a valid expression ("x =" → "x ==" would not).
        const suggestion = problem.suggestion;
        const suggestions: Fix[] =
          suggestion && start !== undefined && !verifyExpression(applied(node.value, suggestion.edits))
            ? [{ title: suggestion.title, edits: suggestion.edits.map((e) => ({ span: { start: start + e.start, end: start + e.end }, newText: e.text })) }]
            : [];
        ctx.report({ messageId: kind, data: { expression: display(node.value.replace(/[\r\n]+/g, ' '), 50), name: itemLabel(item), reason: problem.reason }, span, suggestions });
      }
    }
  },
});

/** The expression with a suggestion's edits (offsets into the expression) applied. */
function applied(expression: string, edits: readonly { start: number; end: number; text: string }[]): string {
  let out = expression;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
