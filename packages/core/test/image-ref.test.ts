// The Docker image-reference parser (packages/core/src/docker): every case of distribution/reference's tests (normalize_test.go, reference_test.go),
// our diagnoses and spans, the helpers the image rules use, property tests, and linear work on hostile input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DIGEST_INVALID_FORMAT,
  DIGEST_INVALID_LENGTH,
  DIGEST_UNSUPPORTED,
  ERR_INVALID_FORMAT,
  ERR_NAME_TOO_LONG,
  ERR_NAME_UPPERCASE,
  HUB_ALIASES,
  findPlaceholders,
  imageTraps,
  isHubAlias,
  isTemplated,
  parseImageReference,
  printImageRef,
  qualify,
  registryKind,
  type ImageRef,
  type ImageRefError,
  type ImageRefErrorCode,
  type ImageTrapCode,
  type ParseStats,
  type RegistryKind,
} from '../src/docker/image-ref.js';
import { matchReference } from '../src/docker/scan.js';

const H = 'e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582';
const HU = H.toUpperCase();
const a = (n: number): string => 'a'.repeat(n);
const lowercaseError = (remote: string): string => `invalid reference format: repository name (${remote}) must be lowercase`;

function ok(text: string): ImageRef {
  const r = parseImageReference(text);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${r.error.upstreamMessage} / ${r.error.message}`);
  return r.ref;
}

function fail(text: string): ImageRefError {
  const r = parseImageReference(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got ${r.ref.normalized}`);
  return r.error;
}

const slice = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

/** Every span of a valid reference slices back to the part as written. */
function expectSpans(text: string, ref: ImageRef): void {
  const { spans } = ref;
  if (spans.domain) {
    expect(slice(text, spans.domain)).toBe(ref.domain === 'docker.io' && text.startsWith('index.docker.io/') ? 'index.docker.io' : ref.domain);
    expect(text.charAt(spans.domain.end)).toBe('/');
  }
  expect(slice(text, spans.path)).toBe(ref.libraryAdded ? ref.path.slice('library/'.length) : ref.path);
  if (ref.tag === undefined) expect(spans.tag).toBeUndefined();
  else {
    expect(slice(text, spans.tag!)).toBe(ref.tag);
    expect(text.charAt(spans.tag!.start - 1)).toBe(':');
  }
  if (ref.digest === undefined) expect(spans.digest).toBeUndefined();
  else {
    expect(slice(text, spans.digest!)).toBe(ref.digest);
    expect(text.charAt(spans.digest!.start - 1)).toBe('@');
    expect(spans.digest!.end).toBe(text.length);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Cases: input → ParseNormalizedNamed(...).String() or the exact upstream error, and ParseDockerRef.

interface Row {
  n: number;
  what: string;
  input: string;
  normalized?: string;
  dockerRef?: string;
  error?: string;
  /** Our diagnosis code for the error rows. */
  code?: ImageRefErrorCode;
}

const ROWS: Row[] = [
  { n: 1, what: 'familiar name gets docker.io + library/, no tag added', input: 'ubuntu', normalized: 'docker.io/library/ubuntu', dockerRef: 'docker.io/library/ubuntu:latest' },
  { n: 2, what: 'familiar name with tag', input: 'ubuntu:22.04', normalized: 'docker.io/library/ubuntu:22.04', dockerRef: 'docker.io/library/ubuntu:22.04' },
  { n: 3, what: 'path only', input: 'library/ubuntu', normalized: 'docker.io/library/ubuntu', dockerRef: 'docker.io/library/ubuntu:latest' },
  { n: 4, what: 'explicit docker.io still gets library/', input: 'docker.io/ubuntu', normalized: 'docker.io/library/ubuntu', dockerRef: 'docker.io/library/ubuntu:latest' },
  { n: 5, what: 'already canonical', input: 'docker.io/library/ubuntu:22.04', normalized: 'docker.io/library/ubuntu:22.04', dockerRef: 'docker.io/library/ubuntu:22.04' },
  { n: 6, what: 'legacy index domain rewritten', input: 'index.docker.io/ubuntu', normalized: 'docker.io/library/ubuntu', dockerRef: 'docker.io/library/ubuntu:latest' },
  { n: 7, what: 'registry-1.docker.io is not rewritten', input: 'registry-1.docker.io/library/ubuntu', normalized: 'registry-1.docker.io/library/ubuntu', dockerRef: 'registry-1.docker.io/library/ubuntu:latest' },
  { n: 8, what: 'hub.docker.com is an ordinary registry', input: 'hub.docker.com/ubuntu', normalized: 'hub.docker.com/ubuntu', dockerRef: 'hub.docker.com/ubuntu:latest' },
  { n: 9, what: 'docker.io with a port is another registry', input: 'docker.io:443/ubuntu', normalized: 'docker.io:443/ubuntu', dockerRef: 'docker.io:443/ubuntu:latest' },
  { n: 10, what: 'domain not case-folded', input: 'DOCKER.IO/ubuntu', normalized: 'DOCKER.IO/ubuntu', dockerRef: 'DOCKER.IO/ubuntu:latest' },
  { n: 11, what: 'user/repo on Docker Hub', input: 'myuser/app', normalized: 'docker.io/myuser/app', dockerRef: 'docker.io/myuser/app:latest' },
  { n: 12, what: 'dot-less host is a Hub namespace', input: 'my-registry/app', normalized: 'docker.io/my-registry/app', dockerRef: 'docker.io/my-registry/app:latest' },
  { n: 13, what: 'a port makes it a domain', input: 'my-registry:5000/app', normalized: 'my-registry:5000/app', dockerRef: 'my-registry:5000/app:latest' },
  { n: 14, what: 'underscore namespace', input: 'test_com/foo', normalized: 'docker.io/test_com/foo', dockerRef: 'docker.io/test_com/foo:latest' },
  { n: 15, what: 'localhost is a domain', input: 'localhost/app', normalized: 'localhost/app', dockerRef: 'localhost/app:latest' },
  { n: 16, what: 'localhost with port and tag', input: 'localhost:5000/app:dev', normalized: 'localhost:5000/app:dev', dockerRef: 'localhost:5000/app:dev' },
  { n: 17, what: 'bare localhost is a Hub image', input: 'localhost', normalized: 'docker.io/library/localhost', dockerRef: 'docker.io/library/localhost:latest' },
  { n: 18, what: 'localhost:5000 is image localhost, tag 5000', input: 'localhost:5000', normalized: 'docker.io/library/localhost:5000', dockerRef: 'docker.io/library/localhost:5000' },
  { n: 19, what: 'any host:port without a path', input: 'example.com:5000', normalized: 'docker.io/library/example.com:5000', dockerRef: 'docker.io/library/example.com:5000' },
  { n: 20, what: 'IPv4 alone is a Hub image', input: '192.168.0.1', normalized: 'docker.io/library/192.168.0.1', dockerRef: 'docker.io/library/192.168.0.1:latest' },
  { n: 21, what: 'IPv4:80 — 80 is a tag', input: '192.168.0.1:80', normalized: 'docker.io/library/192.168.0.1:80', dockerRef: 'docker.io/library/192.168.0.1:80' },
  { n: 22, what: 'IPv4 registry with port', input: '127.0.0.1:5000/library/debian', normalized: '127.0.0.1:5000/library/debian', dockerRef: '127.0.0.1:5000/library/debian:latest' },
  { n: 23, what: 'IPv6 registry', input: '[::1]:5000/app', normalized: '[::1]:5000/app', dockerRef: '[::1]:5000/app:latest' },
  { n: 24, what: 'IPv6 host needs a path', input: '[fc00::1]:5000', error: ERR_INVALID_FORMAT, code: 'missing-path' },
  { n: 25, what: 'zone identifiers rejected', input: '[fe80::1%eth0]:5000/app', error: ERR_INVALID_FORMAT, code: 'invalid-domain' },
  { n: 26, what: 'IPv6 without brackets rejected', input: 'fc00::1:5000/debian', error: ERR_INVALID_FORMAT, code: 'invalid-domain' },
  { n: 27, what: 'any depth of path components', input: 'gcr.io/my-project/team/app:1.2', normalized: 'gcr.io/my-project/team/app:1.2', dockerRef: 'gcr.io/my-project/team/app:1.2' },
  {
    n: 28,
    what: 'ECR',
    input: '258296240478.dkr.ecr.eu-west-1.amazonaws.com/app:latest',
    normalized: '258296240478.dkr.ecr.eu-west-1.amazonaws.com/app:latest',
    dockerRef: '258296240478.dkr.ecr.eu-west-1.amazonaws.com/app:latest',
  },
  { n: 29, what: 'punycode domain, dotted tag', input: 'xn--n3h.com/myimage:xn--n3h.com', normalized: 'xn--n3h.com/myimage:xn--n3h.com', dockerRef: 'xn--n3h.com/myimage:xn--n3h.com' },
  { n: 30, what: 'uppercase first component is a domain', input: 'Foo/bar', normalized: 'Foo/bar', dockerRef: 'Foo/bar:latest' },
  { n: 31, what: 'uppercase allowed in a domain', input: 'MyRegistry.com/app', normalized: 'MyRegistry.com/app', dockerRef: 'MyRegistry.com/app:latest' },
  { n: 32, what: 'uppercase path', input: 'docker.io/MyUser/app', error: lowercaseError('MyUser/app'), code: 'uppercase' },
  { n: 33, what: 'uppercase familiar name: library/ in the message', input: 'Ubuntu', error: lowercaseError('library/Ubuntu'), code: 'uppercase' },
  { n: 34, what: 'tags may be uppercase', input: 'ubuntu:Latest', normalized: 'docker.io/library/ubuntu:Latest', dockerRef: 'docker.io/library/ubuntu:Latest' },
  { n: 35, what: 'empty string', input: '', error: ERR_INVALID_FORMAT, code: 'empty' },
  { n: 36, what: 'empty tag', input: 'ubuntu:', error: ERR_INVALID_FORMAT, code: 'empty-tag' },
  { n: 37, what: 'tag without a name', input: ':latest', error: ERR_INVALID_FORMAT, code: 'missing-name' },
  { n: 38, what: 'two tags', input: 'ubuntu:latest:extra', error: ERR_INVALID_FORMAT, code: 'extra-colon' },
  { n: 39, what: 'tag starts with -', input: 'ubuntu:-rc', error: ERR_INVALID_FORMAT, code: 'invalid-tag' },
  { n: 40, what: 'tag may start with _', input: 'ubuntu:_rc', normalized: 'docker.io/library/ubuntu:_rc', dockerRef: 'docker.io/library/ubuntu:_rc' },
  { n: 41, what: '128-character tag', input: `ubuntu:${a(128)}`, normalized: `docker.io/library/ubuntu:${a(128)}`, dockerRef: `docker.io/library/ubuntu:${a(128)}` },
  { n: 42, what: '129-character tag', input: `ubuntu:${a(129)}`, error: ERR_INVALID_FORMAT, code: 'tag-too-long' },
  { n: 43, what: 'double underscore separator', input: 'foo__bar/app', normalized: 'docker.io/foo__bar/app', dockerRef: 'docker.io/foo__bar/app:latest' },
  { n: 44, what: 'three underscores', input: 'foo___bar/app', error: ERR_INVALID_FORMAT, code: 'invalid-path' },
  { n: 45, what: 'two dots (a dotted first segment is read as a registry host)', input: 'foo..bar/app', error: ERR_INVALID_FORMAT, code: 'invalid-domain' },
  { n: 46, what: 'runs of dashes', input: 'foo--bar/app', normalized: 'docker.io/foo--bar/app', dockerRef: 'docker.io/foo--bar/app:latest' },
  { n: 47, what: 'leading dash', input: '-foo/app', error: ERR_INVALID_FORMAT, code: 'invalid-path' },
  { n: 48, what: 'trailing dash', input: 'foo-/app', error: ERR_INVALID_FORMAT, code: 'invalid-path' },
  { n: 49, what: 'underscore in a domain', input: 'foo_bar.com:8080/app', error: ERR_INVALID_FORMAT, code: 'invalid-domain' },
  { n: 50, what: 'empty component', input: 'foo//bar', error: ERR_INVALID_FORMAT, code: 'invalid-path' },
  { n: 51, what: 'trailing slash', input: 'docker.io/library/ubuntu/', error: ERR_INVALID_FORMAT, code: 'invalid-path' },
  { n: 52, what: 'URL scheme', input: 'https://gcr.io/app', error: ERR_INVALID_FORMAT, code: 'scheme' },
  { n: 53, what: 'leading space, no trimming', input: ' ubuntu', error: ERR_INVALID_FORMAT, code: 'whitespace' },
  { n: 54, what: 'library/ + 247 = 255 characters', input: a(247), normalized: `docker.io/library/${a(247)}`, dockerRef: `docker.io/library/${a(247)}:latest` },
  { n: 55, what: 'library/ pushes the path to 256', input: a(248), error: ERR_NAME_TOO_LONG, code: 'name-too-long' },
  { n: 56, what: 'the limit counts the path only', input: `example.com/${a(255)}:tag`, normalized: `example.com/${a(255)}:tag`, dockerRef: `example.com/${a(255)}:tag` },
  { n: 57, what: '256-character path', input: `example.com/${a(256)}:tag`, error: ERR_NAME_TOO_LONG, code: 'name-too-long' },
  { n: 58, what: '64 lowercase hex', input: H, error: `invalid repository name (${H}), cannot specify 64-byte hexadecimal strings`, code: 'hex-identifier' },
  { n: 59, what: '64 uppercase hex falls through to the lowercase check', input: HU, error: lowercaseError(`library/${HU}`), code: 'uppercase' },
  { n: 60, what: '64 hex valid once a domain is given', input: `docker.io/${H}`, normalized: `docker.io/library/${H}`, dockerRef: `docker.io/library/${H}:latest` },
  { n: 61, what: 'a bare digest is image sha256 with a 64-char tag', input: `sha256:${H}`, normalized: `docker.io/library/sha256:${H}`, dockerRef: `docker.io/library/sha256:${H}` },
  { n: 62, what: 'digest', input: `ubuntu@sha256:${H}`, normalized: `docker.io/library/ubuntu@sha256:${H}`, dockerRef: `docker.io/library/ubuntu@sha256:${H}` },
  { n: 63, what: 'tag and digest: ParseDockerRef drops the tag', input: `ubuntu:22.04@sha256:${H}`, normalized: `docker.io/library/ubuntu:22.04@sha256:${H}`, dockerRef: `docker.io/library/ubuntu@sha256:${H}` },
  { n: 64, what: '34 hex digits', input: `ubuntu@sha256:${H.slice(0, 34)}`, error: DIGEST_INVALID_LENGTH, code: 'digest-length' },
  { n: 65, what: 'fewer than 32 hex fails the grammar', input: 'ubuntu@sha256:abc', error: ERR_INVALID_FORMAT, code: 'invalid-digest' },
  { n: 66, what: 'uppercase hex', input: `ubuntu@sha256:${HU}`, error: DIGEST_INVALID_FORMAT, code: 'digest-format' },
  { n: 67, what: 'lowercase check includes @SHA256', input: `ubuntu@SHA256:${H}`, error: lowercaseError('library/ubuntu@SHA256'), code: 'uppercase' },
  { n: 68, what: 'unregistered algorithm', input: `ubuntu@md5:${H.slice(0, 32)}`, error: DIGEST_UNSUPPORTED, code: 'digest-unsupported' },
  { n: 69, what: 'sha512 registered', input: `ubuntu@sha512:${H}${H}`, normalized: `docker.io/library/ubuntu@sha512:${H}${H}`, dockerRef: `docker.io/library/ubuntu@sha512:${H}${H}` },
  { n: 70, what: 'template variable', input: '${IMAGE}', error: lowercaseError('library/${IMAGE}'), code: 'templated' },
];

describe('ParseNormalizedNamed cases', () => {
  it('has all 70 rows', () => {
    expect(ROWS.map((r) => r.n)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
  });

  it.each(ROWS)('#$n $what: $input', (row) => {
    const r = parseImageReference(row.input);
    if (row.error !== undefined) {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.upstreamMessage).toBe(row.error);
      expect(r.error.code).toBe(row.code);
      expect(r.error.message.length).toBeGreaterThan(0);
      expect(r.error.span.start).toBeGreaterThanOrEqual(0);
      expect(r.error.span.end).toBeLessThanOrEqual(row.input.length);
      expect(r.error.span.start).toBeLessThanOrEqual(r.error.span.end);
      expect(qualify(row.input)).toBeUndefined();
    } else {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.ref.normalized).toBe(row.normalized);
      expect(r.ref.dockerRef).toBe(row.dockerRef);
      expect(qualify(row.input)).toBe(row.normalized);
      expect(printImageRef(r.ref)).toBe(row.normalized);
      expectSpans(row.input, r.ref);
    }
  });
});

// "Fully qualified" is ParseNamed: the normalized string equals the input.
describe('ParseNamed semantics (is it fully qualified?)', () => {
  it.each([
    { what: 'domain with a dot', input: 'test.com/foo', canonical: true },
    { what: 'a port makes a dot-less host a domain', input: 'test:8080/foo', canonical: true },
    { what: 'underscore namespace normalizes to docker.io', input: 'test_com/foo', canonical: false, normalized: 'docker.io/test_com/foo' },
    { what: 'bare host is a Hub image', input: 'test.com', canonical: false, normalized: 'docker.io/library/test.com' },
    { what: 'familiar name', input: 'foo', canonical: false, normalized: 'docker.io/library/foo' },
    { what: 'library/ without domain', input: 'library/foo', canonical: false, normalized: 'docker.io/library/foo' },
    { what: 'docker.io without library/', input: 'docker.io/foo', canonical: false, normalized: 'docker.io/library/foo' },
    { what: 'canonical official image', input: 'docker.io/library/foo', canonical: true },
    { what: 'canonical with tag', input: 'docker.io/library/python:3.11', canonical: true },
    { what: 'familiar with tag', input: 'python:3.11', canonical: false, normalized: 'docker.io/library/python:3.11' },
    { what: 'canonical user repo', input: 'docker.io/myuser/app:1', canonical: true },
    { what: 'user repo without domain', input: 'myuser/app:1', canonical: false, normalized: 'docker.io/myuser/app:1' },
    { what: 'legacy index domain', input: 'index.docker.io/library/ubuntu', canonical: false, normalized: 'docker.io/library/ubuntu' },
    { what: 'Docker Hub real host is not aliased', input: 'registry-1.docker.io/ubuntu', canonical: true },
    { what: 'uppercase-domain quirk', input: 'Foo/bar', canonical: true },
    { what: 'localhost', input: 'localhost/foo', canonical: true },
  ])('$what: $input', ({ input, canonical, normalized }) => {
    const ref = ok(input);
    expect(ref.fullyQualified).toBe(canonical);
    expect(ref.normalized).toBe(normalized ?? input);
  });
});

// ---------------------------------------------------------------------------------------------------------------------

describe('parts, familiar form and spans', () => {
  it.each([
    {
      what: 'familiar official image',
      input: 'ubuntu:22.04',
      domain: 'docker.io',
      path: 'library/ubuntu',
      tag: '22.04',
      familiar: 'ubuntu:22.04',
      spans: { path: 'ubuntu', tag: '22.04' },
    },
    {
      what: 'explicit docker.io user repo',
      input: 'docker.io/myuser/app:1',
      domain: 'docker.io',
      path: 'myuser/app',
      tag: '1',
      familiar: 'myuser/app:1',
      spans: { domain: 'docker.io', path: 'myuser/app', tag: '1' },
    },
    {
      what: 'legacy index domain keeps its span as written',
      input: 'index.docker.io/ubuntu',
      domain: 'docker.io',
      path: 'library/ubuntu',
      familiar: 'ubuntu',
      spans: { domain: 'index.docker.io', path: 'ubuntu' },
    },
    {
      what: 'IPv6 registry with tag and digest',
      input: `[::1]:5000/team/app:v1@sha256:${H}`,
      domain: '[::1]:5000',
      path: 'team/app',
      tag: 'v1',
      digest: `sha256:${H}`,
      familiar: `[::1]:5000/team/app:v1@sha256:${H}`,
      spans: { domain: '[::1]:5000', path: 'team/app', tag: 'v1', digest: `sha256:${H}` },
    },
    {
      what: 'nested library/ path stays (familiarizeName only strips a single component)',
      input: 'docker.io/library/a/b',
      domain: 'docker.io',
      path: 'library/a/b',
      familiar: 'library/a/b',
      spans: { domain: 'docker.io', path: 'library/a/b' },
    },
    {
      what: 'quirk: a dotted first segment that is not a host leaves no domain',
      input: 'foo_bar.com/app',
      domain: '',
      path: 'foo_bar.com/app',
      familiar: 'foo_bar.com/app',
      spans: { path: 'foo_bar.com/app' },
    },
  ])('$what', ({ input, domain, path, tag, digest, familiar, spans }) => {
    const ref = ok(input);
    expect(ref.domain).toBe(domain);
    expect(ref.path).toBe(path);
    expect(ref.tag).toBe(tag);
    expect(ref.digest).toBe(digest);
    expect(ref.familiar).toBe(familiar);
    expect(ref.spans.domain && slice(input, ref.spans.domain)).toBe(spans.domain);
    expect(slice(input, ref.spans.path)).toBe(spans.path);
    expect(ref.spans.tag && slice(input, ref.spans.tag)).toBe(spans.tag);
    expect(ref.spans.digest && slice(input, ref.spans.digest)).toBe(spans.digest);
    expectSpans(input, ref);
  });

  it('has no domain span when docker.io is implied', () => {
    const ref = ok('myuser/app');
    expect(ref.spans.domain).toBeUndefined();
    expect(ref.libraryAdded).toBe(false);
    expect(ok('ubuntu').libraryAdded).toBe(true);
  });
});

describe('diagnoses', () => {
  it.each([
    {
      what: 'uppercase path (the brief example)',
      input: 'docker.io/MyUser/app',
      code: 'uppercase',
      message: 'Repository "MyUser/app" must be lowercase; did you mean "myuser/app"?',
      part: 'MyUser/app',
      suggestion: 'docker.io/myuser/app',
    },
    { what: 'uppercase familiar name', input: 'Ubuntu:22.04', code: 'uppercase', message: 'Repository "Ubuntu" must be lowercase; did you mean "ubuntu"?', part: 'Ubuntu', suggestion: 'ubuntu:22.04' },
    { what: 'scheme', input: 'https://gcr.io/app', code: 'scheme', message: 'Remove the "https://" scheme: image references have no scheme.', part: 'https://', suggestion: 'gcr.io/app' },
    { what: 'trailing whitespace', input: 'ubuntu ', code: 'whitespace', message: 'Remove the whitespace after "ubuntu": image references cannot contain spaces.', part: ' ', suggestion: 'ubuntu' },
    { what: 'digest without a name', input: `@sha256:${H}`, code: 'missing-name', contains: 'A digest needs an image name before "@"', part: '@' },
    { what: 'uppercase digest algorithm', input: `ubuntu@SHA256:${H}`, code: 'uppercase', message: 'Digest algorithm "SHA256" must be lowercase; did you mean "sha256"?', part: 'SHA256', suggestion: `ubuntu@sha256:${H}` },
    { what: 'uppercase digest algorithm after a tag', input: `ubuntu:1@SHA256:${H}`, code: 'digest-format', message: 'Digest algorithm "SHA256" must be lowercase; did you mean "sha256"?', part: 'SHA256', suggestion: `ubuntu:1@sha256:${H}` },
    { what: 'uppercase hex', input: `ubuntu@sha256:${HU}`, code: 'digest-format', contains: 'must use lowercase hex digits', part: HU, suggestion: `ubuntu@sha256:${H}` },
    { what: 'wrong digest length', input: `ubuntu@sha256:${H.slice(0, 34)}`, code: 'digest-length', contains: 'has 34 hex digits, but a sha256 digest has exactly 64', part: H.slice(0, 34) },
    { what: 'unsupported algorithm', input: `ubuntu@md5:${H.slice(0, 32)}`, code: 'digest-unsupported', contains: 'Digest algorithm "md5" is not supported', part: 'md5' },
    { what: 'short digest', input: 'ubuntu@sha256:abc', code: 'invalid-digest', contains: '"sha256:abc" is too short', part: 'abc' },
    { what: 'digest without colon', input: 'ubuntu@latest', code: 'invalid-digest', contains: 'has no ":"', part: 'latest' },
    { what: 'empty digest', input: 'ubuntu@', code: 'invalid-digest', contains: 'after "@" is empty', part: '@' },
    { what: 'two @', input: `a@b@sha256:${H}`, code: 'extra-at', contains: 'second "@"', part: '@' },
    { what: 'empty tag', input: 'ubuntu:', code: 'empty-tag', contains: 'The tag after ":" is empty', part: ':', suggestion: 'ubuntu' },
    { what: 'tag start', input: 'ubuntu:-rc', code: 'invalid-tag', contains: 'Tag "-rc" must start with', part: '-' },
    { what: 'tag character', input: 'ubuntu:v1!', code: 'invalid-tag', contains: 'Tag "v1!" contains "!"', part: '!' },
    { what: 'tag length', input: `ubuntu:${a(129)}`, code: 'tag-too-long', contains: 'is 129 characters long', part: a(129) },
    { what: 'missing name before tag', input: ':latest', code: 'missing-name', contains: 'The image name is missing before ":"', part: ':' },
    { what: 'second colon', input: 'ubuntu:latest:extra', code: 'extra-colon', contains: 'more than one ":"', part: ':' },
    { what: 'colon inside a path', input: 'foo/bar:1/baz', code: 'extra-colon', contains: 'path component "bar:1"', part: ':' },
    { what: 'three underscores', input: 'foo___bar/app', code: 'invalid-path', contains: 'separator "___"', part: '___' },
    { what: 'two dots in a namespace', input: 'myuser/foo..bar', code: 'invalid-path', contains: 'separator ".."', part: '..' },
    { what: 'two dots in a first segment, read as a host', input: 'foo..bar/app', code: 'invalid-domain', contains: 'Registry host "foo..bar" has an empty label', part: '.' },
    { what: 'dot dash', input: 'ghcr.io/a.-b/app', code: 'invalid-path', contains: 'separator ".-"', part: '.-' },
    { what: 'leading dash', input: '-foo/app', code: 'invalid-path', contains: '"-foo" must start with', part: '-' },
    { what: 'trailing dash', input: 'foo-/app', code: 'invalid-path', contains: '"foo-" must end with', part: '-' },
    { what: 'empty component', input: 'foo//bar', code: 'invalid-path', contains: 'extra "/"', part: '/', suggestion: 'foo/bar' },
    { what: 'trailing slash', input: 'docker.io/library/ubuntu/', code: 'invalid-path', contains: 'trailing "/"', part: '/', suggestion: 'docker.io/library/ubuntu' },
    { what: 'leading slash', input: '/ubuntu', code: 'invalid-path', contains: 'leading "/"', part: '/', suggestion: 'ubuntu' },
    { what: 'registry without path', input: 'gcr.io/', code: 'missing-path', contains: 'Registry "gcr.io" needs a repository path', part: '/' },
    { what: 'bad character', input: 'my!app', code: 'invalid-character', contains: 'contains "!"', part: '!' },
    { what: 'non-breaking space', input: 'my\u00a0app', code: 'invalid-character', contains: 'U+00A0', part: '\u00a0' },
    { what: 'underscore in host', input: 'foo_bar.com:8080/app', code: 'invalid-domain', contains: 'Registry host "foo_bar.com:8080" contains "_"', part: '_' },
    { what: 'zone ID', input: '[fe80::1%eth0]:5000/app', code: 'invalid-domain', contains: 'zone ID "%eth0"', part: '%eth0' },
    { what: 'IPv6 without brackets', input: 'fc00::1:5000/debian', code: 'invalid-domain', contains: 'square brackets', part: 'fc00::1:5000' },
    { what: 'embedded IPv4', input: '[::192.0.2.33]:5000/app', code: 'invalid-domain', contains: 'embeds an IPv4 address', part: '[::192.0.2.33]:5000' },
    { what: 'port not a number', input: 'registry.example.com:http/app', code: 'invalid-domain', contains: 'port "http"', part: 'http' },
    { what: 'empty port', input: 'registry.example.com:/app', code: 'invalid-domain', contains: 'empty port', part: ':' },
    { what: 'label with trailing dash', input: 'reg-.example.com/app', code: 'invalid-domain', contains: 'label "reg-"', part: 'reg-' },
    { what: 'empty label', input: 'registry..com/app', code: 'invalid-domain', contains: 'empty label', part: '.' },
    { what: 'IPv6 host without path', input: '[fc00::1]:5000', code: 'missing-path', contains: 'without a repository path', part: '[fc00::1]:5000' },
    { what: 'templated', input: 'ghcr.io/org/app:{parameter:version}', code: 'templated', contains: '"{parameter:version}" is a template placeholder', part: '{parameter:version}' },
    { what: 'hex ID', input: H, code: 'hex-identifier', contains: '64-character hex ID', part: H },
    { what: 'too long with library/', input: a(248), code: 'name-too-long', contains: 'with the implied "library/" prefix', part: a(248) },
    { what: 'too long with domain', input: `example.com/${a(256)}`, code: 'name-too-long', contains: 'is 256 characters long', part: a(256) },
    {
      what: 'raw Parse lowercase error: uppercase first segment that is no host',
      input: 'Foo_bar/x',
      code: 'uppercase',
      upstream: ERR_NAME_UPPERCASE,
      contains: '"Foo_bar" must be lowercase',
      part: 'Foo_bar',
      suggestion: 'foo_bar/x',
    },
    { what: 'raw Parse lowercase error: Kelvin sign in a tag', input: 'ubuntu:\u212a', code: 'uppercase', upstream: ERR_NAME_UPPERCASE, part: '\u212a', suggestion: 'ubuntu:k' },
    { what: 'empty', input: '', code: 'empty', contains: 'is empty', part: '' },
    { what: 'only whitespace', input: '  ', code: 'empty', contains: 'only whitespace', part: '  ' },
  ] as Array<{ what: string; input: string; code: ImageRefErrorCode; message?: string; contains?: string; part: string; suggestion?: string; upstream?: string }>)(
    '$what: $input',
    ({ input, code, message, contains, part, suggestion, upstream }) => {
      const error = fail(input);
      expect(error.code).toBe(code);
      if (message !== undefined) expect(error.message).toBe(message);
      if (contains !== undefined) expect(error.message).toContain(contains);
      if (upstream !== undefined) expect(error.upstreamMessage).toBe(upstream);
      expect(slice(input, error.span)).toBe(part);
      expect(error.suggestion).toBe(suggestion);
      if (suggestion !== undefined) expect(parseImageReference(suggestion).ok).toBe(true);
    },
  );

  it('names the offending part in double quotes', () => {
    for (const row of ROWS) {
      if (row.error === undefined || row.input === '') continue;
      expect(fail(row.input).message, row.input).toMatch(/"[^"]*"/);
    }
  });

  it('shortens very long parts in messages', () => {
    const error = fail(`${a(5000)}!`);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain('…');
  });
});

describe('registryKind', () => {
  it.each<{ domain: string; kind: RegistryKind }>([
    { domain: 'docker.io', kind: 'docker-hub' },
    { domain: 'registry-1.docker.io', kind: 'docker-hub' },
    { domain: 'DOCKER.IO', kind: 'docker-hub' },
    { domain: '258296240478.dkr.ecr.eu-west-1.amazonaws.com', kind: 'ecr' },
    { domain: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', kind: 'ecr' },
    { domain: '1234.dkr.ecr.eu-west-1.amazonaws.com', kind: 'other' },
    { domain: 'gcr.io', kind: 'gcr' },
    { domain: 'eu.gcr.io', kind: 'gcr' },
    { domain: 'us-central1-docker.pkg.dev', kind: 'artifact-registry' },
    { domain: 'europe-west4-docker.pkg.dev', kind: 'artifact-registry' },
    { domain: 'myregistry.azurecr.io', kind: 'acr' },
    { domain: 'azurecr.io', kind: 'other' },
    { domain: 'mycompany.jfrog.io', kind: 'jfrog' },
    { domain: 'ghcr.io', kind: 'ghcr' },
    { domain: 'nvcr.io', kind: 'nvcr' },
    { domain: 'quay.io', kind: 'quay' },
    { domain: 'localhost', kind: 'localhost' },
    { domain: 'localhost:5000', kind: 'localhost' },
    { domain: '127.0.0.1:5000', kind: 'localhost' },
    { domain: '[::1]:5000', kind: 'localhost' },
    { domain: 'registry.example.com', kind: 'other' },
    { domain: 'Foo', kind: 'other' },
    { domain: '', kind: 'other' },
  ])('$domain → $kind', ({ domain, kind }) => {
    expect(registryKind(domain)).toBe(kind);
  });

  it('classifies the normalized domain of parsed references', () => {
    expect(registryKind(ok('python:3.12').domain)).toBe('docker-hub');
    expect(registryKind(ok('ghcr.io/astral-sh/uv:python3.11-bookworm-slim').domain)).toBe('ghcr');
    expect(registryKind(ok('us-central1-docker.pkg.dev/my-project/ml-images/training:v1.0').domain)).toBe('artifact-registry');
  });
});

describe('traps', () => {
  const codes = (text: string): ImageTrapCode[] => imageTraps(text, ok(text)).map((t) => t.code);

  it.each([
    { input: 'registry-1.docker.io/library/ubuntu', part: 'registry-1.docker.io', suggestion: 'docker.io/library/ubuntu' },
    { input: 'index.docker.io/ubuntu:22.04', part: 'index.docker.io', suggestion: 'docker.io/library/ubuntu:22.04' },
    { input: 'hub.docker.com/myuser/app', part: 'hub.docker.com', suggestion: 'docker.io/myuser/app' },
    { input: 'docker.io:443/ubuntu', part: 'docker.io:443', suggestion: 'docker.io/library/ubuntu' },
    { input: 'DOCKER.IO/ubuntu', part: 'DOCKER.IO', suggestion: 'docker.io/library/ubuntu' },
  ])('hub alias $input', ({ input, part, suggestion }) => {
    const traps = imageTraps(input, ok(input));
    expect(traps.map((t) => t.code)).toEqual(['hub-alias']);
    expect(slice(input, traps[0]!.span)).toBe(part);
    expect(traps[0]!.suggestion).toBe(suggestion);
    expect(traps[0]!.message).toContain('"docker.io');
  });

  it('isHubAlias and HUB_ALIASES', () => {
    expect(HUB_ALIASES).toEqual(expect.arrayContaining(['index.docker.io', 'registry-1.docker.io', 'hub.docker.com']));
    for (const d of ['registry-1.docker.io', 'index.docker.io', 'hub.docker.com', 'docker.io:443', 'DOCKER.IO', 'Registry-1.Docker.IO:443']) expect(isHubAlias(d), d).toBe(true);
    for (const d of ['docker.io', 'docker.io:5000', 'ghcr.io', 'mydocker.io']) expect(isHubAlias(d), d).toBe(false);
  });

  it.each([
    { input: 'localhost:5000', contains: 'with tag "5000"' },
    { input: 'example.com:5000', contains: 'not an image on the registry "example.com:5000"' },
    { input: 'localhost', contains: 'Docker Hub image "docker.io/library/localhost"' },
    { input: '192.168.0.1:80', contains: 'with tag "80"' },
  ])('registry without path: $input', ({ input, contains }) => {
    const traps = imageTraps(input, ok(input));
    expect(traps.map((t) => t.code)).toEqual(['registry-without-path']);
    expect(traps[0]!.message).toContain(contains);
  });

  it('uppercase domain', () => {
    const foo = imageTraps('Foo/bar', ok('Foo/bar'));
    expect(foo.map((t) => t.code)).toEqual(['uppercase-domain']);
    expect(foo[0]!.suggestion).toBe('foo/bar');
    const reg = imageTraps('MyRegistry.com/app', ok('MyRegistry.com/app'));
    expect(reg.map((t) => t.code)).toEqual(['uppercase-domain']);
    expect(reg[0]!.message).toContain('"myregistry.com"');
    expect(slice('MyRegistry.com/app', reg[0]!.span)).toBe('MyRegistry.com');
  });

  it('bare digest pasted as the image', () => {
    const traps = imageTraps(`sha256:${H}`, ok(`sha256:${H}`));
    expect(traps.map((t) => t.code)).toEqual(['bare-digest']);
    expect(traps[0]!.message).toContain('a digest needs a name before "@"');
  });

  it('first segment that is not a host', () => {
    expect(codes('foo_bar.com/app')).toEqual(['domain-not-host']);
  });

  it('no traps for ordinary references', () => {
    for (const text of ['ubuntu', 'python:3.12', 'docker.io/library/python:3.11', 'myuser/app', 'ghcr.io/org/app:1', 'localhost:5000/app', `ubuntu@sha256:${H}`, 'sha256:abc']) {
      expect(codes(text), text).toEqual([]);
    }
  });
});

describe('templating', () => {
  it.each([
    { input: '${IMAGE}', placeholders: ['${IMAGE}'] },
    { input: '$IMAGE', placeholders: ['$IMAGE'] },
    { input: 'ghcr.io/org/app:${TAG}', placeholders: ['${TAG}'] },
    { input: 'ghcr.io/org/app:$TAG', placeholders: ['$TAG'] },
    { input: 'ghcr.io/org/app:{parameter:version}', placeholders: ['{parameter:version}'] },
    { input: '{parameter-value:image}', placeholders: ['{parameter-value:image}'] },
    { input: '{{ image }}:{{tag}}', placeholders: ['{{ image }}', '{{tag}}'] },
    { input: '$(cat image.txt)', placeholders: ['$(cat image.txt)'] },
    { input: 'app:${TAG', placeholders: ['${TAG'] },
  ])('$input', ({ input, placeholders }) => {
    expect(isTemplated(input)).toBe(true);
    expect(findPlaceholders(input).map((s) => slice(input, s))).toEqual(placeholders);
  });

  it.each(['ubuntu', 'python:3.12', 'docker.io/library/python:3.11', 'a$', 'a{', '{}', '{ x }', 'a}b', '$1'])('not templated: %s', (input) => {
    expect(isTemplated(input)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Property tests.

/** The current upstream grammar as an anchored regular expression (separator `[-]+`), used only as a test oracle. */
const ORACLE = (() => {
  const alnum = '[a-z0-9]+';
  const separator = '(?:[._]|__|[-]+)';
  const component = `${alnum}(?:${separator}${alnum})*`;
  const label = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
  const host = `(?:${label}(?:\\.${label})*|\\[(?:[a-fA-F0-9:]+)\\])`;
  const domain = `${host}(?::[0-9]+)?`;
  const remote = `${component}(?:/${component})*`;
  const tag = '[\\w][\\w.-]{0,127}';
  const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
  return new RegExp(`^(?:(${domain})/)?(${remote})(?::(${tag}))?(?:@(${digest}))?$`);
})();

/** Raise with IMAGE_REF_FUZZ_RUNS=200000 for a long fuzzing session. */
const RUNS = Number(process.env.IMAGE_REF_FUZZ_RUNS ?? 3000);
const RUN = { numRuns: RUNS };
const tricky = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '9', 'A', 'F', 'f', '-', '_', '.', ':', '/', '@', '[', ']', '%', '$', '{', '}', ' ', 'K', '\u212a', 'é'), maxLength: 40 });
const anyText = fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 }));

const labelArb = fc.stringMatching(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,6}[a-zA-Z0-9])?$/);
const domainArb = fc.oneof(
  fc.tuple(fc.array(labelArb, { minLength: 1, maxLength: 3 }), fc.option(fc.integer({ min: 0, max: 99999 }), { nil: undefined })).map(([labels, port]) => labels.join('.') + (port === undefined ? '' : `:${port}`)),
  fc.constantFrom('localhost', 'docker.io', 'index.docker.io', '[::1]:5000', 'gcr.io', 'Foo'),
);
const componentArb = fc.stringMatching(/^[a-z0-9]{1,4}(?:(?:[._]|__|-{1,3})[a-z0-9]{1,4}){0,2}$/);
const pathArb = fc.array(componentArb, { minLength: 1, maxLength: 3 }).map((c) => c.join('/'));
const tagArb = fc.stringMatching(/^[\w][\w.-]{0,20}$/);
const digestArb = fc.constantFrom(`sha256:${H}`, `sha384:${H}${H.slice(0, 32)}`, `sha512:${H}${H}`);
const validArb = fc
  .record({ domain: fc.option(domainArb, { nil: undefined }), path: pathArb, tag: fc.option(tagArb, { nil: undefined }), digest: fc.option(digestArb, { nil: undefined }) })
  .map(({ domain, path, tag, digest }) => (domain === undefined ? '' : `${domain}/`) + path + (tag === undefined ? '' : `:${tag}`) + (digest === undefined ? '' : `@${digest}`));

/** Valid references with one character inserted or replaced: near misses that probe every error path. */
const nearMissArb = fc
  .tuple(validArb, fc.nat(), fc.constantFrom('-', '_', '.', ':', '/', '@', 'A', '[', ']', '%', ' ', '\u212a', '\u0130', '$'), fc.boolean())
  .map(([text, at, ch, insert]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + ch + text.slice(insert ? i : i + 1);
  });
const grammarArb = fc.stringMatching(ORACLE, { size: 'small' });
const allArb = fc.oneof(anyText, validArb, nearMissArb, grammarArb);

/** Go's strings.ToLower as it matters here: per code point, with U+0130 → "i" (Go's simple case mapping). */
const goLower = (text: string): string => Array.from(text, (c) => (c === '\u0130' ? 'i' : c.toLowerCase())).join('');
const SIZES: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** A second, independent rendering of ParseNormalizedNamed over the regular-expression oracle: normalized string or error. */
function oracleNormalize(s: string): { normalized: string } | { error: string } {
  if (/^[a-f0-9]{64}$/.test(s)) return { error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  let domain = 'docker.io';
  let remainder = s;
  const slash = s.indexOf('/');
  if (slash < 0) remainder = `library/${s}`;
  else {
    const first = s.slice(0, slash);
    const rest = s.slice(slash + 1);
    if (first === 'index.docker.io') remainder = rest;
    else if (first === 'localhost' || /[.:]/.test(first) || goLower(first) !== first) [domain, remainder] = [first, rest];
    if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  }
  const remote = remainder.split(':')[0]!;
  if (goLower(remote) !== remote) return { error: `invalid reference format: repository name (${remote}) must be lowercase` };
  const text = `${domain}/${remainder}`;
  const m = ORACLE.exec(text);
  if (!m) {
    const lower = goLower(text);
    return { error: lower !== text && ORACLE.test(lower) ? ERR_NAME_UPPERCASE : ERR_INVALID_FORMAT };
  }
  if (m[2]!.length > 255) return { error: ERR_NAME_TOO_LONG };
  if (m[4] !== undefined) {
    const [alg, hex] = [m[4].slice(0, m[4].indexOf(':')), m[4].slice(m[4].indexOf(':') + 1)];
    const size = SIZES[alg];
    if (size === undefined) return { error: /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(m[4]) ? DIGEST_UNSUPPORTED : DIGEST_INVALID_FORMAT };
    if (hex.length !== size) return { error: DIGEST_INVALID_LENGTH };
    if (!/^[a-f0-9]+$/.test(hex)) return { error: DIGEST_INVALID_FORMAT };
  }
  return { normalized: text };
}

describe('properties', () => {
  it('the scanner agrees with the upstream grammar (regular-expression oracle), parts included', () => {
    fc.assert(
      fc.property(allArb, (text) => {
        const expected = ORACLE.exec(text);
        const m = matchReference(text, { steps: 0 });
        expect(m !== undefined, text).toBe(expected !== null);
        if (!m || !expected) return;
        expect(m.domainEnd >= 0 ? text.slice(0, m.domainEnd) : undefined).toBe(expected[1]);
        expect(text.slice(m.pathStart, m.nameEnd)).toBe(expected[2]);
        expect(m.tagStart >= 0 ? text.slice(m.tagStart, m.digestStart >= 0 ? m.digestStart - 1 : text.length) : undefined).toBe(expected[3]);
        expect(m.digestStart >= 0 ? text.slice(m.digestStart) : undefined).toBe(expected[4]);
      }),
      RUN,
    );
  });

  it('normalization agrees with an independent rendering of ParseNormalizedNamed (normalized string or exact message)', () => {
    fc.assert(
      fc.property(allArb, (text) => {
        const r = parseImageReference(text);
        expect(r.ok ? { normalized: r.ref.normalized } : { error: r.error.upstreamMessage }, text).toEqual(oracleNormalize(text));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('never throws; errors have a message and an in-range span; refs have spans that slice back', () => {
    fc.assert(
      fc.property(allArb, (text) => {
        const r = parseImageReference(text);
        if (r.ok) {
          expectSpans(text, r.ref);
          imageTraps(text, r.ref);
        } else {
          expect(r.error.message).toMatch(/\S/);
          expect(r.error.upstreamMessage).toMatch(/\S/);
          expect(0 <= r.error.span.start && r.error.span.start <= r.error.span.end && r.error.span.end <= text.length).toBe(true);
          if (r.error.suggestion !== undefined) expect(parseImageReference(r.error.suggestion).ok).toBe(true);
        }
      }),
      RUN,
    );
  });

  it('valid references parse, and their spans slice back to the parts', () => {
    fc.assert(
      fc.property(validArb, (text) => {
        const r = parseImageReference(text);
        if (!r.ok) {
          // Only the normalization checks can reject grammar-valid text: upper case in a Hub path or the length limit.
          expect(['uppercase', 'name-too-long']).toContain(r.error.code);
          return;
        }
        expectSpans(text, r.ref);
      }),
      RUN,
    );
  });

  it('normalization is idempotent, and qualify agrees with it', () => {
    fc.assert(
      fc.property(allArb, (text) => {
        const r = parseImageReference(text);
        if (!r.ok) return;
        const again = ok(r.ref.normalized);
        expect(again.normalized).toBe(r.ref.normalized);
        expect(qualify(text)).toBe(r.ref.normalized);
      }),
      RUN,
    );
  });

  it('parse(print(ref)) round-trips', () => {
    fc.assert(
      fc.property(allArb, (text) => {
        const r = parseImageReference(text);
        if (!r.ok) return;
        const printed = printImageRef(r.ref);
        expect(printed).toBe(r.ref.normalized);
        const back = ok(printed);
        expect([back.domain, back.path, back.tag, back.digest]).toEqual([r.ref.domain, r.ref.path, r.ref.tag, r.ref.digest]);
      }),
      RUN,
    );
  });

  it('dockerRef is a valid reference with a tag or a digest, never both', () => {
    fc.assert(
      fc.property(validArb, (text) => {
        const r = parseImageReference(text);
        if (!r.ok) return;
        const docker = ok(r.ref.dockerRef);
        expect(docker.normalized).toBe(r.ref.dockerRef);
        expect((docker.tag === undefined) !== (docker.digest === undefined)).toBe(true);
      }),
      RUN,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Linear work on hostile input, measured by counting steps (not by a timer).

const N = 100_000;
const HOSTILE: Array<[string, (n: number) => string]> = [
  ['a…a!', (n) => `${a(n)}!`],
  ['dashes', (n) => '-'.repeat(n)],
  ['a-a-…!', (n) => `${'a-'.repeat(n / 2)}!`],
  ['a.a.…!', (n) => `${'a.'.repeat(n / 2)}!`],
  ['a__…!', (n) => `${'a__'.repeat(Math.floor(n / 3))}!`],
  ['[[[…', (n) => '['.repeat(n)],
  ['[:::…', (n) => `[${':'.repeat(n)}`],
  ['a/a/…/', (n) => 'a/'.repeat(n / 2)],
  ['a:a:…', (n) => 'a:'.repeat(n / 2)],
  ['@@@…', (n) => '@'.repeat(n)],
  ['A…A', (n) => 'A'.repeat(n)],
  ['Kelvin…', (n) => '\u212a'.repeat(n)],
  ['${${…', (n) => '${'.repeat(n / 2)],
  ['{{{{…', (n) => '{'.repeat(n)],
  ['{a{a…', (n) => '{a'.repeat(n / 2)],
  ['long valid path', (n) => `example.com/${'ab/'.repeat(n / 3)}c`],
  ['long tag', (n) => `ubuntu:${'b'.repeat(n)}`],
  ['long digest', (n) => `ubuntu@sha256:${'f'.repeat(n)}`],
  ['long digest algorithm', (n) => `ubuntu@${'a+'.repeat(n / 2)}b:${H}`],
  ['bare digest tag', (n) => `sha256:${'f'.repeat(n)}`],
  ['long host', (n) => `${'a-'.repeat(n / 2)}.com/app`],
  ['long host labels', (n) => `${'a.'.repeat(n / 2)}/app`],
  ['long port', (n) => `host:${'9'.repeat(n)}/app`],
  ['long IPv6', (n) => `[${'f:'.repeat(n / 2)}]:5000/app`],
  ['uppercase path', (n) => `docker.io/${'A'.repeat(n)}`],
  ['upper tail after colon', (n) => `a/b:c/${'D'.repeat(n)}`],
  ['underscore host as path', (n) => `${'a_'.repeat(n / 2)}b.com/app`],
  ['spaces', (n) => ' '.repeat(n)],
  ['scheme-like', (n) => `${'h'.repeat(n)}://x`],
];

describe('linear work on hostile input', () => {
  const work = (text: string): number => {
    const stats: ParseStats = { steps: 0 };
    parseImageReference(text, { stats });
    return stats.steps;
  };

  it.each(HOSTILE)('%s: steps ≤ 40·length at 100,000 characters, and doubling the input at most doubles the work', (_name, make) => {
    const big = make(N);
    expect(big.length).toBeGreaterThanOrEqual(N - 3);
    const steps = work(big);
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThanOrEqual(40 * big.length);
    const half = make(N / 2);
    expect(steps).toBeLessThanOrEqual(2.2 * work(half) + 1000);
    // The other helpers finish on the same input too.
    isTemplated(big);
    const r = parseImageReference(big);
    if (r.ok) imageTraps(big, r.ref);
    else expect(r.error.message.length).toBeLessThan(600);
  });

  it('random hostile inputs stay within 40 steps per character', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, validArb), fc.integer({ min: 1, max: 200 }), (text, times) => {
        const big = text.repeat(times);
        expect(work(big)).toBeLessThanOrEqual(40 * big.length + 400);
      }),
      { numRuns: 500 },
    );
  });
});
