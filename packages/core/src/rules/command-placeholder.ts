// command-placeholder: `{parameter:NAME}` or `{parameter-value:NAME}` in a step's command naming no parameter of the
// step. Valohai leaves such a placeholder in the command as literal text (valohai-yaml's commands.py), which the
// shell or the program then receives verbatim.
import { defineRule } from '../engine/define-rule.js';
import { child, itemsOf, type YNode } from '../document/nodes.js';
import type { Span } from '../source/source-file.js';
import { effectiveEntries, effectiveItems } from '../model/steps.js';
import { alternativesText, closestMatch } from '../util/did-you-mean.js';

/** valohai-yaml's interpolation pattern `{(.+?)}` (Python's `.` stops only at `\n`). */
const PLACEHOLDER = /\{([^\n]+?)\}/g;
const PREFIXES = ['parameter:', 'parameter-value:'];

/** Offsets of every occurrence of `needle` in `haystack` (overlapping ones included). */
function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * Where the text `match` found at `index` of a scalar's value is written in the source, when that can be told for sure:
 * the match must occur as often in the source text of the scalar as in its value (quotes, escapes and folding can
 * change neither then). Otherwise undefined, and the caller falls back to the whole value.
 */
function sourceOffset(source: string, node: YNode, value: string, match: string, index: number): number | undefined {
  const raw = source.slice(node.span.start, node.span.end);
  const inValue = occurrences(value, match);
  const inRaw = occurrences(raw, match);
  if (inValue.length !== inRaw.length) return undefined;
  const ordinal = inValue.indexOf(index);
  const at = inRaw[ordinal];
  return ordinal === -1 || at === undefined ? undefined : node.span.start + at;
}

export const commandPlaceholder = defineRule({
  meta: {
    id: 'command-placeholder',
    area: 'step',
    description: 'A {parameter:NAME} or {parameter-value:NAME} placeholder in a step command must name a parameter of that step.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    parity: false,
    messages: {
      unknown: 'The command refers to parameter "{{name}}", which this step does not define, so "{{placeholder}}" stays in the command as literal text.{{alternatives}}',
    },
  },
  check(ctx) {
    const source = ctx.doc.source.text;
    for (const step of effectiveItems(ctx.model, 'step')) {
      const names = effectiveEntries(step.body, 'parameters').flatMap((e) => (e.name ? [e.name.value] : []));
      const known = new Set(names);
      const command = child(step.body, 'command');
      const lines = command?.kind === 'seq' ? itemsOf(command) : command ? [command] : [];
      for (const line of lines) {
        if (line.kind !== 'scalar' || typeof line.value !== 'string') continue;
        const value = line.value;
        for (const m of value.matchAll(PLACEHOLDER)) {
          const inner = m[1] ?? '';
          const prefix = PREFIXES.find((p) => inner.startsWith(p));
          if (!prefix) continue;
          const name = inner.slice(prefix.length);
          if (known.has(name)) continue;
          const at = sourceOffset(source, line, value, m[0], m.index);
          const nameSpan: Span | undefined = at === undefined ? undefined : { start: at + 1 + prefix.length, end: at + m[0].length - 1 };
          const best = closestMatch(name, names);
          const safe = best !== undefined && /^[\w .-]+$/.test(best);
          ctx.report({
            messageId: 'unknown',
            data: { name, placeholder: m[0], alternatives: alternativesText(name, [...known]) },
            span: nameSpan && nameSpan.end > nameSpan.start ? nameSpan : nameSpan ? { start: nameSpan.start - 1 - prefix.length, end: nameSpan.end + 1 } : line.span,
            ...(best && safe && nameSpan ? { suggestions: [{ title: `Change to "${best}"`, edits: [{ span: nameSpan, newText: best }] }] } : {}),
          });
        }
      }
    }
  },
});
