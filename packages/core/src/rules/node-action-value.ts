// node-action-value: a pipeline node action whose `when` or `then` value Valohai does not know, so the action may never
// fire or may do nothing. The known values are valohai-yaml's plus the documented ones it predates (`require-approval`,
// a documented divergence in parity/divergences.ts).
import { child, itemsOf, type YNode } from '../document/nodes.js';
import { defineRule } from '../engine/define-rule.js';
import type { Fix } from '../diagnostic/types.js';
import { replaceScalar } from '../document/scalar-text.js';
import { DOCUMENTED_THEN_VALUES } from '../parity/divergences.js';
import { alternativesText, closestMatches } from '../util/did-you-mean.js';

const WHENS = ['node-starting', 'node-complete', 'node-error'];
const THENS = ['noop', 'stop-pipeline', 'error-pipeline', ...DOCUMENTED_THEN_VALUES];

/** The string elements of a string-or-list value (other types are the schema's finding). */
function elements(node: YNode | undefined): (YNode & { value: string })[] {
  const all = node?.kind === 'seq' ? node.items : node ? [node] : [];
  return all.filter((n): n is YNode & { value: string } => typeof n.value === 'string');
}

export const nodeActionValue = defineRule({
  meta: {
    id: 'node-action-value',
    area: 'pipeline',
    description: 'Node action "when" and "then" values should be ones Valohai knows.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      when: 'Action "when" value "{{value}}" is not one Valohai knows, so the action might never be triggered.{{alternatives}}',
      then: 'Action "then" value "{{value}}" is not one Valohai knows, so the action might do nothing.{{alternatives}}',
    },
  },
  check(ctx) {
    const source = ctx.doc.source;
    const suggest = (el: YNode & { value: string }, known: string[]): Fix[] =>
      closestMatches(el.value.toLowerCase(), known).flatMap((candidate) => {
        const edit = replaceScalar(source, el, candidate);
        return edit ? [{ title: `Replace with "${candidate}"`, edits: [edit] }] : [];
      });
    for (const p of ctx.pipelines()) {
      for (const n of p.nodes) {
        for (const action of itemsOf(child(n.node, 'actions'))) {
          // valohai-yaml lower-cases `when` values and keeps them in a set, so a repeated value warns once.
          const seen = new Set<string>();
          for (const el of elements(child(action, 'when'))) {
            const value = el.value.toLowerCase();
            if (WHENS.includes(value) || seen.has(value)) continue;
            seen.add(value);
            ctx.report({ messageId: 'when', data: { value: el.value, alternatives: alternativesText(value, WHENS) }, span: el.span, suggestions: suggest(el, WHENS) });
          }
          for (const el of elements(child(action, 'then'))) {
            if (THENS.includes(el.value)) continue;
            ctx.report({ messageId: 'then', data: { value: el.value, alternatives: alternativesText(el.value, THENS) }, span: el.span, suggestions: suggest(el, THENS) });
          }
        }
      }
    }
  },
});
