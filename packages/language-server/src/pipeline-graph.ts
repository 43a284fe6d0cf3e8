// Answers the pipeline-graph request: the graph view of each pipeline of an open document, with the findings of its
// current analysis, and (unless asked not to) its scene, layout and SVG, drawn by the same code as the CLI's.
import { pipelineGraphs } from '@valohai-lint/core';
import { drawPipelines, renderSvg } from '@valohai-lint/graph';
import type { Analysis, Parsed } from './analysis.js';
import type { ServerContext } from './context.js';
import type { PipelineGraphItem, PipelineGraphParams, PipelineGraphResult } from './protocol.js';

/** The graphs of one document as the request's answer, from its parse and model of this revision. */
function graphResult(uri: string, version: number, parsed: Parsed, analysis: Analysis | undefined, render: boolean, direction: 'LR' | 'TB'): PipelineGraphResult {
  const graphs = pipelineGraphs(parsed.doc, { model: parsed.model, diagnostics: analysis?.result?.diagnostics ?? [] });
  const pipelines: PipelineGraphItem[] = render ? drawPipelines(graphs, { direction }).map(({ scene, layout }, i) => ({ graph: graphs[i]!, scene, layout, svg: renderSvg([{ scene, layout }]) })) : graphs.map((graph) => ({ graph }));
  return { uri, version, pipelines };
}

/** The answer for the document named in `params`, or null when it is not open (or is not a valohai.yaml). */
export async function pipelineGraphRequest(ctx: ServerContext, params: PipelineGraphParams | undefined): Promise<PipelineGraphResult | null> {
  const uri = params?.textDocument?.uri;
  const analysis = await ctx.analysis(uri);
  // Linting may be off for the document; the graph is still drawn, without findings.
  const parsed = (await ctx.parsedAt(uri, { line: 0, character: 0 }))?.parsed;
  if (!parsed || typeof uri !== 'string') return null;
  const direction = params?.direction === 'TB' ? 'TB' : 'LR';
  return graphResult(uri, analysis?.version ?? ctx.documents.get(uri)?.version ?? 0, parsed, analysis, params?.render !== false, direction);
}
