// pipeline-override-unknown: a node's `override` names an input or parameter its step does not declare. An override can
// only change what the step has; checked when the node has no `commit` and its step is defined in the file.
import { child, itemsOf, stringAt } from '../document/nodes.js';
import { defineRule } from '../engine/define-rule.js';
import type { Fix } from '../diagnostic/types.js';
import { declaredNames, nodeLabel, onlyReplacedHas, resolveNodeStep, stepDefinition } from '../model/pipelines.js';
import { replaceScalar } from '../document/scalar-text.js';
import { itemLabel } from '../model/model.js';
import { alternativesText, closestMatches } from '../util/did-you-mean.js';

const KINDS = [
  { key: 'inputs', messageId: 'input', noneId: 'noInputs' },
  { key: 'parameters', messageId: 'parameter', noneId: 'noParameters' },
] as const;

export const pipelineOverrideUnknown = defineRule({
  meta: {
    id: 'pipeline-override-unknown',
    area: 'pipeline',
    description: 'A node override may only name inputs and parameters that the node\'s step declares.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      input: 'Step "{{step}}" has no input "{{name}}", so node "{{node}}" cannot override it.{{alternatives}}',
      parameter: 'Step "{{step}}" has no parameter "{{name}}", so node "{{node}}" cannot override it.{{alternatives}}',
      noInputs: 'Step "{{step}}" declares no inputs, so node "{{node}}" cannot override an input "{{name}}"; declare it in the step first.',
      noParameters: 'Step "{{step}}" declares no parameters, so node "{{node}}" cannot override a parameter "{{name}}"; declare it in the step first.',
    },
  },
  check(ctx) {
    for (const p of ctx.pipelines()) {
      for (const n of p.nodes) {
        if (!n.override) continue;
        const resolved = resolveNodeStep(ctx.model, n);
        if (resolved.kind !== 'resolved') continue;
        const step = itemLabel(resolved.step);
        for (const kind of KINDS) {
          const declared = declaredNames(resolved.step, kind.key);
          for (const entry of itemsOf(child(n.override, kind.key))) {
            const name = stringAt(entry, 'name');
            // A name only a replaced definition of a duplicated step declares: pipeline-unknown-step names the cause.
            if (!name || declared.includes(name.value) || onlyReplacedHas(ctx.model, resolved.step, { kind: kind.messageId, name: name.value })) continue;
            const data = { step, node: nodeLabel(n), name: name.value };
            const related = [stepDefinition(resolved.step)];
            if (declared.length === 0) {
              ctx.report({ messageId: kind.noneId, data, span: name.span, related });
              continue;
            }
            const suggestions: Fix[] = [];
            for (const candidate of closestMatches(name.value, declared)) {
              const edit = replaceScalar(ctx.doc.source, name.node, candidate);
              if (edit) suggestions.push({ title: `Replace with "${candidate}"`, edits: [edit] });
            }
            ctx.report({ messageId: kind.messageId, data: { ...data, alternatives: alternativesText(name.value, declared) }, span: name.span, related, suggestions });
          }
        }
      }
    }
  },
});
