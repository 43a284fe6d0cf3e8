// item-unknown-kind: a top-level item whose mapping has none of the kind keys (step, pipeline, endpoint, task,
// blueprint, deployment). Valohai skips it with only a warning ("No parser for {…}"), so a typo like "steps:" loses a step.
import { defineRule } from '../engine/define-rule.js';
import { ITEM_KINDS } from '../model/model.js';
import { closestMatches } from '../util/did-you-mean.js';
import { quotedList } from '../util/text.js';

/** The kinds to offer; "blueprint" is a legacy alias of "pipeline" and not advertised. */
const SHOWN_KINDS = ['step', 'pipeline', 'endpoint', 'task', 'deployment'];
const STEP_KEYS = new Set(['image', 'command']);

export const itemUnknownKind = defineRule({
  meta: {
    id: 'item-unknown-kind',
    area: 'structure',
    description: 'Every top-level item must say what it defines with a key such as "step", "pipeline", "endpoint" or "task".',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      unknownKind: 'Valohai ignores this item because "{{key}}" is not a kind of item.{{hint}}',
      looksLikeStep: 'Valohai ignores this item because it has no kind key; its keys look like a step\'s, so it probably belongs under "- step:".',
      empty: 'Valohai ignores this empty item; start it with a kind such as "step:".',
    },
  },
  check(ctx) {
    for (const { node } of ctx.model.items) {
      if (node.kind !== 'map') continue; // not a mapping: schema-type reports it
      if (ITEM_KINDS.some((k) => node.entries.has(k))) continue;
      const entries = [...node.entries.entries()];
      const first = entries[0];
      if (!first) {
        ctx.report({ messageId: 'empty', span: node.span });
        continue;
      }
      const keys = entries.map(([k]) => k);
      if (keys.includes('name') && keys.some((k) => STEP_KEYS.has(k))) {
        ctx.report({ messageId: 'looksLikeStep', span: first[1].keySpan ?? node.span });
        continue;
      }
      const guess = entries.map(([key, value]) => ({ key, value, close: closestMatches(key, ITEM_KINDS, 2) })).find((g) => g.close.length > 0);
      const target = guess ?? { key: first[0], value: first[1], close: [] };
      const span = target.value.keySpan ?? node.span;
      const kind = target.close[0];
      // Every kind holds a mapping: renaming `steps:` over a list of steps would only trade this finding for a type error.
      const renames = kind !== undefined && target.value.kind === 'map';
      let hint = ` Expected ${quotedList(SHOWN_KINDS, 'or')}.`;
      if (kind !== undefined) hint = renames ? ` Did you mean "${kind}"?` : ` Each ${kind} is a top-level item of its own, written "- ${kind}:", holding a mapping.`;
      ctx.report({
        messageId: 'unknownKind',
        data: { key: target.key, hint },
        span,
        suggestions: renames ? target.close.map((c) => ({ title: `Rename to "${c}"`, edits: [{ span, newText: c }] })) : [],
      });
    }
  },
});
