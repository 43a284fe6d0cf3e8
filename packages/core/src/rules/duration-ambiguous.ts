// duration-ambiguous: durations Valohai accepts but reads differently than they look: a unit is read by its first
// letter only (`10 ms` is ten minutes, `2 months` two minutes), text between the numbers is ignored, and a negative
// number of seconds is taken as it is. Facts: valohai-yaml's utils/duration.py.
import { subSpan, verbatimStart } from '../document/scalar-text.js';
import { child } from '../document/nodes.js';
import { defineRule } from '../engine/define-rule.js';
import { DURATION_KEYS, formatSeconds, KNOWN_UNIT_WORDS, parseDuration } from '../duration/duration.js';
import { display } from '../util/text.js';
import { isPyFloat } from '../model/steps.js';

const UNIT_NAMES: Record<string, string> = { s: 'seconds', m: 'minutes', h: 'hours', d: 'days', w: 'weeks' };

/** Text between the matches that a reader might think counts: anything but spaces, separators and the word "and". */
function significant(gap: string): { from: number; to: number } | undefined {
  const stripped = gap.replace(/\band\b/gi, (m) => ' '.repeat(m.length));
  const m = /[^\s,;+&/]/u.exec(stripped);
  if (!m) return undefined;
  let to = stripped.length;
  while (to > m.index && /[\s,;+&/]/u.test(stripped.charAt(to - 1))) to--;
  return { from: m.index, to };
}

export const durationAmbiguous = defineRule({
  meta: {
    id: 'duration-ambiguous',
    area: 'step',
    description: 'A step\'s "time-limit" and "no-output-timeout" should say what Valohai reads: units by their first letter, no ignored text, no negative seconds.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: false,
    messages: {
      unitWord: 'Duration "{{value}}" uses the unit "{{unit}}", which Valohai reads by its first letter only: "{{part}}" means {{amount}} {{meaning}}.',
      ignoredText: 'Duration "{{value}}" contains "{{ignored}}", which Valohai ignores; it reads the whole value as {{total}}.',
      negative: 'Duration {{value}} is a negative number of seconds; write a positive number of seconds or a duration such as "1h 30m".',
    },
  },
  check(ctx) {
    const text = ctx.doc.source.text;
    for (const item of ctx.model.ofKind('step')) {
      for (const key of DURATION_KEYS) {
        const node = child(item.body, key);
        if (!node || node.kind !== 'scalar' || isPyFloat(node)) continue;
        const result = parseDuration(node.value);
        if (!result?.ok || result.seconds === undefined) continue;
        if (typeof node.value === 'number') {
          if (node.value < 0) ctx.report({ messageId: 'negative', data: { value: node.text }, span: node.span });
          continue;
        }
        if (typeof node.value !== 'string') continue;
        const value = node.value;
        const shown = display(value.replace(/[\r\n]+/g, ' '));
        const span = (from: number, to: number) => subSpan(node, text, from, to);
        // Suggestions edit inside the value, so only where offsets in the value map exactly to the source.
        const exact = verbatimStart(node, text) !== undefined;
        for (const p of result.parts) {
          if (KNOWN_UNIT_WORDS.has(p.unit)) continue;
          const letter = p.unit.charAt(0);
          const partText = value.slice(p.start, p.end);
          const suggestion = { title: `Write "${p.number}${letter}" (${p.number} ${UNIT_NAMES[letter]}, as Valohai reads it)`, edits: [{ span: span(p.unitStart, p.end), newText: letter }] };
          ctx.report({
            messageId: 'unitWord',
            data: { value: shown, unit: p.unit, part: partText, amount: p.number, meaning: UNIT_NAMES[letter] ?? letter },
            span: span(p.start, p.end),
            ...(exact ? { suggestions: [suggestion] } : {}),
          });
        }
        let from = 0;
        for (const gapEnd of [...result.parts.map((p) => p.start), value.length]) {
          const gap = value.slice(from, gapEnd);
          const s = significant(gap);
          if (s) {
            const ignored = gap.slice(s.from, s.to);
            ctx.report({ messageId: 'ignoredText', data: { value: shown, ignored: display(ignored, 30), total: formatSeconds(result.seconds) }, span: span(from + s.from, from + s.to) });
            break;
          }
          const next = result.parts.find((p) => p.start === gapEnd);
          from = next ? next.end : gapEnd;
        }
      }
    }
  },
});
