// Hover on a step's name wherever it is written (its definition, a node's `step:`, a task's `step:`) and on a pipeline
// node's name (its definition or the NODE part of an edge): a summary of the step that runs there, so a pipeline can
// be read without jumping to each step.
import { child, itemsOf, pipelineViews, resolveNodeStep, type Item, type ValohaiModel, type YNode } from '@valohai-lint/core';
import type { Parsed } from './analysis.js';
import { occurrenceAt, type Occurrence } from './references.js';

/** A scalar as one line of inline code (long values cut). */
function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  const cut = line.length > 80 ? `${line.slice(0, 79)}…` : line;
  return `\`${cut.replace(/`/g, "'")}\``;
}

/** `epochs` (integer, default `10`), for the entries of a step's `parameters` or `inputs`. */
function entries(list: YNode | undefined, describe: (entry: YNode) => string[]): string | undefined {
  const out = itemsOf(list).flatMap((entry) => {
    const name = child(entry, 'name')?.value;
    if (typeof name !== 'string') return [];
    const details = describe(entry);
    return [`\`${name}\`${details.length ? ` (${details.join(', ')})` : ''}`];
  });
  return out.length > 0 ? out.join(', ') : undefined;
}

/** Markdown summary of a step: image, command, parameters and inputs. */
function stepSummary(step: Item, heading: string): string {
  const body = step.body;
  const lines = [heading, ''];
  const image = child(body, 'image');
  if (image) lines.push(`- Image: ${code(image.value)}`);
  const command = child(body, 'command');
  if (command?.kind === 'seq') lines.push(`- Command:`, ...command.items.map((c) => `  - ${code(c.value)}`));
  else if (command) lines.push(`- Command: ${code(command.value)}`);
  const parameters = entries(child(body, 'parameters'), (p) => {
    const type = child(p, 'type')?.value;
    const def = child(p, 'default');
    return [typeof type === 'string' ? type : 'string', ...(def ? [`default ${code(def.value)}`] : [])];
  });
  if (parameters) lines.push(`- Parameters: ${parameters}`);
  const inputs = entries(child(body, 'inputs'), (i) => {
    const def = child(i, 'default');
    return [...(def ? [`default ${code(def.value)}`] : []), ...(child(i, 'optional')?.value === true ? ['optional'] : [])];
  });
  if (inputs) lines.push(`- Inputs: ${inputs}`);
  return lines.join('\n');
}

/** The step a step or node occurrence stands for, with the heading to show. */
function stepOf(model: ValohaiModel, here: Occurrence): { step: Item; heading: string } | undefined {
  const target = here.target;
  if (target.kind === 'step') {
    // The definition that takes effect: the last of a repeated name, as valohai-yaml keeps it.
    const step = model.step(target.name);
    return step ? { step, heading: `**Step** \`${target.name}\`` } : undefined;
  }
  if (target.kind !== 'node') return undefined;
  const view = pipelineViews(model).find((v) => v.item.index === target.pipeline);
  const node = view?.byName.get(target.name);
  if (!node) return undefined;
  const resolved = resolveNodeStep(model, node);
  if (resolved.kind !== 'resolved') return undefined;
  const via = resolved.via === 'task' ? ` through task \`${node.task?.value ?? ''}\`` : '';
  return { step: resolved.step, heading: `**Node** \`${target.name}\` runs step \`${resolved.step.name?.value ?? ''}\`${via}` };
}

/** Hover text for a step or node name under the offset, or undefined when there is none. */
export function stepHover(parsed: Parsed, offset: number): { text: string; span: Occurrence['span'] } | undefined {
  const all = parsed.occurrences;
  const here = occurrenceAt(all, offset);
  if (!here) return undefined;
  const found = stepOf(parsed.model, here);
  return found ? { text: stepSummary(found.step, found.heading), span: here.span } : undefined;
}
