// Pins a test to some rules: --rule flags that turn every other rule off, so that rules added later cannot change
// the output of tests about formats and integrations.
import { getFindingKinds } from '@valohai-lint/core';

/** The rules a pinned test keeps: the YAML-level ones its fixtures exercise, and internal-error so crashes still show. */
export const PINNED_RULES = ['yaml-syntax', 'yaml-duplicate-key', 'yaml-ambiguous-value', 'suppression-unused', 'suppression-malformed', 'internal-error'];

export function onlyRules(ids: readonly string[] = PINNED_RULES): string[] {
  return getFindingKinds()
    .filter((r) => !ids.includes(r.meta.id))
    .flatMap((r) => ['--rule', `${r.meta.id}=off`]);
}
