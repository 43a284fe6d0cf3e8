// deployment-defaults-target: a top-level `deployment` item without `defaults.target`. valohai-yaml warns, because
// Valohai cannot create the deployment automatically without a target (valohai-yaml's objs/deployment.py).
import { defineRule } from '../engine/define-rule.js';
import { child, keyOrValueSpan } from '../document/nodes.js';
import { effectiveItems, pyTruthy } from '../model/steps.js';

export const deploymentDefaultsTarget = defineRule({
  meta: {
    id: 'deployment-defaults-target',
    area: 'structure',
    description: 'A top-level deployment needs defaults.target, the deployment target Valohai creates it on.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      noDefaults: '{{subject}} has no "defaults" with a "target", so Valohai cannot create it automatically; add "defaults: {target: …}" naming a deployment target.',
      noTarget: '{{subject}} has no "defaults.target", so Valohai cannot create it automatically; add "target" naming a deployment target.',
      emptyTarget: '{{subject}} has an empty "defaults.target", so Valohai cannot create it automatically; name a deployment target.',
    },
  },
  check(ctx) {
    for (const item of effectiveItems(ctx.model, 'deployment')) {
      const subject = item.name ? `Deployment "${item.name.value}"` : 'This deployment';
      const defaults = child(item.body, 'defaults');
      const target = defaults?.kind === 'map' ? child(defaults, 'target') : undefined;
      if (target && pyTruthy(target.value)) continue;
      if (target) {
        const span = target.span.end > target.span.start ? target.span : keyOrValueSpan(target);
        ctx.report({ messageId: 'emptyTarget', data: { subject }, span });
      } else if (defaults) ctx.report({ messageId: 'noTarget', data: { subject }, span: keyOrValueSpan(defaults) });
      else ctx.report({ messageId: 'noDefaults', data: { subject }, span: item.name?.span ?? keyOrValueSpan(item.kindNode ?? item.node) });
    }
  },
});
