// Vitest global setup: one clear line when the shared corpus is absent (its tests are then skipped), and a failed run
// when VALOHAI_LINT_REQUIRE_CORPUS=1 (as .ci/run sets it), so CI can never pass with the corpus tests skipped.
import { CORPUS_MISSING, HAS_CORPUS } from '../helpers/corpus.js';

export function setup(): void {
  if (HAS_CORPUS) return;
  if (process.env['VALOHAI_LINT_REQUIRE_CORPUS'] === '1') {
    throw new Error(`VALOHAI_LINT_REQUIRE_CORPUS=1 but ${CORPUS_MISSING.replace('corpus tests skipped: ', '')}.`);
  }
  // Every project of the run calls this setup; say it once.
  if (process.env['VALOHAI_LINT_CORPUS_NOTICE'] === 'said') return;
  process.env['VALOHAI_LINT_CORPUS_NOTICE'] = 'said';
  process.stdout.write(`${CORPUS_MISSING}\n`);
}
