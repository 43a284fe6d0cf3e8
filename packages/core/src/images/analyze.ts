// Analyzes every image of a document once: its reference parts, its registry, whether it needs credentials, and which
// configured pattern covers it as written (docs/configuration.md, "Pattern semantics"). Shared by the image rules and by editor hovers.
import { imageTraps, isTemplated, parseImageReference, registryKind } from '../docker/image-ref.js';
import type { ImageRef, ImageRefError, ImageTrap, RegistryKind } from '../docker/types.js';
import type { RegistryPattern, ResolvedConfig } from '../config/types.js';
import { collectImages, type ImageUse } from '../model/images.js';
import type { ValohaiModel } from '../model/model.js';
import { firstMatch, patternMatches } from '../registry/pattern.js';

/** Registries whose images are private by nature: pulling from them always needs credentials. */
export const PRIVATE_KINDS: ReadonlySet<RegistryKind> = new Set<RegistryKind>(['ecr', 'gcr', 'artifact-registry', 'acr', 'jfrog']);

export interface ImageAnalysis {
  use: ImageUse;
  /** `${VAR}`, `{parameter:…}` and similar: not a reference yet, so not checked. */
  templated: boolean;
  ref?: ImageRef;
  error?: ImageRefError;
  /** Valid spellings that probably do not mean what their author wanted. */
  traps: ImageTrap[];
  kind?: RegistryKind;
  /** The registry pattern that covers the image as written. */
  coveredBy?: RegistryPattern;
  /** A registry pattern that would cover the fully qualified spelling but not the image as written. */
  coveredWhenQualified?: RegistryPattern;
  /** The public pattern the image (as written or qualified) matches. */
  publicBy?: string;
  needsCredentials: boolean;
  /** Why it needs credentials, for messages and hovers. */
  reason?: 'private-registry' | 'configured-registry';
}

/** Every image of a model, analyzed against a configuration (the analysis context keeps the result for its run). */
export function analyzeImages(model: ValohaiModel, config: ResolvedConfig): ImageAnalysis[] {
  return collectImages(model).map((use) => analyzeImage(use, config));
}

export function analyzeImage(use: ImageUse, config: ResolvedConfig): ImageAnalysis {
  if (isTemplated(use.value)) return { use, templated: true, traps: [], needsCredentials: false };
  const parsed = parseImageReference(use.value);
  if (!parsed.ok) return { use, templated: false, error: parsed.error, traps: [], needsCredentials: false };
  const ref = parsed.ref;
  const analysis: ImageAnalysis = { use, templated: false, ref, traps: imageTraps(use.value, ref), kind: registryKind(ref.domain), needsCredentials: false };
  const asWritten = use.value;
  const qualified = ref.normalized;
  analysis.publicBy = config.public.find((p) => patternMatches(p, asWritten) || patternMatches(p, qualified));
  const covering = firstMatch(config.registries, asWritten);
  if (covering) analysis.coveredBy = covering;
  const coveringQualified = covering ? undefined : firstMatch(config.registries, qualified);
  if (coveringQualified) analysis.coveredWhenQualified = coveringQualified;
  if (analysis.publicBy === undefined) {
    if (analysis.kind !== undefined && PRIVATE_KINDS.has(analysis.kind)) {
      analysis.needsCredentials = true;
      analysis.reason = 'private-registry';
    } else if (covering || coveringQualified) {
      analysis.needsCredentials = true;
      analysis.reason = 'configured-registry';
    }
  }
  return analysis;
}

/** A registry kind as people name it in messages. */
export function registryLabel(kind: string | undefined): string {
  switch (kind) {
    case 'ecr':
      return 'AWS ECR';
    case 'gcr':
      return 'GCP Container Registry';
    case 'artifact-registry':
      return 'GCP Artifact Registry';
    case 'acr':
      return 'Azure Container Registry';
    case 'jfrog':
      return 'JFrog';
    default:
      return 'configured';
  }
}
