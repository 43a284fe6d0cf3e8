// Graphviz DOT: one digraph per pipeline, in the same shapes and colours as the SVG, with tooltips (Graphviz keeps
// them in its SVG output). Every string is a quoted DOT string, so names cannot break out of an attribute.
import { dotString } from './escape.js';
import type { BoxKind, Scene } from './scene.js';
import { KIND_COLORS, SEVERITY_COLORS, TEXT_COLOR } from './style.js';

const SHAPES: Record<BoxKind, string> = {
  execution: 'box',
  task: 'box',
  deployment: 'hexagon',
  unknown: 'box',
  parameter: 'parallelogram',
  missing: 'box',
};

function attrs(pairs: Record<string, string | undefined>): string {
  return Object.entries(pairs)
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** The DOT source of one pipeline. */
export function renderDot(scene: Scene): string {
  // Graphviz asks fontconfig, which knows the generic family but not CSS names such as ui-monospace.
  const font = dotString('monospace');
  const lines = [
    `digraph ${dotString(scene.name)} {`,
    `  graph [rankdir=LR, label=${dotString(`Pipeline "${scene.name}"`)}, labelloc=t, fontname=${font}];`,
    `  node [fontname=${font}, fontsize=11, fontcolor=${dotString(TEXT_COLOR)}, style="filled", penwidth=1.5];`,
    `  edge [fontname=${font}, fontsize=10];`,
  ];
  for (const box of scene.boxes) {
    const colors = KIND_COLORS[box.kind];
    const style = ['filled', ...(box.kind === 'execution' || box.kind === 'task' ? ['rounded'] : []), ...(box.kind === 'missing' ? ['dashed'] : [])].join(',');
    const a = attrs({
      label: dotString([box.title, ...box.details].join('\n')),
      shape: SHAPES[box.kind],
      style: dotString(style),
      fillcolor: dotString(colors.fill),
      color: dotString(box.severity ? SEVERITY_COLORS[box.severity] : colors.stroke),
      penwidth: box.severity ? '2.5' : undefined,
      peripheries: box.kind === 'task' ? '2' : undefined,
      tooltip: dotString(box.notes.join('\n')),
    });
    lines.push(`  ${dotString(box.id)} [${a}];`);
  }
  for (const link of scene.links) {
    const color = link.severity ? SEVERITY_COLORS[link.severity] : link.broken ? SEVERITY_COLORS.error : link.kind === 'parameter' ? KIND_COLORS.parameter.stroke : undefined;
    const a = attrs({
      id: dotString(link.id),
      label: dotString(link.label),
      color: color === undefined ? undefined : dotString(color),
      fontcolor: color === undefined ? undefined : dotString(color),
      style: link.broken ? 'dashed' : link.kind === 'parameter' ? 'dotted' : undefined,
      tooltip: dotString(link.notes.join('\n')),
    });
    lines.push(`  ${dotString(link.from)} -> ${dotString(link.to)} [${a}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
