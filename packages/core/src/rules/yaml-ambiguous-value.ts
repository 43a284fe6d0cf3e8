// yaml-ambiguous-value: plain values that Valohai's YAML 1.1 loader reads as something else (`yes` → true, `1:30` → 90,
// `017` → 15), where that matters. The place's expected type (from the schema, or a parameter's `type`) decides: a
// boolean where a boolean belongs is what the author meant, and a remedy is offered only if the file stays valid with it.
import type { Fix } from '../diagnostic/types.js';
import type { Yaml11Finding } from '../document/findings.js';
import type { YNode } from '../document/nodes.js';
import { DURATION_KEYS } from '../duration/duration.js';
import { defineRule } from '../engine/define-rule.js';
import { parameterType } from '../model/steps.js';
import { enumValuesOf, instanceOf, schemasAt, valueTypesOf } from '../schema/walk.js';

/** The JSON types a parameter default (or one element of a list default) must have, by the parameter's type. */
const DEFAULT_TYPES = { string: ['string'], integer: ['number'], float: ['number'], flag: ['boolean'] } as const;

interface Place {
  /** The JSON types that fit; empty when any value goes. */
  types: readonly string[];
  /** The allowed values, when the place has a fixed set. */
  allowed: readonly unknown[];
  /** A duration (`time-limit`): a string there must carry units, so a quoted "1:30" is not valid either. */
  duration: boolean;
}

/** The parameter mapping whose `default` (or an element of it) this node is, if any. */
function parameterOfDefault(node: YNode): YNode | undefined {
  const def = node.parent?.kind === 'seq' && node.parent.key === 'default' ? node.parent : node;
  if (def.key !== 'default') return undefined;
  const param = def.parent;
  const list = param?.parent;
  // Step parameters and override parameters; a pipeline parameter's default may be anything.
  const owner = list?.kind === 'seq' && list.key === 'parameters' ? list.parent?.key : undefined;
  return owner === 'step' || owner === 'override' ? param : undefined;
}

function placeOf(node: YNode): Place {
  const param = parameterOfDefault(node);
  if (param) {
    const type = parameterType(param);
    return { types: type ? DEFAULT_TYPES[type] : [], allowed: [], duration: false };
  }
  const schemas = schemasAt(node);
  const inst = instanceOf(node);
  const types = valueTypesOf(schemas, inst);
  const allowed = types.includes('boolean') && types.length === 1 ? [] : enumValuesOf(schemas, inst);
  return { types, allowed, duration: typeof node.key === 'string' && (DURATION_KEYS as readonly string[]).includes(node.key) };
}

/** Whether the place accepts the text as a string (what quoting makes of it). */
function acceptsText(place: Place, text: string): boolean {
  if (place.duration) return false;
  if (place.types.length === 0) return true;
  return place.types.includes('string') && (place.allowed.length === 0 || place.allowed.includes(text));
}

/** Whether the place accepts the value YAML 1.1 loads (a boolean or a number). */
function acceptsLoaded(place: Place, value: unknown): boolean {
  if (place.types.length === 0) return true;
  const type = typeof value === 'number' ? (Number.isInteger(value) ? ['integer', 'number'] : ['number']) : [typeof value];
  return type.some((t) => place.types.includes(t)) && (place.allowed.length === 0 || place.allowed.includes(value));
}

export const yamlAmbiguousValue = defineRule({
  meta: {
    id: 'yaml-ambiguous-value',
    area: 'yaml',
    description: 'Plain values such as yes/no/on/off, 1:30 and 017 mean something surprising under YAML 1.1, which Valohai uses.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: false,
    scope: 'document',
    messages: {
      boolean: '"{{text}}" is read as the boolean {{value}} by Valohai (YAML 1.1); {{remedy}}.',
      booleanKey: 'The key "{{text}}" is read as the boolean {{value}} by Valohai (YAML 1.1); quote it if you mean the text.',
      sexagesimal: '"{{text}}" is read as the number {{value}} by Valohai (YAML 1.1 base-60); {{remedy}}.',
      octal: '"{{text}}" is read as the octal number {{value}} by Valohai (YAML 1.1); {{remedy}}.',
      sexagesimalDuration: '"{{text}}" is read as {{value}} seconds by Valohai (YAML 1.1 base-60); write {{value}} to say so plainly (quoting it would make a duration Valohai cannot read).',
    },
  },
  check(ctx) {
    if (ctx.doc.hasSyntaxErrors) return;
    for (const f of ctx.doc.parse.yaml11) {
      const quote: Fix = { title: `Quote "${f.text}"`, edits: [{ span: f.span, newText: `"${f.text}"` }] };
      const value = String(f.value);
      const write: Fix = { title: `Write ${value}`, edits: [{ span: f.span, newText: value }] };
      if (f.isKey || !f.node) {
        if (f.kind === 'boolean') ctx.report({ messageId: 'booleanKey', data: { text: f.text, value }, span: f.span, suggestions: [quote] });
        continue;
      }
      const place = placeOf(f.node);
      if (place.duration && f.kind === 'sexagesimal') {
        ctx.report({ messageId: 'sexagesimalDuration', data: { text: f.text, value }, span: f.span, suggestions: [write] });
        continue;
      }
      report(ctx, f, place, { quote, write });
    }
  },
});

/** Reports a value finding with the remedies that keep the file valid; says nothing where no finding is needed. */
function report(ctx: Parameters<typeof yamlAmbiguousValue.check>[0], f: Yaml11Finding, place: Place, fixes: { quote: Fix; write: Fix }): void {
  const text = acceptsText(place, f.text);
  const loaded = acceptsLoaded(place, f.value);
  // Only the loaded value fits (`optional: yes`): YAML 1.1 reads exactly what the author meant.
  if (!text && loaded && f.kind === 'boolean') return;
  // Only the text fits: the loaded value is wrong here, and the schema rules (or parameter-default, for truthy
  // defaults) already report it with a "quote it" remedy; a falsy default is checked by no one else.
  if (!loaded && (!text || !isFalsyDefault(f))) return;
  const value = String(f.value);
  let remedy = `write ${value} to say so plainly`;
  if (text) remedy = loaded ? `quote it if you mean the text, or write ${value}` : 'quote it to keep the text';
  // Booleans: writing true/false is the usual intent; numbers: keeping the text is.
  const ordered = f.kind === 'boolean' ? [loaded && fixes.write, text && fixes.quote] : [text && fixes.quote, loaded && fixes.write];
  const suggestions = ordered.filter((fix): fix is Fix => fix !== false);
  ctx.report({ messageId: f.kind, data: { text: f.text, value, remedy }, span: f.span, suggestions });
}

/** A parameter default that loads as false or 0, which valohai-yaml (and parameter-default) never check. */
function isFalsyDefault(f: Yaml11Finding): boolean {
  return f.node !== undefined && parameterOfDefault(f.node) !== undefined && (f.value === false || f.value === 0);
}
