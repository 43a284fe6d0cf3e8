// Finds the `.valohai-lint.yaml` that applies to a file (from its folder upward to the repository root) and loads it.
// A configuration path that is not a readable regular UTF-8 file of sensible size is a configuration error at that path.
import { existsSync, lstatSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decodeSource, encodingResult, parseConfig, type ConfigFile, type Diagnostic } from '@valohai-lint/core';
import { describeError, readRegularFile } from './read-file.js';

export const CONFIG_NAMES = ['.valohai-lint.yaml', '.valohai-lint.yml'];

/** A configuration file is a few KB; anything over this is not one, and is not read. */
export const MAX_CONFIG_BYTES = 1_000_000;

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
      // lstat, not exists: a dangling link named like a configuration file is reported, not silently passed over.
      if (isPresent(candidate)) return candidate;
    }
    if (existsSync(join(current, '.git'))) return undefined;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A problem with the configuration file as a whole, at its start. */
function fileProblem(message: string): Diagnostic {
  return { ruleId: 'config-invalid', messageId: 'invalid', message, severity: 'error', span: { start: 0, end: 0 }, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

function loadConfigFile(path: string): LoadedConfig {
  const name = basename(path);
  const read = readRegularFile(path, MAX_CONFIG_BYTES);
  if (read.kind === 'error') return { path, config: {}, diagnostics: [fileProblem(`The configuration file "${name}" cannot be read: ${describeError(read.error)}.`)] };
  if (read.kind === 'not-a-file') return { path, config: {}, diagnostics: [fileProblem(`The configuration file "${name}" is ${read.what}, not a regular file, so it was not read; replace it with a file or remove it.`)] };
  if (read.kind === 'too-large') return { path, config: {}, diagnostics: [fileProblem(`The configuration file "${name}" has ${read.size} bytes, more than the ${MAX_CONFIG_BYTES} a configuration file can have, so it was not read.`)] };
  const decoded = decodeSource(read.bytes);
  if (!decoded.ok) return { path, config: {}, diagnostics: encodingResult(decoded).diagnostics.map((d) => ({ ...d, ruleId: 'config-invalid', messageId: 'invalid' })) };
  const { config, diagnostics } = parseConfig(decoded.text);
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
