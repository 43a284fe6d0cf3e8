// Which files the plugin lints, as flat-config globs: the valohai.yaml names every surface shares (the core's
// file-names module: valohai.yaml, valohai.yml and variants such as staging.valohai.yaml or team_valohai.yml), and the
// CLI's own configuration files, whose problems are reported at their lines as the CLI reports them.
import { basename } from 'node:path';
import { VALOHAI_FILE_GLOBS } from '@valohai-lint/core/file-names';
import { CONFIG_NAMES } from '@valohai-lint/node';

export const VALOHAI_FILES: readonly string[] = VALOHAI_FILE_GLOBS;
export const CONFIG_FILES: readonly string[] = CONFIG_NAMES.map((name) => `**/${name}`);

/** True for `.valohai-lint.yaml` / `.valohai-lint.yml`, which are checked as configuration, not as valohai.yaml. */
export function isConfigFile(path: string): boolean {
  return CONFIG_NAMES.includes(basename(path));
}
