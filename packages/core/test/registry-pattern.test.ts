// Registry pattern semantics (docs/configuration.md, "Pattern semantics") and their bounds on hostile input.
import { describe, expect, it } from 'vitest';
import { literalPrefix, MAX_IMAGE_LENGTH, MAX_PATTERN_LENGTH, patternMatches, shadows } from '../src/registry/pattern.js';

describe('patternMatches', () => {
  it.each([
    { what: 'GCP example: * crosses /', pattern: 'us-central1-docker.pkg.dev/my-project/*', image: 'us-central1-docker.pkg.dev/my-project/ml-images/training:v1.0', match: true },
    { what: 'Docker Hub example, as written', pattern: 'docker.io/myusername/*', image: 'docker.io/myusername/name:tag', match: true },
    { what: 'no normalization: short name not covered', pattern: 'docker.io/myusername/*', image: 'myusername/name:tag', match: false },
    { what: 'tag pattern does not cover a sub-repository', pattern: 'gcr.io/my-project/my-registry:*', image: 'gcr.io/my-project/my-registry/sub:v1', match: false },
    { what: 'tag pattern covers its tags', pattern: 'gcr.io/my-project/my-registry:*', image: 'gcr.io/my-project/my-registry:v1', match: true },
    { what: 'ECR account pattern', pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/*', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/train:2.1', match: true },
    { what: 'case-sensitive', pattern: 'docker.io/MyOrg/*', image: 'docker.io/myorg/x', match: false },
    { what: 'whole string, not a prefix', pattern: 'docker.io/myorg', image: 'docker.io/myorg/x', match: false },
    { what: '? is one character', pattern: 'docker.io/myorg/x?', image: 'docker.io/myorg/x1', match: true },
    { what: '? is exactly one character', pattern: 'docker.io/myorg/x?', image: 'docker.io/myorg/x12', match: false },
    { what: 'character class', pattern: 'docker.io/myorg/[ab]*', image: 'docker.io/myorg/bcd', match: true },
    { what: 'negated character class', pattern: 'docker.io/myorg/[!ab]*', image: 'docker.io/myorg/bcd', match: false },
    { what: 'unclosed [ is literal', pattern: 'docker.io/[abc', image: 'docker.io/[abc', match: true },
    { what: '. is literal', pattern: 'docker.io/*', image: 'dockerXio/x', match: false },
    { what: 'digest part is covered by *', pattern: 'docker.io/myorg/*', image: 'docker.io/myorg/x@sha256:abc', match: true },
    { what: 'runs of * are one *', pattern: 'docker.io/***', image: 'docker.io/a/b', match: true },
    { what: 'backslash is literal (no escapes in fnmatch)', pattern: 'a\\*', image: 'a\\bc', match: true },
  ])('$what', ({ pattern, image, match }) => {
    expect(patternMatches(pattern, image)).toBe(match);
  });

  it('refuses over-long inputs instead of matching them (the bound that keeps matching cheap)', () => {
    expect(patternMatches('*', 'a'.repeat(MAX_IMAGE_LENGTH + 1))).toBe(false);
    expect(patternMatches('*'.repeat(100_000), 'a')).toBe(false);
    expect(patternMatches(`${'a*'.repeat(MAX_PATTERN_LENGTH / 2 - 1)}b`.slice(0, MAX_PATTERN_LENGTH), 'a'.repeat(MAX_IMAGE_LENGTH))).toBe(false);
  });
});

describe('shadows', () => {
  it.each([
    { what: 'broader earlier pattern', earlier: 'docker.io/*', later: 'docker.io/myorg/*', result: true },
    { what: 'narrower earlier pattern', earlier: 'docker.io/myorg/*', later: 'docker.io/*', result: false },
    { what: 'identical', earlier: 'gcr.io/p/*', later: 'gcr.io/p/*', result: true },
    { what: '? does not cover *', earlier: 'docker.io/myorg/?', later: 'docker.io/myorg/*', result: false },
    { what: 'unrelated', earlier: 'gcr.io/a/*', later: 'gcr.io/b/*', result: false },
  ])('$what', ({ earlier, later, result }) => {
    expect(shadows(earlier, later)).toBe(result);
  });
});

it('literalPrefix stops at the first wildcard', () => {
  expect(literalPrefix('docker.io/myorg/*')).toBe('docker.io/myorg/');
  expect(literalPrefix('gcr.io/p/x?')).toBe('gcr.io/p/x');
  expect(literalPrefix('plain')).toBe('plain');
});
