// parameter-flag-multiple: a flag parameter with `multiple: repeat|separate`. valohai-yaml raises
// "Flag parameters can't be multiple" while parsing (an uncaught crash in its objs/parameter.py), in steps and in
// pipeline node overrides alike.
import { defineRule } from '../engine/define-rule.js';
import { child, type YNode } from '../document/nodes.js';

import { isMultiple, namedEntries } from '../model/steps.js';

export const parameterFlagMultiple = defineRule({
  meta: {
    id: 'parameter-flag-multiple',
    area: 'step',
    description: 'A flag parameter cannot take several values, so it must not set multiple to repeat or separate.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      flagMultiple: 'A flag parameter cannot be "multiple: {{multiple}}"; remove "multiple" or change the parameter type.',
    },
  },
  check(ctx) {
    const lists: YNode[] = [];
    // Every step is parsed (a later step of the same name replaces an earlier one only after parsing), so all count.
    for (const step of ctx.model.ofKind('step')) if (step.body) lists.push(step.body);
    for (const pipeline of ctx.pipelines()) {
      for (const node of pipeline.nodes) if (node.override) lists.push(node.override);
    }
    for (const owner of lists) {
      for (const { node: param } of namedEntries(owner, 'parameters')) {
        if (child(param, 'type')?.value !== 'flag' || !isMultiple(param)) continue;
        const multiple = child(param, 'multiple');
        if (multiple) ctx.report({ messageId: 'flagMultiple', data: { multiple: String(multiple.value) }, span: multiple.span });
      }
    }
  },
});
