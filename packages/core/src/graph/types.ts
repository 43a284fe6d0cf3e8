// The pipeline graph view: plain, JSON-ready data describing each pipeline as nodes, edges and parameters, with the
// source range of every element and the lint findings on it. Renderers (Mermaid, DOT, SVG) and editors read only this.
import type { LineColumn, Severity } from '../diagnostic/types.js';
import type { Span } from '../source/source-file.js';

/** Where an element is written: offsets for code, 1-based line and column (UTF-16, end exclusive) for people. */
export interface SourceRange {
  span: Span;
  start: LineColumn;
  end: LineColumn;
}

/** A lint finding shown on a graph element. */
export interface GraphFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  at: SourceRange;
}

/** What a node runs; `unknown` when its `type` is missing or not one of Valohai's three. */
export type GraphNodeKind = 'execution' | 'task' | 'deployment' | 'unknown';

/** How a node's step was found: in this file, in another commit (`commit`), named but not defined here, or not named. */
export type StepStatus = 'defined' | 'other-commit' | 'undefined' | 'none';

export interface GraphNode {
  /** Unique within the pipeline and stable for the same text (`n` + the node's position). */
  id: string;
  /** The node's name, or `#N` (its position) when it has none. */
  name: string;
  kind: GraphNodeKind;
  /** The `type` as written, when it is not one of the three kinds. */
  typeText?: string;
  /** The step the node runs: its own `step`, or for a task node the task's step. */
  step?: string;
  stepStatus: StepStatus;
  task?: string;
  deployment?: string;
  endpoints?: string[];
  /** The Docker image the node runs: its override's, else its step's. */
  image?: string;
  imageFrom?: 'step' | 'override';
  commit?: string;
  /** `edge-merge-mode` as written (Valohai's default is `replace`). */
  edgeMergeMode?: string;
  /** True when another node of the pipeline has the same name (edges then reach the last of them, as in Valohai). */
  duplicate: boolean;
  at: SourceRange;
  nameAt?: SourceRange;
  findings: GraphFinding[];
}

/** One end of an edge, or a pipeline parameter's target: `NODE.TYPE.KEY`, split at the first two dots. */
export interface GraphSocket {
  /** The specifier as written. */
  text: string;
  nodeName: string;
  /** The id of the node it names; absent when no node of the pipeline has that name (a dangling end). */
  node?: string;
  type?: string;
  key?: string;
  /** True when the key has a wildcard (`*.csv`, `model*`). */
  wildcard: boolean;
  at: SourceRange;
}

/**
 * What makes an edge broken: fewer than two specifiers or parts (`malformed`), a node that is not in the pipeline,
 * a type Valohai does not know, an edge from a node to itself, or an edge on a cycle.
 */
export type EdgeProblem = 'malformed' | 'unknown-source' | 'unknown-target' | 'source-type' | 'target-type' | 'self' | 'cycle';

export interface GraphEdge {
  /** Unique within the pipeline (`e` + the edge's position). */
  id: string;
  form: 'shorthand' | 'full';
  source?: GraphSocket;
  target?: GraphSocket;
  /** For an edge into an input: whether it replaces or adds to the node's own input (the target's edge-merge-mode). */
  mergeMode?: string;
  problems: EdgeProblem[];
  at: SourceRange;
  findings: GraphFinding[];
}

/** What makes a parameter target broken: fewer than three parts, an unknown node, or a type other than parameter. */
export type TargetProblem = 'malformed' | 'unknown-node' | 'not-parameter';

export interface GraphParameterTarget {
  socket: GraphSocket;
  problems: TargetProblem[];
}

export interface GraphParameter {
  /** Unique within the pipeline (`p` + the parameter's position). */
  id: string;
  /** The parameter's name, or `#N` when it has none. */
  name: string;
  /** The default as shown to people (truncated), when there is one. */
  default?: string;
  targets: GraphParameterTarget[];
  at: SourceRange;
  nameAt?: SourceRange;
  findings: GraphFinding[];
}

export interface PipelineGraph {
  /** The pipeline's name, or `pipeline #N` when it has none. */
  name: string;
  /** `blueprint` is the legacy spelling of `pipeline`. */
  kind: 'pipeline' | 'blueprint';
  /** The whole `- pipeline:` item. */
  at: SourceRange;
  /** The `pipeline:` key, where an editor shows a lens. */
  keyAt: SourceRange;
  nodes: GraphNode[];
  edges: GraphEdge[];
  parameters: GraphParameter[];
  /** Findings inside the pipeline but on none of its nodes, edges or parameters (a missing `edges` list, say). */
  findings: GraphFinding[];
}
