// item-extra-key: keys next to the kind key of a top-level item (`- step: …` plus `  name: x`). Valohai reads only the
// first kind key (by the priority step, task, endpoint, pipeline, blueprint, deployment) and silently drops the rest.
import { keyOrValueSpan } from '../document/nodes.js';
import { defineRule } from '../engine/define-rule.js';
import { ITEM_KINDS, type ItemKind } from '../model/model.js';
import { valohaiSchema, type SchemaNode } from '../schema/schema-node.js';

const DEF_OF: Record<ItemKind, string> = { step: 'step', task: 'task', endpoint: 'endpoint', pipeline: 'pipeline', blueprint: 'pipeline', deployment: 'deployment' };

function propertiesOf(kind: ItemKind): ReadonlySet<string> {
  const defs = valohaiSchema['$defs'] as Record<string, SchemaNode> | undefined;
  return new Set(Object.keys(defs?.[DEF_OF[kind]]?.properties ?? {}));
}

/** The schema's keys of each kind of item (built once). */
const PROPERTIES = Object.fromEntries(ITEM_KINDS.map((kind) => [kind, propertiesOf(kind)])) as Record<ItemKind, ReadonlySet<string>>;

export const itemExtraKey = defineRule({
  meta: {
    id: 'item-extra-key',
    area: 'structure',
    description: 'A top-level item must hold only its kind key; Valohai silently ignores anything next to it.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      secondKind: 'Valohai reads only the "{{kind}}" of this item and ignores this "{{key}}"; give it a list item of its own.',
      extraKey: 'Valohai ignores "{{key}}" next to "{{kind}}" in this item.{{hint}}',
    },
  },
  check(ctx) {
    for (const item of ctx.model.items) {
      const { node, kind } = item;
      if (!kind || node.kind !== 'map') continue;
      const known = PROPERTIES[kind];
      for (const [key, value] of node.entries) {
        if (key === kind) continue;
        const span = keyOrValueSpan(value);
        if ((ITEM_KINDS as readonly string[]).includes(key)) {
          ctx.report({ messageId: 'secondKind', data: { kind, key }, span });
          continue;
        }
        const hint = known.has(key) ? ` If it belongs to the ${kind}, indent it under "${kind}".` : '';
        ctx.report({ messageId: 'extraKey', data: { key, kind, hint }, span });
      }
    }
  },
});
