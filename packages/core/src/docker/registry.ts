// Which registry a domain belongs to, and the traps: valid references that probably do not mean what was meant
// (distribution/reference's normalize.go does not do this; test/image-ref.test.ts has the cases).
import { isDigit, isLowerAlnum, isLowerHex } from '../util/ascii.js';
import { DIGEST_ALGORITHMS } from './digest.js';
import { DEFAULT_DOMAIN, LEGACY_DEFAULT_DOMAIN, looksLikeDomain, qualify } from './normalize.js';
import { quote as q } from './text.js';
import type { ImageRef, ImageTrap, RegistryKind, Span } from './types.js';

/** Other spellings of Docker Hub. Only `index.docker.io` is folded into `docker.io` by normalization. */
export const HUB_ALIASES: readonly string[] = [LEGACY_DEFAULT_DOMAIN, 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com'];

const HUB_HOSTS: ReadonlySet<string> = new Set([DEFAULT_DOMAIN, ...HUB_ALIASES]);

/** Splits `host[:port]` (IPv6 in brackets) and lower-cases the host: DNS names are case-insensitive. */
function hostAndPort(domain: string): { host: string; port?: string } {
  const close = domain.startsWith('[') ? domain.indexOf(']') : -1;
  const colon = domain.indexOf(':', close + 1);
  if (colon < 0) return { host: domain.toLowerCase() };
  return { host: domain.slice(0, colon).toLowerCase(), port: domain.slice(colon + 1) };
}

/** True when `domain` (as written) is Docker Hub spelled other than `docker.io`: an alias, upper case, or port 443. */
export function isHubAlias(domain: string): boolean {
  const { host, port } = hostAndPort(domain);
  return domain !== DEFAULT_DOMAIN && HUB_HOSTS.has(host) && (port === undefined || port === '443');
}

const isLabel = (label: string | undefined, ok: (c: number) => boolean): boolean => {
  if (!label) return false;
  for (let i = 0; i < label.length; i++) if (!ok(label.charCodeAt(i))) return false;
  return true;
};
const isRegionChar = (c: number): boolean => isLowerAlnum(c) || c === 0x2d;

/** `<12-digit account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]` */
function isEcr(host: string): boolean {
  const labels = host.split('.');
  if (labels.length === 7 && labels[6] !== 'cn') return false;
  if (labels.length !== 6 && labels.length !== 7) return false;
  const [account, dkr, ecr, region, amazonaws, com] = labels;
  return (
    account?.length === 12 &&
    isLabel(account, isDigit) &&
    dkr === 'dkr' &&
    (ecr === 'ecr' || ecr === 'ecr-fips') &&
    isLabel(region, isRegionChar) &&
    amazonaws === 'amazonaws' &&
    com === 'com'
  );
}

const hasSubdomain = (host: string, suffix: string): boolean => host.length > suffix.length && host.endsWith(suffix);

/** The kind of registry `domain` is (compared case-insensitively, port ignored). `''` (no domain) is 'other'. */
export function registryKind(domain: string): RegistryKind {
  const { host } = hostAndPort(domain);
  if (HUB_HOSTS.has(host)) return 'docker-hub';
  if (isEcr(host)) return 'ecr';
  if (host === 'gcr.io' || hasSubdomain(host, '.gcr.io')) return 'gcr';
  if (hasSubdomain(host, '-docker.pkg.dev') && isLabel(host.slice(0, -'-docker.pkg.dev'.length), isRegionChar)) return 'artifact-registry';
  if (hasSubdomain(host, '.azurecr.io')) return 'acr';
  if (hasSubdomain(host, '.jfrog.io')) return 'jfrog';
  if (host === 'ghcr.io') return 'ghcr';
  if (host === 'nvcr.io') return 'nvcr';
  if (host === 'quay.io') return 'quay';
  if (host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return 'localhost';
  return 'other';
}

/** Each kind of registry as people name it, in messages and hovers. */
export const REGISTRY_LABELS: Readonly<Record<RegistryKind, string>> = {
  'docker-hub': 'Docker Hub',
  ecr: 'AWS ECR',
  gcr: 'GCP Container Registry',
  'artifact-registry': 'GCP Artifact Registry',
  acr: 'Azure Container Registry',
  jfrog: 'JFrog Artifactory',
  ghcr: 'GitHub Container Registry',
  nvcr: 'NVIDIA NGC',
  quay: 'Quay',
  localhost: 'a local registry',
  other: 'a generic Docker registry',
};

/** Registries whose images are private by nature: pulling from them needs credentials unless a repository was made public. */
export const PRIVATE_KINDS: ReadonlySet<RegistryKind> = new Set<RegistryKind>(['ecr', 'gcr', 'artifact-registry', 'acr', 'jfrog']);

/** The traps in a valid reference `ref` parsed from `text`. */
export function imageTraps(text: string, ref: ImageRef): ImageTrap[] {
  const traps: ImageTrap[] = [];
  const add = (trap: ImageTrap): void => {
    if (trap.suggestion === undefined || trap.suggestion === text) delete trap.suggestion;
    traps.push(trap);
  };
  const whole: Span = { start: 0, end: text.length };
  const domainSpan = ref.spans.domain;
  if (domainSpan) {
    const written = text.slice(domainSpan.start, domainSpan.end);
    const rest = text.slice(domainSpan.end + 1);
    if (isHubAlias(written)) {
      const suggestion = qualify(`${DEFAULT_DOMAIN}/${rest}`);
      const fix = suggestion === undefined ? '"docker.io"' : q(suggestion);
      const message =
        written === LEGACY_DEFAULT_DOMAIN
          ? `${q(written)} is the legacy name of Docker Hub; write ${fix} so that registry patterns for "docker.io/…" match it.`
          : `${q(written)} is Docker Hub spelled differently, and only "docker.io" is treated as Docker Hub (no "library/", no Docker Hub patterns); write ${fix}.`;
      add({ code: 'hub-alias', message, span: domainSpan, ...(suggestion === undefined ? {} : { suggestion }) });
    } else if (written.toLowerCase() !== written) {
      const lower = written.toLowerCase();
      const candidate = `${lower}/${rest}`;
      const message = looksLikeDomain(lower)
        ? `Registry host ${q(written)} has upper case letters; write ${q(lower)}, because registry patterns and Docker compare host names exactly.`
        : `${q(written)} is read as a registry host only because it has upper case letters (Docker Hub namespaces are lowercase); did you mean ${q(candidate)}?`;
      add({ code: 'uppercase-domain', message, span: domainSpan, ...(qualify(candidate) === undefined ? {} : { suggestion: candidate }) });
    }
  }
  if (ref.domain === '') {
    const slash = text.indexOf('/');
    const first = text.slice(0, slash);
    add({
      code: 'domain-not-host',
      message: `${q(first)} is not a valid registry host, so Docker reads ${q(text)} as a repository path without any registry; fix the host name (letters, digits, "-" and "." only).`,
      span: { start: 0, end: slash },
    });
  }
  if (!text.includes('/')) {
    const name = text.slice(ref.spans.path.start, ref.spans.path.end);
    const tag = ref.tag;
    const size = DIGEST_ALGORITHMS.get(name);
    if (tag !== undefined && ref.digest === undefined && size !== undefined && tag.length === size && isLabel(tag, isLowerHex)) {
      add({
        code: 'bare-digest',
        message: `${q(text)} looks like a digest without an image name; a digest needs a name before "@", e.g. ${q(`python@${text}`)}.`,
        span: whole,
      });
    } else if (name === 'localhost' || name.includes('.')) {
      const hostPort = tag !== undefined && isLabel(tag, isDigit);
      const meant = hostPort ? `${name}:${tag}` : name;
      const example = `${meant}/my-image${tag !== undefined && !hostPort ? `:${tag}` : ''}`;
      add({
        code: 'registry-without-path',
        message: `${q(text)} has no "/", so it is the Docker Hub image ${q(ref.normalized)}${hostPort ? ` with tag ${q(tag)}` : ''}, not an image on the registry ${q(meant)}; add the repository after "/", e.g. ${q(example)}.`,
        span: { start: 0, end: ref.spans.digest?.start !== undefined ? ref.spans.digest.start - 1 : text.length },
      });
    }
  }
  return traps;
}
