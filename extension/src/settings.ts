// The extension's settings (valohaiLint.*), read per resource and handed to the language server when it asks for them
// (workspace/configuration), so every folder of a multi-root workspace gets its own values.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The configuration section of every setting this extension contributes. */
export const SECTION = 'valohaiLint';

/** Severities a rule can be set to, as in `.valohai-lint.yaml`. */
export type RuleSetting = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** One private-registry credential, as in the `registries` list of `.valohai-lint.yaml`. */
export interface RegistrySetting {
  pattern: string;
  type: string;
  description?: string;
}

/** What the server receives for one resource: the user's settings, with paths made absolute. */
export interface ResourceSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  registries: RegistrySetting[];
  public: string[];
  /** Absolute path of the configuration file to use instead of discovery, or null to discover. */
  configFile: string | null;
  /** Absolute path of the workspace folder that holds the resource, if any. */
  workspaceFolder: string | null;
}

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** The file names that are always linted, whatever `valohaiLint.files` says. */
export const DEFAULT_FILE_PATTERNS: readonly string[] = [
  '**/valohai.yaml',
  '**/valohai.yml',
  '**/*.valohai.yaml',
  '**/*.valohai.yml',
];

/** Configuration files of valohai-lint; the server reports the problems it finds in them. */
export const CONFIG_FILE_PATTERNS: readonly string[] = ['**/.valohai-lint.yaml', '**/.valohai-lint.yml'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

/** The settings that apply to `scope` (a file or folder URI; undefined for the window-wide values). */
export function readSettings(scope: vscode.Uri | undefined): ResourceSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
  const folderPath = folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : null;

  const rules: Record<string, RuleSetting> = {};
  const rawRules = config.get<unknown>('rules');
  if (isRecord(rawRules)) {
    for (const [id, severity] of Object.entries(rawRules)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as RuleSetting;
    }
  }

  const registries: RegistrySetting[] = [];
  const rawRegistries = config.get<unknown>('registries');
  if (Array.isArray(rawRegistries)) {
    for (const entry of rawRegistries) {
      if (!isRecord(entry) || typeof entry.pattern !== 'string' || typeof entry.type !== 'string') continue;
      const registry: RegistrySetting = { pattern: entry.pattern, type: entry.type };
      if (typeof entry.description === 'string') registry.description = entry.description;
      registries.push(registry);
    }
  }

  const configFile = config.get<string>('configFile', '').trim();
  return {
    enable: config.get<boolean>('enable', true) !== false,
    rules,
    registries,
    public: stringList(config.get<unknown>('public')),
    configFile: configFile === '' ? null : resolveConfigFile(configFile, folderPath),
    workspaceFolder: folderPath,
  };
}

/** `~/x`, absolute and folder-relative paths, resolved to an absolute path. */
export function resolveConfigFile(value: string, folderPath: string | null): string {
  if (value === '~' || value.startsWith('~/')) return path.join(os.homedir(), value.slice(1));
  if (path.isAbsolute(value)) return value;
  return path.resolve(folderPath ?? process.cwd(), value);
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
