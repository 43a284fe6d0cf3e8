// Builds every bundle: the CLI, the language server and the VS Code extension (client, bundled server, schema, rule pages).
import { buildCli } from './build-cli.mjs';
import { buildLanguageServer } from './build-language-server.mjs';

await buildCli();
await buildLanguageServer();
const { buildExtension } = await import('../extension/esbuild.mjs');
await buildExtension();
