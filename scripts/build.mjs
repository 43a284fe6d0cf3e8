// Builds every bundle: the CLI, the language server, the ESLint plugin and the VS Code extension (client, bundled server,
// schema, rule pages).
import { buildCli } from './build-cli.mjs';
import { buildEslintPlugin } from './build-eslint-plugin.mjs';
import { buildLanguageServer } from './build-language-server.mjs';

await buildCli();
await buildLanguageServer();
await buildEslintPlugin();
const { buildExtension } = await import('../extension/esbuild.mjs');
await buildExtension();
