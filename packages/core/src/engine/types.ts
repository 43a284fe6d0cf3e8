// What a rule is and what it sees: its metadata and the per-run context (document, model, configuration, and the
// shared analyses computed at most once per run).
import type { ReportDescriptor, FindingMeta } from '../diagnostic/types.js';
import type { ValohaiDocument } from '../document/document.js';
import type { ImageAnalysis } from '../images/analyze.js';
import type { ValohaiModel } from '../model/model.js';
import type { PipelineView } from '../model/pipelines.js';
import type { SchemaFinding } from '../schema/validate.js';
import type { ResolvedConfig } from '../config/types.js';
import type { AnalysisContext } from './context.js';

/** A rule's metadata: the same declaration every finding kind has. */
export type RuleMeta<M extends string = string> = FindingMeta<M>;

/**
 * What a rule sees during one lint run. The shared analyses are computed on first use and then reused by every rule of
 * the run; a new run (new text or new configuration) gets a new context, so nothing can go stale.
 */
export interface RuleContext<M extends string = string> extends AnalysisContext {
  report(descriptor: ReportDescriptor<M>): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(context: RuleContext<M>): void;
}

export type { AnalysisContext, ImageAnalysis, PipelineView, ResolvedConfig, SchemaFinding, ValohaiDocument, ValohaiModel };
