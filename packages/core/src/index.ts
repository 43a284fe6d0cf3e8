// Public API of @valohai-lint/core: a pure, synchronous valohai.yaml analyzer (no file system, no process, no editor).
export { lint, fixText, encodingResult, tooLargeResult } from './linter/lint.js';
export { IncrementalLinter } from './linter/incremental.js';
export type { IncrementalStats, KnownChange } from './linter/incremental.js';
export type { LintResult, FixResult, LintOptions, LintTimings } from './linter/lint.js';
export { getRules, getRule, getFindingKinds, getFindingKind } from './linter/catalog.js';
export type { FindingKind } from './linter/catalog.js';
export { resolveConfig, resolveRegistry, DEFAULT_MAX_FILE_SIZE } from './config/resolve.js';
export type * from './config/types.js';
export { applyFixes, applyEdits } from './engine/fixes.js';
export { formatMessage, createDiagnostic } from './diagnostic/create.js';
export { defaultSeverities, SEVERITY_ORDER, severityOf } from './diagnostic/severity.js';
export type * from './diagnostic/types.js';
export type { Rule, RuleMeta, RuleContext } from './engine/types.js';
export { createAnalysisContext } from './engine/context.js';
export type { AnalysisContext } from './engine/context.js';
export { SourceFile } from './source/source-file.js';
export { applyDelta, textDelta, type TextDelta } from './source/text-delta.js';
export { decodeSource } from './source/decode.js';
export type { DecodedSource, EncodingProblem } from './source/decode.js';
export type { Span, Position } from './source/source-file.js';
export { createDocument } from './document/document.js';
export type { ValohaiDocument } from './document/document.js';
export type { YNode, MapNode, SeqNode, ScalarNode } from './document/nodes.js';
export { nodeAtPath, child, itemsOf } from './document/nodes.js';
export { buildModel, ITEM_KINDS } from './model/model.js';
export type { ValohaiModel, Item, ItemKind } from './model/model.js';
export { EDGE_TYPES, EDGE_TYPE_DESCRIPTIONS, edgesOf, parseSpecifier, pipelineParameters, pipelineViews, resolveNodeStep, nodeLabel, specifierNodes } from './model/pipelines.js';
export type { EdgeView, PipelineNode, PipelineParameterView, PipelineView, Specifier, SpecifierPart, StepResolution } from './model/pipelines.js';
export { findComments } from './engine/comments.js';
export { DIVERGENCES, divergenceFor } from './parity/divergences.js';
export type { Divergence } from './parity/divergences.js';
export { isValohaiFileName, VALOHAI_FILE_GLOBS } from './file-names.js';
/** Where rule documentation lives, relative to the repository root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
/** Public URL of a rule's documentation page. */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/valohai-lint/valohai-lint/blob/main/docs/rules/${id}.md`;
}
export { parseConfig, mergeConfigs } from './config-file/parse-config.js';
export { addRegistries } from './config-file/add-registries.js';
export type { RegistryAddition } from './config-file/add-registries.js';
export { renderAdditions, renderStarterConfig, usedBy } from './config-file/starter.js';
export { planCredentials } from './images/credential-plan.js';
export type { CredentialPlan, ImageSite, PlanInput, PlannedPattern } from './images/credential-plan.js';
export type { ConfigFile, ConfigResult } from './config-file/parse-config.js';
export { inferRegistryType, isRegistryType, REGISTRY_TYPES, registryTypesFor } from './config/registry-types.js';
export { globMatcher, globProblem, MAX_GLOB_ALTERNATIVES } from './config/ignore-globs.js';
export type { RegistryType } from './config/registry-types.js';
export { describeDocumentImages, describeImages, documentImageAt, imageAt } from './images/describe.js';
export type { ImageDescription } from './images/describe.js';
export { parseImageReference, qualify, registryKind, isTemplated } from './docker/image-ref.js';
export type { ImageRef, ImageRefError, ImageRefResult, RegistryKind } from './docker/types.js';
export { patternMatches, literalPrefix } from './registry/pattern.js';
/** The project's JSON Schema of valohai.yaml, and the walk to the schema of a place (hovers, completion, rules). */
export { valohaiSchema } from './schema/schema-node.js';
export type { SchemaNode } from './schema/schema-node.js';
export { childOfItem, childOfKey, descriptionOf, enumValuesOf, instanceOf, isObjectSchema, propertiesOf, rootSchema, schemasAt, schemasForChain, typesOf } from './schema/walk.js';
export type { Instance, PropertyInfo } from './schema/walk.js';
export { plainSafe, quotedScalar, requoted, verbatimStart } from './document/scalar-text.js';
export { pipelineGraphs } from './graph/build.js';
export type { PipelineGraphOptions } from './graph/build.js';
export type * from './graph/types.js';
