// parameter-ineffective-option: parameter keys that valohai-yaml accepts but ignores: `optional` on a flag (flags are
// always optional), `pass-as` next to `pass-true-as`/`pass-false-as`, and those two on a non-flag parameter.
import { defineRule } from '../engine/define-rule.js';
import { child, keyOrValueSpan, type YNode } from '../document/nodes.js';
import { effectiveEntries, effectiveItems, hasExplicitType, parameterType } from '../model/steps.js';

/** A key whose value valohai-yaml reads as truthy; strings only (other types are the schema rules' business). */
function setString(param: YNode, key: string): YNode | undefined {
  const c = child(param, key);
  return c && typeof c.value === 'string' && c.value.length > 0 ? c : undefined;
}

export const parameterIneffectiveOption = defineRule({
  meta: {
    id: 'parameter-ineffective-option',
    area: 'step',
    description: 'Parameter options that have no effect for the parameter type (optional on a flag, pass-true-as on a string, …) should be removed.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    parity: true,
    messages: {
      optionalOnFlag: '"optional" has no effect on a flag parameter, which is always optional; remove it.',
      passAsWithPassTrueFalse: '"pass-as" has no effect when "{{other}}" is set; Valohai uses "pass-true-as" and "pass-false-as" for this flag, so remove "pass-as".',
      passTrueFalseOnNonFlag: '"{{key}}" only applies to flag parameters, but {{typeText}}; remove it or set "type: flag".',
    },
  },
  check(ctx) {
    for (const step of effectiveItems(ctx.model, 'step')) {
      for (const { node: param } of effectiveEntries(step.body, 'parameters')) {
        const type = parameterType(param);
        if (type === undefined) continue; // unknown type: the schema rules report it; flag or not is a guess
        if (type === 'flag') {
          const optional = child(param, 'optional');
          if (optional && optional.value === true) ctx.report({ messageId: 'optionalOnFlag', span: keyOrValueSpan(optional) });
          const passAs = setString(param, 'pass-as');
          const other = setString(param, 'pass-true-as') ?? setString(param, 'pass-false-as');
          if (passAs && other) ctx.report({ messageId: 'passAsWithPassTrueFalse', data: { other: String(other.key) }, span: keyOrValueSpan(passAs) });
        } else {
          for (const key of ['pass-true-as', 'pass-false-as']) {
            const c = setString(param, key);
            if (c) ctx.report({ messageId: 'passTrueFalseOnNonFlag', data: { key, typeText: hasExplicitType(param) ? `this parameter's type is "${type}"` : 'this parameter has no "type", so it is a string parameter' }, span: keyOrValueSpan(c) });
          }
        }
      }
    }
  },
});
