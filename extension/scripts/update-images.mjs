// Copies the screenshots the VS Code test took (test-results/extension/) into extension/images/ for the README,
// only those that changed. Run after the test: node extension/scripts/update-images.mjs
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(extensionDir, '..', 'test-results', 'extension');
const names = ['problems', 'quick-fix', 'hover', 'image-hover', 'outline', 'pipeline-graph'];

let missing = 0;
for (const name of names) {
  const source = join(from, `${name}.png`);
  const target = join(extensionDir, 'images', `${name}.png`);
  if (!existsSync(source)) {
    console.error(`missing ${source}: run pnpm vitest run test/extension/vscode.test.ts first`);
    missing++;
    continue;
  }
  if (existsSync(target) && readFileSync(source).equals(readFileSync(target))) continue;
  copyFileSync(source, target);
  console.log(`updated images/${name}.png`);
}
process.exitCode = missing > 0 ? 1 : 0;
