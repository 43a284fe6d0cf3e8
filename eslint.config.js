// ESLint flat config for the project's own TypeScript (typescript-eslint, type-aware where it pays).
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The core stays pure: no file system, no process, no editor API.
const IMPURE = { group: ['node:*', 'fs', 'path', 'child_process', 'vscode', 'vscode-*'], message: 'The core stays pure: no file system, no process, no editor API.' };
const { layers } = JSON.parse(readFileSync(new URL('packages/core/layers.json', import.meta.url), 'utf8'));

/**
 * One block per layer of packages/core/layers.json: a module may not import a folder of its own layer (other than its
 * own folder) or of a layer above. Imports are relative, so `../<folder>/…` names the folder.
 */
function coreLayerBlocks() {
  return layers.flatMap((units, i) =>
    units.map((unit) => {
      const forbidden = layers.slice(i).flat().filter((u) => u !== unit);
      const isFile = unit.endsWith('.ts');
      const prefix = isFile ? './' : '../';
      const patterns = forbidden.map((u) => (u.endsWith('.ts') ? `${prefix}${u.replace(/\.ts$/, '.js')}` : `${prefix}${u}/*`));
      return {
        files: [isFile ? `packages/core/src/${unit}` : `packages/core/src/${unit}/**/*.ts`],
        rules: {
          'no-restricted-imports': ['error', { patterns: [IMPURE, ...(patterns.length ? [{ group: patterns, message: `packages/core/layers.json puts "${unit}" below this folder; import only from lower layers.` }] : [])] }],
        },
      };
    }),
  );
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tools/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  { files: ['*.config.{js,ts}', 'eslint.config.js'], rules: { 'no-restricted-syntax': 'off' } },
  // CommonJS on purpose (it starts faster): the npm bin.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [IMPURE] }],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  ...coreLayerBlocks(),
);
