// duration-format: a step's `time-limit` / `no-output-timeout` that valohai-yaml cannot read ("300", 10H, 5x, "0s",
// 1..5h, 1.0). valohai-yaml crashes on these instead of reporting them (its utils/duration.py), so Valohai rejects the file.
import { requoted, subSpan } from '../document/scalar-text.js';
import { child } from '../document/nodes.js';
import { resolvePlain } from '../document/scalars.js';
import { defineRule } from '../engine/define-rule.js';
import { textFix } from '../engine/value-fixes.js';
import type { Fix } from '../diagnostic/types.js';
import { isPyFloat } from '../model/steps.js';
import { DURATION_KEYS, KNOWN_UNIT_WORDS, parseDuration, parseDurationString, type DurationProblem } from '../duration/duration.js';
import { display } from '../util/text.js';

/** Integers this large and beyond overflow Python's timedelta, so a fix must not write them. */
const MAX_FIX_SECONDS = 86_400 * 999_999_999;

/** ajv's (and so our schema rules') idea of an integer: `1.0` and `.inf` are integers to it, `1.5` and `.nan` are not. */
function ajvInteger(value: number): boolean {
  return !(value % 1) && !Number.isNaN(value);
}

/** Lower-cases upper-case units (`10H` → `10h`) while that is the only problem; undefined unless the result is safe. */
function lowerCasedUnits(value: string): string | undefined {
  let text = value;
  for (let round = 0; round < 1000; round++) {
    const r = parseDurationString(text);
    if (r.ok) {
      // Only units that read as what they say: `10MS` → `10ms` would mean ten minutes, which is a guess.
      return r.parts.every((p) => KNOWN_UNIT_WORDS.has(p.unit)) ? text : undefined;
    }
    if (r.problem.code !== 'upperCaseUnit') return undefined;
    const { end, unit } = r.problem;
    const letters = /^[A-Za-z]+/.exec(unit)?.[0] ?? '';
    if (letters === '') return undefined;
    const from = end - unit.length;
    text = text.slice(0, from) + letters.toLowerCase() + text.slice(from + letters.length);
  }
  return undefined;
}

export const durationFormat = defineRule({
  meta: {
    id: 'duration-format',
    area: 'step',
    description: 'A step\'s "time-limit" and "no-output-timeout" must be a whole number of seconds or a duration string such as "1h 30m" that Valohai can read.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: false,
    parity: true,
    messages: {
      quotedSeconds: 'Duration "{{value}}" is a number written as a string, without a unit, which Valohai cannot read; write seconds as a plain integer ({{seconds}}), or add a unit as in "5m" or "1h 30m".',
      colon: 'Duration "{{value}}" is written with colons, which Valohai cannot read in a string; write units instead, as in "1m 30s" or "1h 30m".',
      noUnit: 'Duration "{{value}}" has the number "{{number}}" without a unit, which Valohai cannot read; give every number a unit (s, m, h, d or w), as in "1h 30m" or "90min".',
      upperCaseUnit: 'Duration "{{value}}" uses the upper-case unit "{{unit}}", which Valohai cannot read; units are lower-case: write "{{lower}}".',
      upperCaseUnitOther: 'Duration "{{value}}" uses the upper-case unit "{{unit}}", which Valohai cannot read; units are lower-case and read by their first letter only (s, m, h, d or w), as in "1h 30m" or "90min".',
      exponent: 'Duration "{{value}}" is text, not a number, to Valohai\'s YAML 1.1 loader, and Valohai cannot read it as a duration; write whole seconds as a plain integer{{seconds}}, or a duration string such as "1h 30m".',
      unknownUnit: 'Duration "{{value}}" uses the unit "{{unit}}", which Valohai does not know; a unit starts with s, m, h, d or w (seconds, minutes, hours, days, weeks), as in "1h 30m" or "90min".',
      badNumber: 'Duration "{{value}}" contains "{{number}}", which is not a number; write a duration such as "1.5h", "1h 30m" or "90min", or seconds as an integer.',
      noDuration: 'Duration "{{value}}" contains no number with a unit; write a duration such as "1h 30m" or "90min", or seconds as an integer.',
      notPositive: 'Duration "{{value}}" does not add up to a positive length of time; write a duration such as "1h 30m" or "90min", or leave "{{key}}" out.',
      tooLong: 'Duration "{{value}}" is longer than Valohai can represent (about 2.7 million years); write a shorter duration.',
      float: 'Duration {{value}} is a decimal number, which Valohai cannot read; write whole seconds as an integer ({{seconds}}), or a duration string such as "1h 30m".',
      floatNoInteger: 'Duration {{value}} is a decimal number, which Valohai cannot read; write whole seconds as an integer, or a duration string such as "1h 30m".',
    },
  },
  check(ctx) {
    const text = ctx.doc.source.text;
    // valohai-yaml reads the durations of every step item while parsing, before later duplicates replace earlier ones.
    for (const item of ctx.model.ofKind('step')) {
      for (const key of DURATION_KEYS) {
        const node = child(item.body, key);
        if (!node || node.kind !== 'scalar') continue;
        const isFloat = isPyFloat(node);
        // A float that ajv does not count as an integer (1.5, .nan) fails the schema; schema-type reports it.
        if (typeof node.value === 'number' && isFloat && !ajvInteger(node.value)) continue;
        const result = parseDuration(node.value, isFloat);
        if (!result || result.ok) continue;
        const value = typeof node.value === 'string' ? display(node.value.replace(/[\r\n]+/g, ' ')) : node.text;
        const part = (p: { start: number; end: number }) => subSpan(node, text, p.start, p.end);
        const problem: DurationProblem = result.problem;
        /** A fix writing `newText` in place of the value (none for an alias), spread into the report. */
        const fixWith = (title: string, newText: string): { fix?: Fix } => {
          const fix = textFix(ctx.doc.source, node, newText, title);
          return fix ? { fix } : {};
        };
        switch (problem.code) {
          case 'noUnit': {
            // A quoted whole number means seconds to anyone reading it; unquoting it keeps that meaning (leading zeros are
            // dropped, since an unquoted 0300 would be octal in YAML 1.1). "0" is left alone: 0 seconds is not obviously meant.
            const seconds = /^[0-9]+$/.test(problem.number) ? Number(problem.number) : NaN;
            if (problem.wholeValueIsNumber && Number.isSafeInteger(seconds) && seconds > 0 && seconds < MAX_FIX_SECONDS) {
              const quoted = node.style === 'single' || node.style === 'double';
              ctx.report({ messageId: 'quotedSeconds', data: { value, seconds: String(seconds) }, span: node.span, ...(quoted ? fixWith(`Write ${seconds} (seconds)`, String(seconds)) : {}) });
            } else if (typeof node.value === 'string' && /^\s*[0-9]+(?::[0-9]+)+\s*$/.test(node.value)) {
              // "1:30" is a string when quoted; unquoted it would be base-60 seconds, but h:mm and m:ss look the same.
              ctx.report({ messageId: 'colon', data: { value }, span: node.span });
            } else ctx.report({ messageId: 'noUnit', data: { value, number: problem.number }, span: part(problem) });
            break;
          }
          case 'upperCaseUnit': {
            const lowered = typeof node.value === 'string' ? lowerCasedUnits(node.value) : undefined;
            const safe = lowered !== undefined && (node.style !== 'plain' || typeof resolvePlain(lowered) === 'string') && node.style !== 'literal' && node.style !== 'folded';
            const fix = safe ? fixWith(`Write "${lowered}"`, requoted(node, lowered)) : {};
            const known = KNOWN_UNIT_WORDS.has(problem.unit.toLowerCase());
            ctx.report({ messageId: known ? 'upperCaseUnit' : 'upperCaseUnitOther', data: { value, unit: problem.unit, lower: typeof node.value === 'string' ? node.value.slice(problem.start, problem.end).toLowerCase() : problem.unit.toLowerCase() }, span: part(problem), ...fix });
            break;
          }
          case 'unknownUnit':
            if (typeof node.value === 'string' && /^[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+$/.test(node.value.trim())) {
              // `1e3` is a string in YAML 1.1 (a float needs a dot and a signed exponent), so its "e" reads as a unit.
              const n = Number(node.value.trim());
              ctx.report({ messageId: 'exponent', data: { value, seconds: Number.isSafeInteger(n) ? ` (${n})` : '' }, span: node.span });
              break;
            }
            ctx.report({ messageId: 'unknownUnit', data: { value, unit: problem.unit }, span: part(problem) });
            break;
          case 'badNumber':
            ctx.report({ messageId: 'badNumber', data: { value, number: problem.number }, span: part(problem) });
            break;
          case 'notPositive':
            ctx.report({ messageId: problem.matches === 0 ? 'noDuration' : 'notPositive', data: { value, key }, span: node.span });
            break;
          case 'tooLong':
            ctx.report({ messageId: 'tooLong', data: { value }, span: node.span });
            break;
          case 'float': {
            const whole = problem.value;
            if (Number.isSafeInteger(whole) && Math.abs(whole) < MAX_FIX_SECONDS) {
              const seconds = String(whole === 0 ? 0 : whole);
              ctx.report({ messageId: 'float', data: { value, seconds }, span: node.span, ...fixWith(`Write ${seconds} (seconds)`, seconds) });
            } else ctx.report({ messageId: 'floatNoInteger', data: { value }, span: node.span });
            break;
          }
        }
      }
    }
  },
});
