// The look of every picture: one colour per kind of box, one per finding severity, and the SVG stylesheet built from
// them. Mermaid and DOT use the same colours, so a pipeline looks alike wherever it is drawn.
import type { Severity } from '@valohai-lint/core';
import type { BoxKind } from './scene.js';

export interface BoxColors {
  fill: string;
  stroke: string;
}

export const KIND_COLORS: Record<BoxKind, BoxColors> = {
  execution: { fill: '#ddf4ff', stroke: '#0969da' },
  task: { fill: '#fbefff', stroke: '#8250df' },
  deployment: { fill: '#dafbe1', stroke: '#1a7f37' },
  unknown: { fill: '#f6f8fa', stroke: '#6e7781' },
  parameter: { fill: '#fff8c5', stroke: '#9a6700' },
  missing: { fill: '#ffffff', stroke: '#6e7781' },
};

export const SEVERITY_COLORS: Record<Severity, string> = { error: '#cf222e', warning: '#bf8700', info: '#0969da', hint: '#6e7781' };

export const TEXT_COLOR = '#1f2328';
export const MUTED_COLOR = '#59636e';
export const LINK_COLOR = '#59636e';

export const FONT_FAMILY = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

/** Class names the SVG uses (the VS Code webview styles the same classes with its theme's colours). */
export const BOX_KINDS: readonly BoxKind[] = ['execution', 'task', 'deployment', 'unknown', 'parameter', 'missing'];
export const SEVERITIES: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

/** The stylesheet of the SVG: kinds first, then severities (later rules win, so a finding's colour shows). */
export function svgStyle(): string {
  const rules = [
    `.vl-graph{font-family:${FONT_FAMILY}}`,
    `.vl-heading{font-size:14px;font-weight:600;fill:${TEXT_COLOR}}`,
    `.vl-box rect,.vl-box polygon{stroke-width:1.5}`,
    `.vl-box .vl-title{font-size:13px;font-weight:600;fill:${TEXT_COLOR}}`,
    `.vl-box .vl-detail{font-size:11px;fill:${MUTED_COLOR}}`,
    ...BOX_KINDS.map((k) => `.vl-${k} .vl-shape{fill:${KIND_COLORS[k].fill};stroke:${KIND_COLORS[k].stroke}}`),
    `.vl-missing .vl-shape{stroke-dasharray:5 3}`,
    `.vl-task .vl-inner{fill:none;stroke:${KIND_COLORS.task.stroke};stroke-width:1}`,
    `.vl-link path{fill:none;stroke:${LINK_COLOR};stroke-width:1.5}`,
    `.vl-link.vl-parameter path{stroke:${KIND_COLORS.parameter.stroke};stroke-dasharray:2 3}`,
    `.vl-link.vl-broken path{stroke-dasharray:6 4}`,
    `.vl-link-label .vl-label{font-size:11px;fill:${MUTED_COLOR}}`,
    `.vl-link-label .vl-label-bg{fill:#ffffff;fill-opacity:0.9}`,
    `.vl-arrowhead{fill:${LINK_COLOR}}`,
    `.vl-arrowhead.vl-parameter{fill:${KIND_COLORS.parameter.stroke}}`,
    ...SEVERITIES.flatMap((s) => [
      `.vl-box.vl-sev-${s} .vl-shape{stroke:${SEVERITY_COLORS[s]};stroke-width:2.5}`,
      `.vl-link.vl-sev-${s} path{stroke:${SEVERITY_COLORS[s]};stroke-width:2}`,
      `.vl-link-label.vl-sev-${s} .vl-label{fill:${SEVERITY_COLORS[s]}}`,
      `.vl-arrowhead.vl-sev-${s}{fill:${SEVERITY_COLORS[s]}}`,
    ]),
    `.vl-link.vl-broken:not([class*="vl-sev-"]) path{stroke:${SEVERITY_COLORS.error}}`,
    `.vl-link-label.vl-broken:not([class*="vl-sev-"]) .vl-label{fill:${SEVERITY_COLORS.error}}`,
  ];
  return rules.join('\n');
}
