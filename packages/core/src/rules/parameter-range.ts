// parameter-range: range problems valohai-yaml lets through: `min` greater than `max`, a zero default outside min/max
// or choices (valohai-yaml only checks truthy defaults), and a numeric string default ("1e3") outside min/max (valohai-yaml
// compares the unconverted string with a number, which Python refuses, so it skips it). Facts: valohai-yaml's objs/parameter.py.
import { defineRule } from '../engine/define-rule.js';
import { child, itemsOf, type YNode } from '../document/nodes.js';
import { effectiveEntries, effectiveItems, isMultiple, numberAt, parameterType, pyEquals, pyNumericString, pyTruthy, quotedShown, shownValue } from '../model/steps.js';
import { wordList } from '../util/text.js';

export const parameterRange = defineRule({
  meta: {
    id: 'parameter-range',
    area: 'step',
    description: 'A parameter\'s min must not exceed its max, and defaults valohai-yaml does not compare (zero, numeric strings) must lie within the range.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: false,
    messages: {
      minAboveMax: 'The minimum {{min}} is greater than the maximum {{max}}, so no value is allowed; swap them or correct one.',
      belowMin: 'Default {{value}} is below the parameter\'s minimum {{min}}; use a value of at least {{min}}.',
      aboveMax: 'Default {{value}} is above the parameter\'s maximum {{max}}; use a value of at most {{max}}.',
      notInChoices: 'Default {{value}} is not one of the parameter\'s choices; expected {{choices}}.',
      textBelowMin: 'Default {{value}} means {{number}}, which is below the parameter\'s minimum {{min}}; use a value of at least {{min}}.',
      textAboveMax: 'Default {{value}} means {{number}}, which is above the parameter\'s maximum {{max}}; use a value of at most {{max}}.',
    },
  },
  check(ctx) {
    for (const step of effectiveItems(ctx.model, 'step')) {
      for (const { node: param } of effectiveEntries(step.body, 'parameters')) {
        const min = numberAt(param, 'min');
        const max = numberAt(param, 'max');
        if (min && max && min.value > max.value) {
          ctx.report({ messageId: 'minAboveMax', data: { min: shownValue(min.node), max: shownValue(max.node) }, span: min.node.span, related: [{ span: max.node.span, message: 'The maximum' }] });
          continue; // every default is then out of range; one finding says it
        }
        const type = parameterType(param);
        if (type !== 'integer' && type !== 'float') continue;
        const def = child(param, 'default');
        if (!def) continue;
        const multiple = isMultiple(param);
        const range = (el: YNode, n: number, asText: boolean): void => {
          const value = quotedShown(el);
          const number = Number.isFinite(n) ? String(n) : n > 0 ? 'infinity' : 'minus infinity';
          if (min && n < min.value) ctx.report({ messageId: asText ? 'textBelowMin' : 'belowMin', data: { value, number, min: shownValue(min.node) }, span: el.span });
          if (max && n > max.value) ctx.report({ messageId: asText ? 'textAboveMax' : 'aboveMax', data: { value, number, max: shownValue(max.node) }, span: el.span });
        };
        const checkedUpstream = multiple ? def.kind === 'seq' ? def.items.length > 0 : def.value !== null : pyTruthy(def.value);
        if (!checkedUpstream) {
          // valohai-yaml skips falsy defaults; of those only a zero is a real number worth comparing.
          if (def.value !== 0) continue;
          range(def, 0, false);
          const choices = itemsOf(child(param, 'choices'));
          if (choices.length > 0 && !choices.some((c) => pyEquals(0, c.value))) {
            ctx.report({ messageId: 'notInChoices', data: { value: quotedShown(def), choices: wordList(choices.map(quotedShown), 'or', 8) }, span: def.span });
          }
          continue;
        }
        // Truthy defaults: parameter-default compares numbers; numeric strings are left to us.
        for (const el of def.kind === 'seq' ? def.items : [def]) {
          if (typeof el.value !== 'string') continue;
          const n = pyNumericString(el.value, type);
          if (n !== undefined && !Number.isNaN(n)) range(el, n, true);
        }
      }
    }
  },
});
