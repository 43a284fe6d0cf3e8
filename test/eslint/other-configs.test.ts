// The plugin next to the configurations teams already have: an eslint.config.js that lints JavaScript and TypeScript
// (@eslint/js, typescript-eslint), and one that uses eslint-plugin-yml on every YAML file. valohai.yaml gets this
// plugin's findings and only those; the other files get theirs; nothing crashes.
import { describe, expect, it } from 'vitest';
import { eslintProject, runEslint } from '../helpers/eslint.js';

interface EslintJson {
  filePath: string;
  messages: { ruleId: string | null; line: number; fatal?: boolean }[];
}

function rulesByFile(dir: string, stdout: string): Record<string, string[]> {
  const json = JSON.parse(stdout) as EslintJson[];
  return Object.fromEntries(json.map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => `${m.ruleId}@${m.line}`).sort()]));
}

const VALOHAI_YAML = '- step:\n    name: train\n    image: python\n    command: python train.py\n';
const VALOHAI_FINDINGS = ['valohai/image-fully-qualified@3', 'valohai/image-tag@3'];

describe('a repository whose eslint.config.js also lints JavaScript and TypeScript', () => {
  const config = `import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import valohai from 'eslint-plugin-valohai';

// JavaScript rules need a JavaScript SourceCode, so their configs are given \`files\` (docs/eslint.md says why).
export default tseslint.config(
  { files: ['**/*.{js,mjs,cjs,ts}'], extends: [js.configs.recommended, ...tseslint.configs.recommended] },
  valohai.configs.recommended,
);
`;
  it('lints valohai.yaml with the plugin, and the code with its own rules', () => {
    const dir = eslintProject({ 'eslint.config.js': config, 'package.json': '{"type":"module"}', 'src/index.js': 'const unused = 1;\n', 'src/app.ts': 'export const x: any = 1;\n', 'valohai.yaml': VALOHAI_YAML }, ['eslint-plugin-valohai', '@eslint/js', 'typescript-eslint']);
    const run = runEslint('10.15.0', ['--format', 'json', '.'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(rulesByFile(dir, run.stdout)).toEqual({
      'eslint.config.js': [],
      'src/index.js': ['@typescript-eslint/no-unused-vars@1'],
      'src/app.ts': ['@typescript-eslint/no-explicit-any@1'],
      'valohai.yaml': VALOHAI_FINDINGS,
    });
  });
});

describe('a repository that also uses eslint-plugin-yml on every YAML file', () => {
  const config = `import valohai from 'eslint-plugin-valohai';
import yml from 'eslint-plugin-yml';

export default [...yml.configs.recommended, valohai.configs.recommended];
`;
  it('lints valohai.yaml with the plugin only, and the other YAML with eslint-plugin-yml', () => {
    const dir = eslintProject({ 'eslint.config.js': config, 'valohai.yaml': VALOHAI_YAML, 'deploy/other.yaml': 'a: 1\nb:\nc: 2\n', 'staging.valohai.yml': VALOHAI_YAML }, ['eslint-plugin-valohai', 'eslint-plugin-yml']);
    const run = runEslint('10.15.0', ['--format', 'json', '.'], dir);
    expect(run.stderr).toBe('');
    expect(rulesByFile(dir, run.stdout)).toEqual({
      'eslint.config.js': [],
      'deploy/other.yaml': ['yml/no-empty-mapping-value@2'],
      'staging.valohai.yml': VALOHAI_FINDINGS,
      'valohai.yaml': VALOHAI_FINDINGS,
    });
    // --fix leaves both kinds of file loadable and fixes each with its own rules.
    const fixed = runEslint('10.15.0', ['--fix', '--format', 'json', '.'], dir);
    expect(fixed.stderr).toBe('');
    expect(rulesByFile(dir, fixed.stdout)['valohai.yaml']).toEqual(['valohai/image-tag@3']);
  });
});
