// preset-requires-environment: a step, or a pipeline node's override, sets `runtime-config-preset` without an
// `environment` of its own. A preset belongs to an environment, so Valohai requires both in the same place.
import { child, keyOrValueSpan, type YNode } from '../document/nodes.js';
import { defineRule } from '../engine/define-rule.js';
import { itemLabel } from '../model/model.js';
import { nodeLabel, resolveNodeStep } from '../model/pipelines.js';
import { effectiveItems, pyTruthy } from '../model/steps.js';

/** The `runtime-config-preset` entry of a mapping when it is set and `environment` is not (both read as valohai-yaml does). */
function presetWithoutEnvironment(body: YNode | undefined): YNode | undefined {
  const preset = child(body, 'runtime-config-preset');
  if (!preset || !pyTruthy(preset.value)) return undefined;
  return pyTruthy(child(body, 'environment')?.value) ? undefined : preset;
}

export const presetRequiresEnvironment = defineRule({
  meta: {
    id: 'preset-requires-environment',
    area: 'step',
    description: 'A step or node override that sets a runtime config preset must also set an environment in the same place.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      step: 'Step "{{step}}" sets "runtime-config-preset" but no "environment"; add the environment the preset belongs to.',
      override: 'The override of node "{{node}}" sets "runtime-config-preset" but no "environment" of its own; add "environment" to the override, because the step\'s environment does not count.',
    },
  },
  check(ctx) {
    // An earlier step with a repeated name is replaced by the later one and never used.
    for (const item of effectiveItems(ctx.model, 'step')) {
      const preset = presetWithoutEnvironment(item.body);
      if (preset) ctx.report({ messageId: 'step', data: { step: itemLabel(item) }, span: keyOrValueSpan(preset) });
    }
    for (const p of ctx.pipelines()) {
      for (const n of p.nodes) {
        // valohai-yaml checks an override only against a step it can see (no `commit`, step defined).
        if (!n.override || resolveNodeStep(ctx.model, n).kind !== 'resolved') continue;
        const preset = presetWithoutEnvironment(n.override);
        if (preset) ctx.report({ messageId: 'override', data: { node: nodeLabel(n) }, span: keyOrValueSpan(preset) });
      }
    }
  },
});
