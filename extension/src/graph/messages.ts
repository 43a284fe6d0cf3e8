// The messages between the extension and the pipeline-graph webview, shared by both sides (the webview script is
// bundled from extension/webview with this file).

/** One pipeline as the webview shows it: a tab with its name, and the SVG the language server drew. */
export interface WebviewPipeline {
  name: string;
  svg: string;
}

/** Shows these pipelines (replacing what was shown), on the tab `selected`. */
export interface RenderMessage {
  type: 'render';
  pipelines: WebviewPipeline[];
  selected: number;
  /** Shown instead of a graph: why there is nothing to draw. */
  notice?: string;
}

/** Marks the element with data-id `id` (the one under the editor's cursor) on pipeline `pipeline`'s tab; none when absent. */
export interface HighlightMessage {
  type: 'highlight';
  pipeline: number;
  id?: string;
}

export type ToWebview = RenderMessage | HighlightMessage;

/** The webview has loaded (again) and wants the current graphs. */
export interface ReadyMessage {
  type: 'ready';
}

/** The user clicked (or pressed Enter on) an element: reveal the YAML of graph element `ref` of pipeline `pipeline`. */
export interface RevealMessage {
  type: 'reveal';
  pipeline: number;
  ref: string;
}

/** The user chose another pipeline's tab. */
export interface SelectMessage {
  type: 'select';
  pipeline: number;
}

export type FromWebview = ReadyMessage | RevealMessage | SelectMessage;
