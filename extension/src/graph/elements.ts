// Finding graph elements by place and by id in the language server's answer: which node, edge or parameter the
// editor's cursor is in, and where in the file an element the user clicked is written.
import type { SourceRange } from '@valohai-lint/core';
import type { PipelineGraphResult } from '../../../packages/language-server/src/protocol.js';

interface Placed {
  id: string;
  at: SourceRange;
  nameAt?: SourceRange;
}

const contains = (at: SourceRange, offset: number): boolean => at.span.start <= offset && offset <= at.span.end;

/** The pipeline (its index) and the element (its id, if any) at an offset of the document. */
export function elementAt(result: PipelineGraphResult, offset: number): { pipeline: number; id?: string } | undefined {
  const pipeline = result.pipelines.findIndex((p) => contains(p.graph.at, offset));
  const graph = result.pipelines[pipeline]?.graph;
  if (!graph) return undefined;
  const elements: Placed[] = [...graph.nodes, ...graph.edges, ...graph.parameters];
  const hit = elements.find((e) => contains(e.at, offset));
  return hit ? { pipeline, id: hit.id } : { pipeline };
}

/** Where element `ref` of pipeline `pipeline` is written: its name when it has one, else all of it. */
export function elementRange(result: PipelineGraphResult, pipeline: number, ref: string): SourceRange | undefined {
  const graph = result.pipelines[pipeline]?.graph;
  if (!graph) return undefined;
  const elements: Placed[] = [...graph.nodes, ...graph.edges, ...graph.parameters];
  const hit = elements.find((e) => e.id === ref);
  return hit ? (hit.nameAt ?? hit.at) : undefined;
}
