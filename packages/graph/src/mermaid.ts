// Mermaid flowcharts, which GitHub and GitLab draw from a ```mermaid block in Markdown: one per pipeline, boxes shaped
// and coloured by kind, findings in their severity's colour, broken links dotted. Interactivity (tooltips, clicks) is
// left out: GitHub renders Mermaid in strict mode, which drops it, so counts of findings go into the labels instead.
import type { GraphFinding, Severity } from '@valohai-lint/core';
import { markdownText, mermaidText } from './escape.js';
import type { BoxKind, Scene, SceneBox } from './scene.js';
import { KIND_COLORS, SEVERITIES, SEVERITY_COLORS, TEXT_COLOR } from './style.js';

/** Opening and closing brackets of each kind's shape. */
const SHAPES: Record<BoxKind, [string, string]> = {
  execution: ['["', '"]'],
  task: ['[["', '"]]'],
  deployment: ['{{"', '"}}'],
  unknown: ['["', '"]'],
  parameter: ['>"', '"]'],
  missing: ['(["', '"])'],
};

const SEVERITY_CLASS: Record<Severity, string> = { error: 'sevError', warning: 'sevWarning', info: 'sevInfo', hint: 'sevHint' };

const MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ', hint: 'ℹ' };

/** `✖ 1 error, ⚠ 2 warnings`: what a hover would tell, for a picture nobody can hover. */
export function findingCount(findings: readonly GraphFinding[]): string | undefined {
  const parts: string[] = [];
  for (const s of [...SEVERITIES].reverse()) {
    const n = findings.filter((f) => f.severity === s).length;
    if (n > 0) parts.push(`${MARK[s]} ${n} ${n === 1 || s === 'info' ? s : `${s}s`}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function boxLabel(box: SceneBox): string {
  const count = findingCount(box.findings);
  return [box.title, ...box.details, ...(count ? [count] : [])].map(mermaidText).join('<br/>');
}

/** The Mermaid source of one pipeline's flowchart (without the Markdown fence). */
export function renderMermaid(scene: Scene): string {
  const lines = ['flowchart LR'];
  for (const box of scene.boxes) {
    const [open, close] = SHAPES[box.kind];
    lines.push(`  ${box.id}${open}${boxLabel(box)}${close}`);
  }
  const linkStyles: string[] = [];
  scene.links.forEach((link, index) => {
    const arrow = link.broken || link.kind === 'parameter' ? '-.->' : '-->';
    const count = findingCount(link.findings);
    const label = [link.label, ...(count ? [count] : [])].map(mermaidText).join('<br/>');
    lines.push(`  ${link.from} ${arrow}|"${label}"| ${link.to}`);
    const color = link.severity ? SEVERITY_COLORS[link.severity] : link.broken ? SEVERITY_COLORS.error : link.kind === 'parameter' ? KIND_COLORS.parameter.stroke : undefined;
    if (color) linkStyles.push(`  linkStyle ${index} stroke:${color},stroke-width:2px`);
  });
  for (const [kind, colors] of Object.entries(KIND_COLORS)) {
    const dashed = kind === 'missing' ? ',stroke-dasharray:5 3' : '';
    lines.push(`  classDef ${kind} fill:${colors.fill},stroke:${colors.stroke},color:${TEXT_COLOR}${dashed}`);
  }
  // Severity classes come after the kinds, so that their stroke wins.
  for (const s of SEVERITIES) lines.push(`  classDef ${SEVERITY_CLASS[s]} stroke:${SEVERITY_COLORS[s]},stroke-width:3px`);
  const byClass = new Map<string, string[]>();
  const add = (cls: string, id: string): void => {
    const list = byClass.get(cls);
    if (list) list.push(id);
    else byClass.set(cls, [id]);
  };
  for (const box of scene.boxes) {
    add(box.kind, box.id);
    if (box.severity) add(SEVERITY_CLASS[box.severity], box.id);
  }
  for (const [cls, ids] of byClass) lines.push(`  class ${ids.join(',')} ${cls}`);
  lines.push(...linkStyles);
  return `${lines.join('\n')}\n`;
}

export interface MermaidMarkdownOptions {
  /** The file the pipelines come from, named in each heading. */
  file?: string;
  /** Heading level (default 3: `###`). */
  headingLevel?: number;
}

/** The Markdown heading of a pipeline's diagram. */
export function mermaidHeading(scene: Scene, options: MermaidMarkdownOptions = {}): string {
  const where = options.file === undefined ? '' : ` in ${markdownText(options.file)}`;
  return `${'#'.repeat(options.headingLevel ?? 3)} Pipeline ${markdownText(`"${scene.name}"`)}${where}`;
}

/** A Mermaid diagram as a fenced Markdown block (the source never holds a backtick, so it cannot end the fence). */
export function mermaidFence(source: string): string {
  return `\`\`\`mermaid\n${source}\`\`\`\n`;
}

/** Markdown with a heading and a ```mermaid block per pipeline: ready for a pull-request comment or a job summary. */
export function renderMermaidMarkdown(scenes: readonly Scene[], options: MermaidMarkdownOptions = {}): string {
  if (scenes.length === 0) return `${'#'.repeat(options.headingLevel ?? 3)} No pipelines${options.file === undefined ? '' : ` in ${markdownText(options.file)}`}\n\n`;
  return scenes.map((scene) => `${mermaidHeading(scene, options)}\n\n${mermaidFence(renderMermaid(scene))}\n`).join('');
}
