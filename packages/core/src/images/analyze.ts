// Analyzes every image of a document once: its reference parts, how it is written, its registry, whether it needs
// credentials, and which configured pattern covers it as written (docs/configuration.md, "Pattern semantics"). Shared
// by the image rules, editor hovers and `valohai-lint init`.
import { KNOWN_PUBLIC } from './known-public.js';
import { findPlaceholders, imageTraps, parseImageReference, PRIVATE_KINDS, registryKind } from '../docker/image-ref.js';
import { DEFAULT_DOMAIN, OFFICIAL_PREFIX } from '../docker/normalize.js';
import type { ImageRef, ImageRefError, ImageTrap, RegistryKind } from '../docker/types.js';
import { patternRegistryKind } from '../config/registry-types.js';
import type { ResolvedConfig, ResolvedRegistry } from '../config/types.js';
import { collectImages, type ImageUse } from '../model/images.js';
import type { ValohaiModel } from '../model/model.js';
import { firstMatch, patternMatches } from '../registry/pattern.js';
import { suggestRegistryPattern } from './suggest-pattern.js';

/**
 * How an image is written, which decides whether writing its full name changes anything (docs/configuration.md, "Image
 * policy"): `qualified` is already its full name; `registry-written` names its registry as Docker does
 * (`docker.io/python:3.12`, `ghcr.io/org/x`); `official-short` is a Docker Hub official image without `docker.io/`
 * (`python:3.12`, `library/python`); `namespace-short` is a Docker Hub user or organization image without `docker.io/`
 * (`myorg/train`), or either spelled with the legacy host `index.docker.io`.
 */
export type ImageForm = 'qualified' | 'registry-written' | 'official-short' | 'namespace-short';

export interface ImageAnalysis {
  use: ImageUse;
  /** The first template placeholder in the value (`${IMAGE}`, `<<registry/image:tag>>`, …): not a reference, not checked further. */
  placeholder?: string;
  templated: boolean;
  ref?: ImageRef;
  error?: ImageRefError;
  form?: ImageForm;
  /** Valid spellings that probably do not mean what their author wanted. */
  traps: ImageTrap[];
  kind?: RegistryKind;
  /** The registry pattern that covers the image as written. */
  coveredBy?: ResolvedRegistry;
  /** A registry pattern that would cover the fully qualified spelling but not the image as written. */
  coveredWhenQualified?: ResolvedRegistry;
  /** The public pattern the image (as written or qualified) matches. */
  publicBy?: string;
  needsCredentials: boolean;
  /** Why it needs credentials, for messages and hovers. */
  reason?: 'private-registry' | 'configured-registry';
  /** For an image that needs credentials: the pattern that would cover it and its neighbours (`<host>/<prefix>/*`). */
  suggestedPattern?: string;
}

/** Every image of a model, analyzed against a configuration (the analysis context keeps the result for its run). */
export function analyzeImages(model: ValohaiModel, config: ResolvedConfig): ImageAnalysis[] {
  return collectImages(model).map((use) => analyzeImage(use, config));
}

/**
 * What an image's analysis takes from its value alone (the configuration aside): a template placeholder, a reference
 * that does not parse, or a reference with what follows from it (`knownPublic`: the built-in public pattern it matches).
 */
type ValueFacts =
  | { placeholder: string }
  | { error: ImageRefError }
  | { ref: ImageRef; form: ImageForm; traps: readonly ImageTrap[]; kind: RegistryKind | undefined; knownPublic: string | undefined };

/** The first of `patterns` that matches the image as written or in its full name. */
function publicPattern(patterns: readonly string[], asWritten: string, qualified: string): string | undefined {
  return patterns.find((p) => patternMatches(p, asWritten) || patternMatches(p, qualified));
}

/**
 * Facts by image value, kept for the process: a batch of files repeats its images (the 128 real files of the shared
 * corpus use 98 values 384 times), and code that runs cold pays for every parse. Emptied when it holds this many.
 */
const MAX_KNOWN_VALUES = 4096;
const factsByValue = new Map<string, ValueFacts>();

function factsOf(value: string): ValueFacts {
  let facts = factsByValue.get(value);
  if (facts) return facts;
  if (factsByValue.size >= MAX_KNOWN_VALUES) factsByValue.clear();
  facts = valueFacts(value);
  factsByValue.set(value, facts);
  return facts;
}

function valueFacts(value: string): ValueFacts {
  const placeholder = findPlaceholders(value)[0];
  if (placeholder) return { placeholder: value.slice(placeholder.start, placeholder.end) };
  const parsed = parseImageReference(value);
  if (!parsed.ok) return { error: parsed.error };
  const { ref } = parsed;
  return { ref, form: formOf(value, ref), traps: imageTraps(value, ref), kind: registryKind(ref.domain), knownPublic: publicPattern(KNOWN_PUBLIC, value, ref.normalized) };
}

export function analyzeImage(use: ImageUse, config: ResolvedConfig): ImageAnalysis {
  const facts = factsOf(use.value);
  if ('placeholder' in facts) return { use, templated: true, placeholder: facts.placeholder, traps: [], needsCredentials: false };
  if ('error' in facts) return { use, templated: false, error: facts.error, traps: [], needsCredentials: false };
  const { ref } = facts;
  const analysis: ImageAnalysis = { use, templated: false, ref, form: facts.form, traps: [...facts.traps], kind: facts.kind, needsCredentials: false };
  const asWritten = use.value;
  const qualified = ref.normalized;
  // Configured public patterns first: the first that matches is the one named.
  analysis.publicBy = publicPattern(config.public, asWritten, qualified) ?? facts.knownPublic;
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
  if (analysis.needsCredentials) analysis.suggestedPattern = suggestRegistryPattern(ref);
  return analysis;
}

function formOf(text: string, ref: ImageRef): ImageForm {
  if (ref.fullyQualified) return 'qualified';
  const domain = ref.spans.domain;
  // Written with the host Docker reads it as (only Docker Hub names are ever normalized): `docker.io/python:3.12`.
  if (domain && text.slice(domain.start, domain.end) === ref.domain) return 'registry-written';
  if (ref.domain !== DEFAULT_DOMAIN) return 'registry-written';
  const official = ref.path.startsWith(OFFICIAL_PREFIX) && !ref.path.includes('/', OFFICIAL_PREFIX.length);
  return official ? 'official-short' : 'namespace-short';
}

/** The configured registries that are Docker Hub credentials: by their type, or by a `docker.io/…` pattern. */
export function dockerHubRegistries(config: ResolvedConfig): ResolvedRegistry[] {
  return config.registries.filter((r) => r.type === 'docker-hub' || patternRegistryKind(r.pattern) === 'docker-hub');
}
