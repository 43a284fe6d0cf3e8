// Finds the `.valohai-lint.yaml` that applies to a file (from its folder upward to the repository root) and loads it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConfig, type ConfigFile, type Diagnostic } from '@valohai-lint/core';

export const CONFIG_NAMES = ['.valohai-lint.yaml', '.valohai-lint.yml'];

export interface LoadedConfig {
  /** Absolute path of the configuration file, or undefined when none applies. */
  path?: string;
  config: ConfigFile;
  diagnostics: Diagnostic[];
}

/** The nearest configuration file at or above `dir`, not looking above the repository root (a folder with `.git`). */
function findConfigFile(dir: string): string | undefined {
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

function loadConfigFile(path: string): LoadedConfig {
  const { config, diagnostics } = parseConfig(readFileSync(path, 'utf8'));
  return { path, config, diagnostics };
}

/** Caches loaded configurations per folder for one run (CLI) or until invalidated (language server). */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byPath = new Map<string, LoadedConfig>();

  /** The configuration that applies to a file: the nearest one found upward. */
  forFile(file: string): LoadedConfig {
    const dir = dirname(resolve(file));
    let path = this.byDir.get(dir);
    if (!this.byDir.has(dir)) {
      path = findConfigFile(dir);
      this.byDir.set(dir, path);
    }
    return path ? this.load(path) : { config: {}, diagnostics: [] };
  }

  /** A configuration file given by path (`--config`, the editor's configFile setting), loaded once. */
  load(path: string): LoadedConfig {
    const absolute = resolve(path);
    let loaded = this.byPath.get(absolute);
    if (!loaded) {
      loaded = loadConfigFile(absolute);
      this.byPath.set(absolute, loaded);
    }
    return loaded;
  }

  /** Forgets everything (a configuration file changed). */
  clear(): void {
    this.byDir.clear();
    this.byPath.clear();
  }
}
