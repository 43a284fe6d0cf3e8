// Everything known about each image of a document, for editor hovers: its parts, normalized name, registry and the
// credential pattern that covers it, or why none does.
import { createDocument } from '../document/document.js';
import { resolveConfig } from '../config/resolve.js';
import type { LintConfig, ResolvedRegistry } from '../config/types.js';
import { REGISTRY_LABELS } from '../docker/registry.js';
import { buildModel, type ValohaiModel } from '../model/model.js';
import type { Span } from '../source/source-file.js';
import { analyzeImages } from './analyze.js';

export interface ImageDescription {
  /** Where the image value is written. */
  span: Span;
  value: string;
  owner: string;
  templated: boolean;
  /** The reference error, when the value is not a valid reference. */
  error?: string;
  domain?: string;
  path?: string;
  tag?: string;
  digest?: string;
  normalized?: string;
  fullyQualified?: boolean;
  /** `docker-hub`, `ecr`, … */
  registryKind?: string;
  /** The registry as people name it: "AWS ECR", "Docker Hub", … */
  registry?: string;
  needsCredentials: boolean;
  coveredBy?: ResolvedRegistry;
  coveredWhenQualified?: ResolvedRegistry;
  publicBy?: string;
  /** For an image that needs credentials, the pattern that would cover it. */
  suggestedPattern?: string;
  /** One sentence on credentials: which pattern covers the image, or why none does. */
  credentials: string;
}

export function describeImages(text: string, config?: LintConfig): ImageDescription[] {
  const doc = createDocument(text);
  return describeDocumentImages(buildModel(doc.root), config);
}

/**
 * The same, for a document already parsed (an editor holds one per version). The images are analyzed afresh against
 * `config`, so a description never shows the verdict of an earlier configuration.
 */
export function describeDocumentImages(model: ValohaiModel, config?: LintConfig): ImageDescription[] {
  const resolved = resolveConfig(config);
  return analyzeImages(model, resolved).map((a) => {
    const d: ImageDescription = { span: a.use.node.span, value: a.use.value, owner: a.use.owner, templated: a.templated, needsCredentials: a.needsCredentials, credentials: '' };
    if (a.error) d.error = a.error.message;
    if (a.ref) {
      Object.assign(d, { domain: a.ref.domain, path: a.ref.path, normalized: a.ref.normalized, fullyQualified: a.ref.fullyQualified });
      if (a.ref.tag !== undefined) d.tag = a.ref.tag;
      if (a.ref.digest !== undefined) d.digest = a.ref.digest;
    }
    if (a.kind) {
      d.registryKind = a.kind;
      d.registry = REGISTRY_LABELS[a.kind];
    }
    if (a.coveredBy) d.coveredBy = a.coveredBy;
    if (a.coveredWhenQualified) d.coveredWhenQualified = a.coveredWhenQualified;
    if (a.publicBy !== undefined) d.publicBy = a.publicBy;
    if (a.suggestedPattern !== undefined) d.suggestedPattern = a.suggestedPattern;
    d.credentials = credentialsSentence(a.templated, d, resolved.registries);
    return d;
  });
}

/** The image whose value contains the offset, if any. */
export function imageAt(text: string, offset: number, config?: LintConfig): ImageDescription | undefined {
  return describeImages(text, config).find((d) => d.span.start <= offset && offset <= d.span.end);
}

/** The same, for a document already parsed. */
export function documentImageAt(model: ValohaiModel, offset: number, config?: LintConfig): ImageDescription | undefined {
  return describeDocumentImages(model, config).find((d) => d.span.start <= offset && offset <= d.span.end);
}

function credentialsSentence(templated: boolean, d: ImageDescription, registries: readonly ResolvedRegistry[]): string {
  if (templated) return 'This value is a template placeholder, which Valohai does not fill in: it would pull this text literally.';
  if (d.error) return 'This value is not a valid image reference.';
  if (d.coveredBy) return `Covered by the ${d.coveredBy.type} credentials pattern "${d.coveredBy.pattern}"${d.coveredBy.typeInferred ? ' (type inferred from its host)' : ''}.`;
  if (d.publicBy !== undefined) return `Public: matches the public pattern "${d.publicBy}"; no credentials needed.`;
  if (d.coveredWhenQualified) return `Not covered as written: the pattern "${d.coveredWhenQualified.pattern}" covers only "${d.normalized}".`;
  if (d.needsCredentials) {
    return registries.length === 0
      ? `Private registry, and no registry credentials are configured: add "${d.suggestedPattern ?? ''}" under "registries" in .valohai-lint.yaml if your Valohai organization has credentials for it.`
      : `Private registry, and no configured pattern covers it (tried ${registries.map((r) => `"${r.pattern}"`).join(', ')}).`;
  }
  return 'No credentials needed (public image).';
}
