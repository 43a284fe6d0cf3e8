// Types of the Docker image-reference parser (see image-ref.ts).
import type { Span } from '../source/source-file.js';

export type { Span } from '../source/source-file.js';

export interface ImageRefSpans {
  /** The domain as written; absent when the domain is implied (`docker.io`) or when there is none. */
  domain?: Span;
  /** The path as written: without an injected `library/` (see `ImageRef.libraryAdded`). */
  path: Span;
  /** The tag, without its `:`. */
  tag?: Span;
  /** The digest (`algorithm:hex`), without its `@`. */
  digest?: Span;
}

export interface ImageRef {
  /**
   * The registry after normalization: `docker.io` when implied or written `index.docker.io`. It is `''` in one upstream
   * quirk: a first segment with `.` or `:` that is not a valid host but is a valid path component (`foo_bar.com/app`)
   * leaves the reference without a domain.
   */
  domain: string;
  /** The repository path after normalization (`library/` injected for one-component Docker Hub names). */
  path: string;
  tag?: string;
  /** `algorithm:hex`. */
  digest?: string;
  /** `ParseNormalizedNamed(text).String()`: no default tag. */
  normalized: string;
  /** `ParseDockerRef(text).String()`: adds `:latest` when there is neither tag nor digest, drops the tag when both. */
  dockerRef: string;
  /** `FamiliarString`: what `docker images` shows (`ubuntu:22.04`, `myuser/app`). */
  familiar: string;
  /** `ParseNamed` semantics: the text is already its normalized form. */
  fullyQualified: boolean;
  /** `library/` was injected in front of the written path. */
  libraryAdded: boolean;
  spans: ImageRefSpans;
}

export type ImageRefErrorCode =
  | 'empty'
  | 'whitespace'
  | 'scheme'
  | 'templated'
  | 'hex-identifier'
  | 'uppercase'
  | 'name-too-long'
  | 'missing-name'
  | 'missing-path'
  | 'invalid-domain'
  | 'invalid-path'
  | 'invalid-character'
  | 'extra-colon'
  | 'extra-at'
  | 'empty-tag'
  | 'invalid-tag'
  | 'tag-too-long'
  | 'invalid-digest'
  | 'digest-unsupported'
  | 'digest-length'
  | 'digest-format'
  | 'invalid-format';

export interface ImageRefError {
  code: ImageRefErrorCode;
  /** The exact message of distribution/reference (`ParseNormalizedNamed`) or go-digest v1.0.0. */
  upstreamMessage: string;
  /** One sentence naming the offending part in double quotes and what would be right. */
  message: string;
  /** The offending part of the text. */
  span: Span;
  /** The whole text corrected, when an obvious correction exists and parses. */
  suggestion?: string;
}

export type ImageRefResult = { ok: true; ref: ImageRef } | { ok: false; error: ImageRefError };

/** Work counter (for tests): `steps` grows by the number of character visits (and string copies) the parser makes. */
export interface ParseStats {
  steps: number;
}

export interface ParseOptions {
  stats?: ParseStats;
}

export type RegistryKind =
  | 'docker-hub'
  | 'ecr'
  | 'gcr'
  | 'artifact-registry'
  | 'acr'
  | 'jfrog'
  | 'ghcr'
  | 'nvcr'
  | 'quay'
  | 'localhost'
  | 'other';

export type ImageTrapCode = 'hub-alias' | 'uppercase-domain' | 'registry-without-path' | 'bare-digest' | 'domain-not-host';

/** A valid reference that probably does not mean what its author wanted. */
export interface ImageTrap {
  code: ImageTrapCode;
  message: string;
  span: Span;
  /** The whole text rewritten, when there is a likely intended spelling. */
  suggestion?: string;
}
