// Finds the `.valohai-lint.yaml` that applies to a file (from its folder upward to the repository root) and loads it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConfig, type ConfigFile, type Diagnostic } from '@valohai-lint/core';

export const CONFIG_NAMES = ['.valohai-lint.yaml', '.valohai-lint.yml'];

export interface LoadedConfig {
  /** Absolute path of the configuration file, or undefined when none applies. */
  path?: string;
  text?: string;
  config: ConfigFile;
  diagnostics: Diagnostic[];
}

/** The nearest configuration file at or above `dir`, not looking above the repository root (a folder with `.git`). */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(join(current, '.git'))) return undefined;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export function loadConfigFile(path: string): LoadedConfig {
  const text = readFileSync(path, 'utf8');
  const { config, diagnostics } = parseConfig(text);
  return { path, text, config, diagnostics };
}

/** Caches loaded configurations per folder for one run (CLI) or until invalidated (language server). */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byPath = new Map<string, LoadedConfig>();

  constructor(private readonly explicitPath?: string) {}

  /** The configuration that applies to a file. */
  forFile(file: string): LoadedConfig {
    if (this.explicitPath) return this.load(resolve(this.explicitPath));
    const dir = dirname(resolve(file));
    let path = this.byDir.get(dir);
    if (!this.byDir.has(dir)) {
      path = findConfigFile(dir);
      this.byDir.set(dir, path);
    }
    return path ? this.load(path) : { config: {}, diagnostics: [] };
  }

  private load(path: string): LoadedConfig {
    let loaded = this.byPath.get(path);
    if (!loaded) {
      loaded = loadConfigFile(path);
      this.byPath.set(path, loaded);
    }
    return loaded;
  }

  /** Forgets everything (a configuration file changed). */
  clear(): void {
    this.byDir.clear();
    this.byPath.clear();
  }
}
