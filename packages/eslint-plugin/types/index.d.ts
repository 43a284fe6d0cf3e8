// Public types of eslint-plugin-valohai (written by hand so that they need nothing but ESLint's own types; the
// implementation in src/index.ts is checked against them).
import type { ESLint, Linter, Rule } from 'eslint';

export interface ValohaiPluginConfig extends Linter.Config {
  name: string;
  files: string[];
  plugins: { valohai: ValohaiPlugin };
  language: 'valohai/yaml';
  rules: Record<`valohai/${string}`, 'error' | 'warn'>;
}

/** `settings.valohai` in an ESLint configuration. */
export interface ValohaiSettings {
  /** A .valohai-lint.yaml to use instead of the nearest one (relative to ESLint's working folder), or false for none. */
  configFile?: string | false;
  /** Replace the configuration file's registry credential patterns. */
  registries?: { pattern: string; type: string; description?: string }[];
  /** Replace the configuration file's public image patterns. */
  public?: string[];
  /** Files larger than this many characters are reported (valohai/file-too-large) instead of analyzed. */
  maxFileSize?: number;
}

export interface ValohaiPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  languages: { yaml: NonNullable<ESLint.Plugin['languages']>[string] };
  rules: Record<string, Rule.RuleModule | NonNullable<ESLint.Plugin['rules']>[string]>;
  configs: { recommended: ValohaiPluginConfig; all: ValohaiPluginConfig };
}

declare const plugin: ValohaiPlugin;
export { plugin };
export default plugin;
