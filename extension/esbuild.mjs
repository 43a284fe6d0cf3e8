// Builds the VS Code extension into extension/dist: the client (dist/extension.js, CommonJS, `vscode` external), the
// language server of packages/language-server (dist/server.js), the JSON Schema of .valohai-lint.yaml, the rule
// pages with their index (dist/docs/rules/*.md, dist/rules.json) and the pipeline-graph webview (dist/webview: its
// script, its page stylesheet and the graph's SVG stylesheet). scripts/build.mjs calls it; run directly it does the same.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const extensionDir = dirname(fileURLToPath(import.meta.url));
const root = join(extensionDir, '..');
const dist = join(extensionDir, 'dist');


/**
 * The language server's entry point (it reads --node-ipc or --stdio from the command line). Bundled here again, as
 * CommonJS, because packages/language-server/dist/server.js is ESM and this package is CommonJS.
 */
const SERVER_ENTRY = join(root, 'packages/language-server/src/main.ts');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // ESM sources may use import.meta.url; in a CommonJS bundle it becomes the bundle's own file URL.
  define: { 'import.meta.url': '__vlImportMetaUrl' },
  banner: { js: "const __vlImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

function ruleIndex() {
  const dir = join(root, 'docs/rules');
  const rules = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md') || name === 'README.md') continue;
    const text = readFileSync(join(dir, name), 'utf8');
    const id = /^id:\s*(\S+)\s*$/m.exec(text)?.[1] ?? name.slice(0, -3);
    // The first paragraph after the "# id" heading is the rule's one-sentence summary.
    const summary = /^# .*\n+([^\n#][^\n]*(?:\n[^\n#][^\n]*)*)/m.exec(text)?.[1] ?? '';
    rules.push({ file: name, id, description: summary.replace(/\s+/g, ' ').trim() });
  }
  return rules;
}

/**
 * The SVG stylesheet of @valohai-lint/graph, so the webview styles the server's SVG with a file the CSP allows rather
 * than the <style> embedded in it: packages/graph/src/style.ts bundled in memory and run here.
 */
async function graphStylesheet() {
  const out = await build({ entryPoints: [join(root, 'packages/graph/src/style.ts')], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning' });
  const module = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return module.svgStyle();
}

/** Builds extension/dist: the client, the bundled language server, the config schema and the rule pages. */
export async function buildExtension() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(dist, 'docs/rules'), { recursive: true });

  mkdirSync(join(dist, 'webview'), { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: [join(extensionDir, 'src/extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'] }),
    build({ ...common, entryPoints: [SERVER_ENTRY], outfile: join(dist, 'server.js') }),
    build({ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', minify: true, legalComments: 'none', logLevel: 'warning', entryPoints: [join(extensionDir, 'webview/graph-view.ts')], outfile: join(dist, 'webview/graph-view.js') }),
  ]);
  copyFileSync(join(extensionDir, 'webview/graph-view.css'), join(dist, 'webview/graph-view.css'));
  writeFileSync(join(dist, 'webview/graph.css'), `${await graphStylesheet()}\n`);

  copyFileSync(join(root, 'packages/core/src/config/valohai-lint.schema.json'), join(dist, 'valohai-lint.schema.json'));
  const rules = ruleIndex();
  for (const rule of rules) copyFileSync(join(root, 'docs/rules', rule.file), join(dist, 'docs/rules', rule.file));
  writeFileSync(
    join(dist, 'rules.json'),
    `${JSON.stringify(rules.map(({ id, description }) => ({ id, description })))}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildExtension();
}
