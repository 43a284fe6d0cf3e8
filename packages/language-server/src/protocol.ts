// The server's public protocol surface: names a client (the VS Code extension, an editor config) may rely on.
import type { PipelineGraph } from '@valohai-lint/core';
import type { Scene, SceneLayout } from '@valohai-lint/graph';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'valohai-lint';

/** The settings section pulled with workspace/configuration (`valohaiLint.enable`, `valohaiLint.rules`, …). */
export const SETTINGS_SECTION = 'valohaiLint';

/** Server command opening a rule's documentation page; its one argument is the page's URL. */
export const SHOW_DOCUMENTATION_COMMAND = 'valohai-lint.showDocumentation';

/** Server command applying every safe fix to a document; its one argument is the document's URI. */
export const FIX_ALL_COMMAND = 'valohai-lint.applyFixAll';

/** Code action kind of "apply every safe fix" (`source.fixAll` plus the tool's name, as ESLint does). */
export const FIX_ALL_KIND = 'source.fixAll.valohai-lint';

/** What the server puts in a diagnostic's `data`, so code actions can be computed without server-side state. */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the diagnostic was computed for. */
  version: number;
  /** True when the finding carries a safe fix. */
  fixable: boolean;
  /** How many suggestions the finding carries. */
  suggestions: number;
}

/** Type guard for {@link DiagnosticData} coming back from a client (which may have mangled it). */
export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['ruleId'] === 'string';
}

/**
 * Request for the pipeline graphs of an open document (`valohai-lint/pipelineGraph`), for editors that draw them: the
 * core's graph view of each pipeline (nodes, edges, parameters, source ranges, findings) and, unless `render` is
 * false, what to draw (the scene), where (the dagre layout) and the SVG itself. Answers null for a document the server
 * does not have open. Servers that answer it say so with `capabilities.experimental.pipelineGraphProvider: true`.
 */
export const PIPELINE_GRAPH_REQUEST = 'valohai-lint/pipelineGraph';

export interface PipelineGraphParams {
  textDocument: { uri: string };
  /** False for the graph view alone (cheap: no layout, no SVG), e.g. to place code lenses. Default true. */
  render?: boolean;
  /** Left to right (default) or top to bottom, which suits a narrow panel beside the editor. */
  direction?: 'LR' | 'TB';
}

export interface PipelineGraphItem {
  graph: PipelineGraph;
  scene?: Scene;
  layout?: SceneLayout;
  /** A self-contained SVG of this pipeline: styles embedded, no scripts, nothing to fetch. */
  svg?: string;
}

export interface PipelineGraphResult {
  uri: string;
  /** The document version the graphs describe. */
  version: number;
  pipelines: PipelineGraphItem[];
}
