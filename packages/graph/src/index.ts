// Public API of @valohai-lint/graph: pictures of the core's pipeline graph view. Pure (no file system, no process):
// scene (what to draw) → layout (dagre) → SVG, or the scene as Mermaid or DOT text, or the view as JSON.
import type { PipelineGraph } from '@valohai-lint/core';
import { layoutScene, type LayoutOptions } from './layout.js';
import { sceneOf } from './scene.js';
import type { DrawnPipeline } from './svg.js';

export { sceneOf, edgeLabel, worst, shorten } from './scene.js';
export type { Scene, SceneBox, SceneLink, BoxKind } from './scene.js';
export { layoutScene, boxSize, textWidth, METRICS } from './layout.js';
export type { SceneLayout, BoxLayout, LinkLayout, Point, LayoutOptions } from './layout.js';
export { renderSvg, pathThrough } from './svg.js';
export type { DrawnPipeline, SvgOptions } from './svg.js';
export { renderMermaid, renderMermaidMarkdown, mermaidHeading, mermaidFence, findingCount } from './mermaid.js';
export type { MermaidMarkdownOptions } from './mermaid.js';
export { renderDot } from './dot.js';
export { renderJson, readableJson, GRAPH_JSON_VERSION } from './json.js';
export type { GraphJson } from './json.js';
export { svgStyle, KIND_COLORS, SEVERITY_COLORS } from './style.js';
export { xml, dotString, mermaidText, markdownText } from './escape.js';

/** Scenes and layouts of pipeline graphs, ready for renderSvg. */
export function drawPipelines(graphs: readonly PipelineGraph[], options: LayoutOptions = {}): DrawnPipeline[] {
  return graphs.map((graph) => {
    const scene = sceneOf(graph);
    return { scene, layout: layoutScene(scene, options) };
  });
}
