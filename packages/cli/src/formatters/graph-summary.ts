// The pipeline graphs for the GitHub job summary (`--format github`): each pipeline of each file as a Mermaid diagram,
// which GitHub draws, with the findings of the run marked on it. Diagrams GitHub would refuse to draw are named instead.
import { pipelineGraphs } from '@valohai-lint/core';
import { mermaidFence, mermaidHeading, renderMermaid, sceneOf } from '@valohai-lint/graph';
import { checkoutPath } from './fingerprint.js';
import type { FileResult } from './types.js';

/** Mermaid's default maxTextSize: a longer diagram is not drawn, only an error is. */
export const MERMAID_MAX_TEXT = 50_000;
/** At most this many diagrams per summary; GitHub caps a step's summary at 1 MiB. */
export const MAX_DIAGRAMS = 20;

/** Markdown with a diagram per pipeline, or '' when no file has a pipeline. */
export function pipelineGraphsSummary(results: readonly FileResult[], root: string | undefined): string {
  const blocks: string[] = [];
  let left = 0;
  for (const r of results) {
    if (!r.document) continue;
    const file = checkoutPath(r, root);
    for (const graph of pipelineGraphs(r.document, { diagnostics: r.diagnostics })) {
      if (blocks.length >= MAX_DIAGRAMS) {
        left++;
        continue;
      }
      const scene = sceneOf(graph);
      const source = renderMermaid(scene);
      const heading = mermaidHeading(scene, { file, headingLevel: 4 });
      blocks.push(
        source.length > MERMAID_MAX_TEXT
          ? `${heading}\n\nToo large for GitHub to draw (${source.length.toLocaleString('en')} characters of Mermaid); draw it with \`valohai-lint graph --format svg\`.\n`
          : `${heading}\n\n${mermaidFence(source)}`,
      );
    }
  }
  if (blocks.length === 0) return '';
  const more = left > 0 ? `\n${left} more ${left === 1 ? 'pipeline is' : 'pipelines are'} not shown; run \`valohai-lint graph\` to see them.\n` : '';
  return `### Pipelines\n\n${blocks.join('\n')}${more}\n`;
}
