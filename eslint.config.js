// ESLint flat config for the project's own TypeScript (typescript-eslint, type-aware where it pays).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      // The core stays pure: no file system, no process, no editor API.
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'child_process', 'vscode', 'vscode-*'] }],
      'no-restricted-globals': ['error', 'process'],
    },
  },
);
