// Where the shared corpus is (../shared/corpus, read in place, never copied), and a describe() that in a clone without
// it says so in one line instead of failing. Stands in until the project has one corpus helper for every test.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';

export const CORPUS = join(import.meta.dirname, '../../../shared/corpus');
export const CORPUS_PRESENT = existsSync(join(CORPUS, 'README.md'));

/** The YAML files of a corpus folder, sorted ([] when the corpus is absent). */
export function corpusFiles(folder: string): string[] {
  return CORPUS_PRESENT ? readdirSync(join(CORPUS, folder)).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
}

/** describe(name, fn) over the corpus; without ../shared/corpus one skipped test that says why. */
export function describeCorpus(name: string, fn: () => void): void {
  if (CORPUS_PRESENT) {
    describe(name, fn);
    return;
  }
  const why = `${name}: skipped, ../shared/corpus is not next to this clone`;
  console.warn(why);
  it.skip(why, () => undefined);
}
