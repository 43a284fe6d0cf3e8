// Which registry patterns a set of valohai.yaml files needs (for `valohai-lint init`): one per private registry host
// and repository prefix their images use that no configured pattern covers, and, as candidates for the user to
// confirm, one per Docker Hub namespace or other registry whose images may or may not be private.
import { resolveConfig } from '../config/resolve.js';
import type { LintConfig } from '../config/types.js';
import { REGISTRY_LABELS } from '../docker/registry.js';
import type { RegistryKind } from '../docker/types.js';
import { createDocument } from '../document/document.js';
import { buildModel } from '../model/model.js';
import { patternMatches, shadows } from '../registry/pattern.js';
import { analyzeImages } from './analyze.js';
import { suggestRegistryPattern } from './suggest-pattern.js';
import { compareStrings } from '../util/text.js';

export interface PlanInput {
  /** How the file is named in comments and messages (a path relative to where the configuration goes). */
  name: string;
  text: string;
  /** The configuration that applies to the file now, if any. */
  config?: LintConfig;
}

export interface ImageSite {
  file: string;
  /** `step "train"`, `pipeline "p" node "n"`. */
  owner: string;
  image: string;
}

export interface PlannedPattern {
  pattern: string;
  kind: RegistryKind;
  /** The registry as people name it ("AWS ECR"). */
  registry: string;
  /** Where the images it covers are used, in file order. */
  sites: ImageSite[];
}

export interface CredentialPlan {
  /** Patterns for private registries that nothing covers yet: images there need credentials. */
  needed: PlannedPattern[];
  /** Patterns for images that need credentials only if they are private (Docker Hub namespaces, other registries). */
  candidates: PlannedPattern[];
}

type Group = Map<string, PlannedPattern>;

function add(group: Group, pattern: string, kind: RegistryKind, site: ImageSite): void {
  let entry = group.get(pattern);
  if (!entry) {
    entry = { pattern, kind, registry: REGISTRY_LABELS[kind], sites: [] };
    group.set(pattern, entry);
  }
  entry.sites.push(site);
}

/** Drops every pattern a broader one of `keep` (or of the list itself) covers, moving its sites to that one. */
function withoutShadowed(list: PlannedPattern[], keep: readonly PlannedPattern[] = []): PlannedPattern[] {
  const out: PlannedPattern[] = [];
  const sorted = [...list].sort((a, b) => a.pattern.length - b.pattern.length || (a.pattern < b.pattern ? -1 : 1));
  for (const p of sorted) {
    const broader = [...keep, ...out].find((o) => o.pattern !== p.pattern && shadows(o.pattern, p.pattern));
    if (broader) broader.sites.push(...p.sites);
    else out.push(p);
  }
  return out.sort((a, b) => compareStrings(a.pattern, b.pattern));
}

export function planCredentials(files: readonly PlanInput[]): CredentialPlan {
  const needed: Group = new Map();
  const candidates: Group = new Map();
  for (const file of files) {
    const config = resolveConfig(file.config);
    for (const a of analyzeImages(buildModel(createDocument(file.text).root), config)) {
      if (!a.ref || a.publicBy !== undefined || a.coveredBy || a.kind === undefined) continue;
      const site: ImageSite = { file: file.name, owner: a.use.owner, image: a.use.value };
      if (a.needsCredentials && a.reason === 'private-registry') add(needed, a.suggestedPattern ?? suggestRegistryPattern(a.ref), a.kind, site);
      else if (a.needsCredentials || a.form === 'official-short' || a.kind === 'localhost') continue;
      else if (!(a.ref.domain === 'docker.io' && a.ref.path.startsWith('library/'))) {
        const pattern = suggestRegistryPattern(a.ref);
        // A pattern the configuration already lists, which covers the full name only, is image-fully-qualified's business.
        if (!config.registries.some((r) => r.pattern === pattern || patternMatches(r.pattern, a.ref!.normalized))) add(candidates, pattern, a.kind, site);
      }
    }
  }
  const neededList = withoutShadowed([...needed.values()]);
  return { needed: neededList, candidates: withoutShadowed([...candidates.values()], neededList) };
}
