// The extension's settings (valohaiLint.*), read per resource and handed to the language server when it asks for them
// (workspace/configuration), so every folder of a multi-root workspace gets its own values. The server checks the
// values and names what it ignores in its log.
import * as vscode from 'vscode';
import { VALOHAI_FILE_GLOBS } from '../../packages/core/src/file-names.js';
import { SETTINGS_SECTION } from '../../packages/language-server/src/protocol.js';

/** The configuration section of every setting this extension contributes. */
export const SECTION = SETTINGS_SECTION;

/** What the server receives for one resource: the user's settings as VS Code has them (the server checks them). */
export interface ResourceSettings {
  enable: boolean;
  rules: unknown;
  registries: unknown;
  public: unknown;
  /** The configuration file to use instead of discovery (the server resolves `~` and relative paths), or null. */
  configFile: string | null;
}

/** The file names that are always linted, whatever `valohaiLint.files` says: the same set the CLI finds. */
export const DEFAULT_FILE_PATTERNS: readonly string[] = VALOHAI_FILE_GLOBS;

/** Configuration files of valohai-lint; the server reports the problems it finds in them. */
export const CONFIG_FILE_PATTERNS: readonly string[] = ['**/.valohai-lint.yaml', '**/.valohai-lint.yml'];

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

/** The settings that apply to `scope` (a file or folder URI; undefined for the window-wide values). */
export function readSettings(scope: vscode.Uri | undefined): ResourceSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const configFile = config.get<string>('configFile', '').trim();
  return {
    enable: config.get<boolean>('enable', true) !== false,
    rules: config.get<unknown>('rules'),
    registries: config.get<unknown>('registries'),
    public: config.get<unknown>('public'),
    configFile: configFile === '' ? null : configFile,
  };
}

/**
 * The glob patterns of the documents the client sends to the server: the fixed file names, the configuration files
 * and `valohaiLint.files`. A pattern without a leading `**` or `/` matches at any depth (it gets a `**` prefix),
 * because VS Code matches document filters against the whole path.
 */
export function documentPatterns(): string[] {
  const extra = stringList(vscode.workspace.getConfiguration(SECTION).get<unknown>('files')).map((pattern) =>
    pattern.startsWith('**') || pattern.startsWith('/') ? pattern : `**/${pattern.replace(/^\.\//, '')}`,
  );
  return [...new Set([...DEFAULT_FILE_PATTERNS, ...CONFIG_FILE_PATTERNS, ...extra])];
}
