// One vitest run for the whole workspace, in three tiers that `npm test` runs together:
// - unit: in-process tests (the core, the language server's modules, the CLI's run(), corpus parity, property tests);
//   `pnpm test:unit`, which runs it on every core (vitest leaves one free by default, which on two cores halves it).
//   Its files share each worker's modules (isolate: false): importing the core afresh for each of fifty files cost
//   half of the tier's time, and the files pass in any order (checked with shuffled runs).
// - protocol: real processes speaking their protocol: the language server over stdio, the bundled CLI executable (with
//   hostile inputs, as an unprivileged user, on a full disk), Graphviz reading every DOT output.
// - e2e: real third-party clients: VS Code (code-server in headless Chromium), Neovim, the pre-commit framework, the
//   ESLint CLI with the plugin (ESLint's RuleTester runs in process, in the unit tier), Mermaid drawing in Chromium.
import { defineConfig } from 'vitest/config';

const E2E = ['test/extension/vscode.test.ts', 'test/lsp/neovim.test.ts', 'test/pre-commit.test.ts', 'test/eslint/cli-parity.test.ts', 'test/eslint/comments-config.test.ts', 'test/eslint/other-configs.test.ts', 'test/eslint/package.test.ts', 'test/graph/mermaid.test.ts'];
const PROTOCOL = ['test/lsp/**/*.test.ts', 'test/cli/bundle.test.ts', 'test/graph/outputs.test.ts', 'test/reliability/files-and-output.test.ts', 'test/reliability/fix-writes.test.ts', 'test/reliability/hostile-inputs.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/setup/corpus.ts'],
    projects: [
      { extends: true, test: { name: 'unit', isolate: false, include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...E2E, ...PROTOCOL, '**/node_modules/**'] } },
      { extends: true, test: { name: 'protocol', include: PROTOCOL, exclude: [...E2E, '**/node_modules/**'] } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
