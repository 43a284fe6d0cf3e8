// The per-run analysis context (as ESLint's context.sourceCode or typescript-eslint's parserServices): one parsed
// document, its model and configuration, and the expensive shared analyses (schema validation, image analysis,
// pipeline views), each computed at most once per context. A context belongs to one text and one configuration,
// so a cached result can never outlive what it was computed from.
import type { ResolvedConfig } from '../config/types.js';
import type { ValohaiDocument } from '../document/document.js';
import { analyzeImages, type ImageAnalysis } from '../images/analyze.js';
import { buildModel, itemModel, type Item, type ValohaiModel } from '../model/model.js';
import { pipelineViews, type PipelineView } from '../model/pipelines.js';
import { schemaFindings, type SchemaFinding } from '../schema/validate.js';

export interface AnalysisContext {
  readonly doc: ValohaiDocument;
  readonly model: ValohaiModel;
  readonly config: ResolvedConfig;
  /** Every schema finding of the document. */
  schema(): readonly SchemaFinding[];
  /** Every image of the document, analyzed against this context's registries and public patterns. */
  images(): readonly ImageAnalysis[];
  /** Every pipeline (and blueprint) as a view of nodes, in file order. */
  pipelines(): readonly PipelineView[];
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** A context for one document under one configuration; pass `model` when the caller already built it. */
export function createAnalysisContext(doc: ValohaiDocument, config: ResolvedConfig, model: ValohaiModel = buildModel(doc.root)): AnalysisContext {
  return {
    doc,
    model,
    config,
    schema: once(() => schemaFindings(doc)),
    images: once(() => analyzeImages(model, config)),
    pipelines: once(() => pipelineViews(model)),
  };
}

/**
 * The same document seen through one top-level item: the model lists only that item (lookups by name still answer for
 * the whole document), and the shared analyses cover only that item. Rules that read one item at a time (the default
 * scope) give, run on each item's context, exactly the findings they give on the whole document's.
 */
export function itemAnalysisContext(full: AnalysisContext, item: Item): AnalysisContext {
  const model = itemModel(full.model, item);
  return {
    doc: full.doc,
    model,
    config: full.config,
    schema: once(() => schemaFindings(full.doc, item.index)),
    images: once(() => analyzeImages(model, full.config)),
    pipelines: once(() => pipelineViews(model)),
  };
}
