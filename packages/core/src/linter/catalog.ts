// Every kind of finding valohai-lint can report, in one sorted list: the rules (which check documents) and the findings
// the engine and the configuration parser report themselves. Ids are unique across both; users configure and suppress
// them alike, and each has a documentation page.
import { configInvalid, configRegistryPattern } from '../config/findings.js';
import type { DeclaredFinding } from '../diagnostic/create.js';
import type { FindingMeta } from '../diagnostic/types.js';
import { fileEncoding, fileNotValohai, fileTooLarge, internalError, suppressionMalformed, suppressionUnused } from '../engine/findings.js';
import type { Rule } from '../engine/types.js';
import { allRules } from '../rules/index.js';
import { compareStrings } from '../util/text.js';

/** One kind of finding: a rule, or a finding reported by the engine or the configuration parser. */
export interface FindingKind {
  meta: FindingMeta;
  reportedBy: 'rule' | 'engine' | 'configuration';
}

const DECLARED: readonly DeclaredFinding[] = [configInvalid, configRegistryPattern, fileEncoding, fileNotValohai, fileTooLarge, internalError, suppressionMalformed, suppressionUnused];

const KINDS: readonly FindingKind[] = [
  ...allRules.map((r): FindingKind => ({ meta: r.meta, reportedBy: 'rule' })),
  ...DECLARED.map((f): FindingKind => ({ meta: f.meta, reportedBy: f.reportedBy })),
].sort((a, b) => compareStrings(a.meta.id, b.meta.id));

const kindsById = new Map(KINDS.map((k) => [k.meta.id, k]));
const rulesById = new Map<string, Rule>(allRules.map((r) => [r.meta.id, r]));
if (kindsById.size !== KINDS.length) throw new Error('Two kinds of finding share an id.');

/** The rules (checks of a document), sorted by id. */
export function getRules(): readonly Rule[] {
  return allRules;
}

export function getRule(id: string): Rule | undefined {
  return rulesById.get(id);
}

/** Every kind of finding, rules and engine findings alike, sorted by id. */
export function getFindingKinds(): readonly FindingKind[] {
  return KINDS;
}

export function getFindingKind(id: string): FindingKind | undefined {
  return kindsById.get(id);
}

/** Every id a user may configure or suppress. */
export const KNOWN_IDS: ReadonlySet<string> = new Set(kindsById.keys());
