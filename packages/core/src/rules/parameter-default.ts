// parameter-default: a parameter default that does not fit the parameter's type, range or choices, decided exactly as
// valohai-yaml decides it (only truthy defaults, every element of a list, Python's int()/float() and == semantics).
// Facts: valohai-yaml's objs/parameter.py (its lint checks); docs/rules/parameter-default.md quotes the messages.
import { defineRule } from '../engine/define-rule.js';
import { present, textFix } from '../engine/value-fixes.js';
import type { SourceFile } from '../source/source-file.js';
import { child, itemsOf, type YNode } from '../document/nodes.js';
import { Timestamp } from '../document/scalars.js';
import {
  effectiveEntries,
  effectiveItems,
  hasExplicitType,
  isMultiple,
  isPyFloat,
  numberAt,
  parameterType,
  pyEquals,
  pyFloatAccepts,
  pyIntAccepts,
  pyNumber,
  pyTruthy,
  quotedShown,
  shownValue,
} from '../model/steps.js';
import { wordList } from '../util/text.js';
import type { Fix } from '../diagnostic/types.js';

/** What kind of value a node holds, in words ("an integer", "a date"), telling Python ints and floats apart. */
function kindOf(node: YNode): string {
  const v = node.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number') return isPyFloat(node) ? 'a decimal number' : 'an integer';
  if (typeof v === 'string') return 'a string';
  if (v instanceof Timestamp) return v.dateOnly ? 'a date' : 'a date-time';
  return Array.isArray(v) ? 'a list' : 'a mapping';
}

/** The type a non-string default suggests, for "add type: …". */
function suggestedType(node: YNode): string | undefined {
  const v = node.value;
  if (typeof v === 'boolean') return 'flag';
  if (typeof v === 'number') return isPyFloat(node) ? 'float' : 'integer';
  return undefined;
}

/** "Quote it" for a plain one-line scalar: keeps the text the user wrote, as a string. */
function quoteSuggestion(source: SourceFile, node: YNode): Fix[] {
  if (node.kind !== 'scalar' || node.style !== 'plain' || /[\r\n]/.test(node.text) || node.text === '') return [];
  return present(textFix(source, node, JSON.stringify(node.text), `Quote "${node.text}"`));
}

export const parameterDefault = defineRule({
  meta: {
    id: 'parameter-default',
    area: 'step',
    description: 'A parameter default must match the parameter type and lie within its min, max and choices.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: true,
    messages: {
      notString: 'Default {{value}} is {{kind}}, but the parameter\'s type is "string"; quote the value or change the type.',
      notStringImplicit: 'Default {{value}} is {{kind}}, but a parameter without "type" is a string parameter; {{remedy}}.',
      notInteger: 'Default {{value}} is not an integer, but the parameter\'s type is "integer".',
      notWholeNumber: 'Default {{value}} is not a whole number, but the parameter\'s type is "integer"; write {{integer}}, or change the type to "float".',
      notFloat: 'Default {{value}} is not a number, but the parameter\'s type is "float".',
      empty: 'An empty default value is not a valid "{{type}}"; give a number or remove the empty value.',
      belowMin: 'Default {{value}} is below the parameter\'s minimum {{min}}; use a value of at least {{min}}.',
      aboveMax: 'Default {{value}} is above the parameter\'s maximum {{max}}; use a value of at most {{max}}.',
      notInChoices: 'Default {{value}} is not one of the parameter\'s choices; expected {{choices}}.',
      choiceTypeMismatch: 'Default {{value}} is {{kind}}, but the choice {{choice}} is {{choiceKind}}, so they do not match; quote both or neither.',
      flagNotBoolean: 'Default {{value}} is not valid for a flag parameter; use true or false.',
    },
  },
  check(ctx) {
    for (const step of effectiveItems(ctx.model, 'step')) {
      for (const { node: param } of effectiveEntries(step.body, 'parameters')) {
        const type = parameterType(param);
        if (type === undefined) continue; // unknown type: reported by the schema rules
        const multiple = isMultiple(param);
        if (type === 'flag' && multiple) continue; // valohai-yaml crashes here; parameter-flag-multiple reports it
        const def = child(param, 'default');
        if (!def) continue;
        // valohai-yaml wraps a scalar default of a `multiple` parameter into a list, then checks only truthy defaults.
        const listed = def.kind === 'seq' ? def.items : def.value === null ? [] : [def];
        if (multiple ? listed.length === 0 : !pyTruthy(def.value)) continue;
        const elements = def.kind === 'seq' ? def.items : [def];

        const min = numberAt(param, 'min');
        const max = numberAt(param, 'max');
        const choiceNodes = type === 'flag' ? undefined : itemsOf(child(param, 'choices'));
        for (const el of elements) {
          const value = quotedShown(el);
          if (type === 'string' && typeof el.value !== 'string') {
            const suggestions = quoteSuggestion(ctx.doc.source, el);
            if (hasExplicitType(param)) ctx.report({ messageId: 'notString', data: { value, kind: kindOf(el) }, span: el.span, suggestions });
            else {
              const t = suggestedType(el);
              const remedy = t ? `quote the value, or add "type: ${t}"` : 'quote the value';
              ctx.report({ messageId: 'notStringImplicit', data: { value, kind: kindOf(el), remedy }, span: el.span, suggestions });
            }
            continue;
          }
          if (type === 'integer' && !pyIntAccepts(el)) {
            if (el.value === '') ctx.report({ messageId: 'empty', data: { type }, span: el.span });
            else if (typeof el.value === 'number' && Number.isFinite(el.value)) {
              // The nearest whole number (halves away from zero, as people round).
              const integer = String(Math.sign(el.value) * Math.round(Math.abs(el.value)));
              ctx.report({ messageId: 'notWholeNumber', data: { value, integer }, span: el.span, suggestions: present(textFix(ctx.doc.source, el, integer, `Write ${integer}`)) });
            } else ctx.report({ messageId: 'notInteger', data: { value }, span: el.span });
          } else if (type === 'float' && !pyFloatAccepts(el)) {
            if (el.value === '') ctx.report({ messageId: 'empty', data: { type }, span: el.span });
            else ctx.report({ messageId: 'notFloat', data: { value }, span: el.span });
          }
          // Range and choices compare the value as written (not converted), as valohai-yaml does; a string never
          // compares with a number there (Python raises TypeError, which valohai-yaml ignores).
          const n = pyNumber(el.value);
          if (n !== undefined && min && n < min.value) ctx.report({ messageId: 'belowMin', data: { value, min: shownValue(min.node) }, span: el.span });
          if (n !== undefined && max && n > max.value) ctx.report({ messageId: 'aboveMax', data: { value, max: shownValue(max.node) }, span: el.span });
          if (type === 'flag') {
            if (!pyEquals(el.value, true) && !pyEquals(el.value, false)) ctx.report({ messageId: 'flagNotBoolean', data: { value }, span: el.span });
          } else if (choiceNodes && choiceNodes.length > 0 && !choiceNodes.some((c) => pyEquals(el.value, c.value))) {
            const lookalike = choiceNodes.find((c) => shownValue(c) === shownValue(el));
            if (lookalike) {
              ctx.report({ messageId: 'choiceTypeMismatch', data: { value, kind: kindOf(el), choice: quotedShown(lookalike), choiceKind: kindOf(lookalike) }, span: el.span });
            } else ctx.report({ messageId: 'notInChoices', data: { value, choices: wordList(choiceNodes.map(quotedShown), 'or', 8) }, span: el.span });
          }
        }
      }
    }
  },
});
