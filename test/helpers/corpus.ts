// Where the shared corpus of real valohai.yaml files is: $VALOHAI_LINT_CORPUS, else ../shared/corpus beside the
// repository (read in place, never copied). In a clone without it the corpus tests are skipped, and the global setup
// (test/setup/corpus.ts) says so in one line (describeCorpus/itCorpus are in corpus-suite.ts); where it is required (.ci/run), its absence fails the run instead.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Where the corpus is looked for. */
const LOOKED_AT = process.env['VALOHAI_LINT_CORPUS'] ? resolve(process.env['VALOHAI_LINT_CORPUS']) : resolve(ROOT, '../shared/corpus');

/** The corpus folder (its real path: tools that report real paths, such as ESLint, must agree), or undefined. */
export const CORPUS: string | undefined = existsSync(join(LOOKED_AT, 'real', 'EXPECTED.json')) ? realpathSync(LOOKED_AT) : undefined;

export const HAS_CORPUS = CORPUS !== undefined;

/** A path inside the corpus (only call it in tests that run when the corpus is there). */
export function corpusPath(...parts: string[]): string {
  if (!CORPUS) throw new Error('The shared corpus is not available here.');
  return join(CORPUS, ...parts);
}

/** Every .yaml/.yml file below the given corpus folders (all of the corpus by default), sorted; none without it. */
export function corpusFiles(...folders: string[]): string[] {
  if (!CORPUS) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return walk(p);
      return /\.ya?ml$/.test(name) ? [p] : [];
    });
  return (folders.length ? folders : ['.']).flatMap((f) => walk(join(CORPUS, f))).sort();
}

/** The file names (without folders) of one corpus folder, sorted as corpusFiles sorts them. */
export function corpusNames(folder: string): string[] {
  return corpusFiles(folder).map((f) => basename(f));
}

/** The one line said when the corpus tests are skipped. */
export const CORPUS_MISSING = `corpus tests skipped: no shared corpus at ${LOOKED_AT} (set VALOHAI_LINT_CORPUS to its folder to run them)`;
