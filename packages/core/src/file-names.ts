// Which files are valohai.yaml files: the one definition the CLI (folder search), the language server, the VS Code
// extension (document selector, activation) and the ESLint plugin (`files`) share, so none lints a file another skips.
// A leaf module with no imports, so clients can take it without the analyzer (`@valohai-lint/core/file-names`).

/**
 * `valohai.yaml` / `valohai.yml`, and variants that end in one after a `.`, `_` or `-` (`staging.valohai.yaml`,
 * `team_valohai.yml`, `gpu-valohai.yaml`). Matched against the base name.
 */
const VALOHAI_FILE_NAME = /(?:^|[._-])valohai\.ya?ml$/;

/** True when a base name (no folders) names a valohai.yaml file. */
export function isValohaiFileName(baseName: string): boolean {
  return VALOHAI_FILE_NAME.test(baseName);
}

/** The same set as globs at any depth (`**` crosses folders; `[…]` is one character of the set). */
export const VALOHAI_FILE_GLOBS: readonly string[] = ['**/valohai.yaml', '**/valohai.yml', '**/*[._-]valohai.yaml', '**/*[._-]valohai.yml'];
