// Decides the configuration of each document: pulls the editor settings of its workspace folder (workspace/configuration,
// cached per document until the settings change), finds `.valohai-lint.yaml` with @valohai-lint/node and merges both.
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigFile, Diagnostic as CoreDiagnostic, LintConfig } from '@valohai-lint/core';
import { CONFIG_NAMES, configHome, ConfigResolver, type ConfigOverlay } from '@valohai-lint/node';
import { DEFAULT_SETTINGS, effectiveConfig, normalizeSettings, type ValohaiLintSettings } from './settings.js';

/** A problem with the configuration file that applies to a document, shown on the document itself. */
export type ConfigProblem = { kind: 'invalid'; path: string; diagnostics: CoreDiagnostic[] } | { kind: 'unreadable'; path: string; message: string };

export interface DocumentConfig {
  settings: ValohaiLintSettings;
  config: LintConfig;
  /** The configuration file in use, if any. */
  configPath?: string;
  problem?: ConfigProblem;
  /** Equal keys mean equal lint results for equal text. */
  key: string;
}

/** Where settings come from: the client's workspace/configuration, or settings the client pushed. */
export interface SettingsSource {
  /** Pulls the section for a scope URI; undefined when the client cannot be asked. */
  pull?(scopeUri: string): Promise<unknown>;
}

/** The file system path of a `file:` URI, or undefined for other schemes (untitled documents, virtual files). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class WorkspaceConfig {
  private readonly settingsCache = new Map<string, Promise<ValohaiLintSettings>>();
  private readonly configFiles: ConfigResolver;
  private pushed: unknown = undefined;
  private folderUris: string[] = [];

  /** `overlay` gives the text of configuration files open in the editor, which wins over the disk. */
  constructor(
    private readonly source: SettingsSource,
    private readonly log: (message: string) => void,
    overlay?: ConfigOverlay,
  ) {
    this.configFiles = new ConfigResolver(overlay);
  }

  /** Workspace folder URIs, longest first, so the innermost folder of a document is found first. */
  setFolders(uris: string[]): void {
    this.folderUris = [...uris].sort((a, b) => b.length - a.length);
  }

  folders(): string[] {
    return [...this.folderUris];
  }

  /** Settings a client pushed with workspace/didChangeConfiguration (used when it cannot be asked for them). */
  setPushedSettings(settings: unknown): void {
    this.pushed = settings;
  }

  /** Forgets cached editor settings (the editor's settings changed). */
  clearSettings(): void {
    this.settingsCache.clear();
  }

  /** Forgets loaded configuration files (one changed on disk). */
  clearConfigFiles(): void {
    this.configFiles.clear();
  }

  forget(uri: string): void {
    this.settingsCache.delete(uri);
  }

  /** The workspace folder URI a document belongs to, if any. */
  folderOf(uri: string): string | undefined {
    return this.folderUris.find((f) => uri === f || uri.startsWith(f.endsWith('/') ? f : `${f}/`));
  }

  settingsFor(uri: string): Promise<ValohaiLintSettings> {
    let cached = this.settingsCache.get(uri);
    if (!cached) {
      cached = this.readSettings(uri);
      this.settingsCache.set(uri, cached);
    }
    return cached;
  }

  private async readSettings(uri: string): Promise<ValohaiLintSettings> {
    let raw: unknown = this.pushed;
    if (this.source.pull) {
      try {
        // A client with nothing set answers null: the pushed settings (initializationOptions) are the fallback.
        raw = (await this.source.pull(uri)) ?? this.pushed;
      } catch (error) {
        this.log(`Could not read the editor settings for ${uri}: ${error instanceof Error ? error.message : String(error)}`);
        raw = this.pushed;
      }
    }
    const { settings, problems } = normalizeSettings(raw);
    for (const p of problems) this.log(p);
    return settings;
  }

  /** The configuration of a document: editor settings merged with the configuration file that applies to it. */
  async configFor(uri: string): Promise<DocumentConfig> {
    let settings: ValohaiLintSettings;
    try {
      settings = await this.settingsFor(uri);
    } catch {
      settings = DEFAULT_SETTINGS;
    }
    const { file, path, problem } = this.configFile(uri, settings);
    const config = effectiveConfig(file, settings);
    const out: DocumentConfig = { settings, config, key: JSON.stringify([settings.enable, config, path ?? null, problem ? problemKey(problem) : null]) };
    if (path) out.configPath = path;
    if (problem) out.problem = problem;
    return out;
  }

  /**
   * The configuration file a registry pattern for the document goes into: the one in use, else a new
   * `.valohai-lint.yaml` where discovery will find it (the repository root, or the workspace folder). Undefined for a
   * document that is not a file, or whose configuration file cannot be read.
   */
  patternFile(uri: string, config: DocumentConfig): string | undefined {
    if (config.problem?.kind === 'unreadable') return undefined;
    if (config.configPath) return config.configPath;
    const docPath = uriToPath(uri);
    if (docPath === undefined) return undefined;
    const folder = this.folderOf(uri);
    return join(configHome(docPath, folder ? uriToPath(folder) : undefined), CONFIG_NAMES[0]!);
  }

  private configFile(uri: string, settings: ValohaiLintSettings): { file?: ConfigFile; path?: string; problem?: ConfigProblem } {
    const docPath = uriToPath(uri);
    const explicit = settings.configFile ? this.explicitPath(uri, settings.configFile) : undefined;
    const target = explicit ?? docPath;
    if (target === undefined) return {};
    try {
      const loaded = explicit ? this.configFiles.load(explicit) : this.configFiles.forFile(target);
      if (!loaded.path) return {};
      const out: { file: ConfigFile; path: string; problem?: ConfigProblem } = { file: loaded.config, path: loaded.path };
      if (loaded.diagnostics.length > 0) out.problem = { kind: 'invalid', path: loaded.path, diagnostics: loaded.diagnostics };
      return out;
    } catch (error) {
      const path = target;
      return { path, problem: { kind: 'unreadable', path, message: error instanceof Error ? error.message : String(error) } };
    }
  }

  /** `valohaiLint.configFile` as an absolute path: relative paths are resolved against the document's workspace folder. */
  private explicitPath(uri: string, configFile: string): string {
    if (configFile === '~' || configFile.startsWith('~/')) return join(homedir(), configFile.slice(1));
    if (isAbsolute(configFile)) return configFile;
    const folder = this.folderOf(uri);
    const docPath = uriToPath(uri);
    const base = (folder && uriToPath(folder)) ?? (docPath ? dirname(docPath) : process.cwd());
    return resolve(base, configFile);
  }
}

function problemKey(problem: ConfigProblem): string {
  return problem.kind === 'invalid' ? `${problem.path}:${problem.diagnostics.map((d) => d.message).join('|')}` : `${problem.path}:${problem.message}`;
}
