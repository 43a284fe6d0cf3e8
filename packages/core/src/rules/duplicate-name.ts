// duplicate-name: two top-level items of the same kind with the same name. valohai-yaml keeps only the later one (and
// warns), so the earlier step, pipeline, task, endpoint or deployment silently disappears.
import { defineRule } from '../engine/define-rule.js';
import { ITEM_KINDS, type Item, type ItemKind } from '../model/model.js';
import { replacedStepUses } from '../model/pipelines.js';

export const duplicateName = defineRule({
  meta: {
    id: 'duplicate-name',
    area: 'structure',
    description: 'Two steps, pipelines, tasks, endpoints or deployments must not share a name; the later one replaces the earlier one.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    scope: 'document',
    messages: {
      duplicate: 'The {{kind}} name "{{name}}" is already used by an earlier {{kind}}, which this definition replaces; rename one of them.',
    },
  },
  check(ctx) {
    // Most files define every name once: nothing to look at.
    if (!ITEM_KINDS.some((kind) => ctx.model.redefined(kind))) return;
    // A step whose replacement breaks a node is reported once, at that node, by pipeline-unknown-step.
    const broken = new Set(replacedStepUses(ctx.model, ctx.pipelines(), ctx.doc.source).map((r) => r.step.name?.value));
    // `pipeline` and `blueprint` land in the same table, but valohai-yaml compares names per item key, and so do we.
    const seen = new Map<string, Item>();
    for (const item of ctx.model.items) {
      if (!item.kind || !item.name) continue;
      if (item.kind === 'step' && broken.has(item.name.value)) continue;
      const key = `${item.kind}\u0000${item.name.value}`;
      const earlier = seen.get(key);
      seen.set(key, item);
      if (!earlier?.name) continue;
      const kind: ItemKind = item.kind;
      ctx.report({
        messageId: 'duplicate',
        data: { kind, name: item.name.value },
        span: item.name.span,
        related: [{ span: earlier.name.span, message: `The earlier ${kind} "${item.name.value}", replaced by this one` }],
      });
    }
  },
});
