// Writes a generated file only when its content changed; with `--check` on the command line it writes nothing and
// fails when the file is stale (npm test runs every generator that way).
import { readFileSync, writeFileSync } from 'node:fs';

export function writeGenerated(target, text, name) {
  let previous = '';
  try {
    previous = readFileSync(target, 'utf8');
  } catch {
    // first run
  }
  if (previous === text) return;
  if (process.argv.includes('--check')) {
    console.error(`${name} is out of date: run pnpm gen`);
    process.exit(1);
  }
  writeFileSync(target, text);
}
