// eslint-plugin-valohai: valohai.yaml checked by ESLint. The language `valohai/yaml`, every valohai-lint rule as
// `valohai/<rule-id>`, and the flat configs `recommended` (every rule at its default severity) and `all` (every rule
// as an error), both for the valohai.yaml names the CLI lints and for `.valohai-lint.yaml`.
import type { ValohaiPlugin } from '../types/index.js';
import { CONFIG_FILES, VALOHAI_FILES } from './files.js';
import { findingKinds } from './finding-kinds.js';
import { valohaiYaml } from './language.js';
import { createRules, eslintSeverity } from './rules.js';

declare const ESLINT_PLUGIN_VALOHAI_VERSION: string | undefined;
const version = typeof ESLINT_PLUGIN_VALOHAI_VERSION === 'string' ? ESLINT_PLUGIN_VALOHAI_VERSION : '0.1.0';

const files = [...VALOHAI_FILES, ...CONFIG_FILES];

function config(name: string, severity: (id: string) => 'error' | 'warn'): ValohaiPlugin['configs']['recommended'] {
  return {
    name: `valohai/${name}`,
    files,
    plugins: { valohai: plugin },
    language: 'valohai/yaml',
    rules: Object.fromEntries(findingKinds().map((meta) => [`valohai/${meta.id}`, severity(meta.id)])),
  };
}

const defaultSeverities = new Map(findingKinds().map((meta) => [meta.id, eslintSeverity(meta)]));

export const plugin: ValohaiPlugin = {
  meta: { name: 'eslint-plugin-valohai', version, namespace: 'valohai' },
  languages: { yaml: valohaiYaml },
  rules: createRules(),
  configs: {} as ValohaiPlugin['configs'],
};
plugin.configs.recommended = config('recommended', (id) => defaultSeverities.get(id) ?? 'error');
plugin.configs.all = config('all', () => 'error');

export { plugin as default };
