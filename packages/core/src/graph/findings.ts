// Puts each lint finding on the graph element whose source contains it: a node, an edge or a parameter, else the
// pipeline itself. Elements of one kind never overlap, so a sorted list and a binary search find the element in
// O(log n) per finding.
import type { Diagnostic } from '../diagnostic/types.js';
import type { GraphFinding, PipelineGraph, SourceRange } from './types.js';

interface Holder {
  at: SourceRange;
  findings: GraphFinding[];
}

/** The last holder starting at or before `start` (holders sorted by start), if it contains [start, end]. */
function containing(holders: readonly Holder[], start: number, end: number): Holder | undefined {
  let lo = 0;
  let hi = holders.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (holders[mid]!.at.span.start <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const h = holders[found];
  return h && end <= h.at.span.end ? h : undefined;
}

const byStart = (a: Holder, b: Holder): number => a.at.span.start - b.at.span.start;

/** Adds every diagnostic that lies inside a pipeline to the innermost element containing it. */
export function attachFindings(graphs: readonly PipelineGraph[], diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0 || graphs.length === 0) return;
  const elements: Holder[] = graphs.flatMap((g) => [...g.nodes, ...g.edges, ...g.parameters]).sort(byStart);
  const pipelines: Holder[] = [...graphs].sort(byStart);
  for (const d of diagnostics) {
    const holder = containing(elements, d.span.start, d.span.end) ?? containing(pipelines, d.span.start, d.span.end);
    holder?.findings.push({ ruleId: d.ruleId, severity: d.severity, message: d.message, at: { span: d.span, start: d.start, end: d.end } });
  }
}
