// Bundles the CLI (and later the language server and extension) with esbuild into single files that start fast.
import { buildCli } from './build-cli.mjs';
import { buildLanguageServer } from './build-language-server.mjs';

await buildCli();

// The language server: packages/language-server/dist/server.js (`valohai-language-server --stdio`).
await buildLanguageServer();

// The VS Code extension: client, bundled language server, .valohai-lint.yaml schema and rule pages (extension/esbuild.mjs).
// Built without the server while packages/language-server has no entry point; `pnpm package` requires it.
const { buildExtension } = await import('../extension/esbuild.mjs');
await buildExtension({ requireServer: false });
