// Builds a bundle for a test only when it is missing or older than the sources it is made of, with the bundle's own
// script (which writes atomically), so test files running in parallel never rebuild each other's bundles.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `script` (relative to the repository) unless `bundle` is newer than every file under `sourceDirs`. */
export function ensureBundle(bundle: string, script: string, sourceDirs: readonly string[]): void {
  const sources = sourceDirs.map((d) => newestMtime(join(ROOT, d)));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources)) return;
  const r = spawnSync(process.execPath, [join(ROOT, script)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
}
