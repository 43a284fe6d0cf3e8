// `valohai-lint init [folder]`: writes a starter `.valohai-lint.yaml` in the folder (default: the current one) from the
// images of the valohai.yaml files below it: one registry pattern per private registry host and repository prefix,
// candidates for Docker Hub namespaces commented out, and the `public` section. It never overwrites a file: where a
// configuration already applies, it prints what that configuration lacks instead.
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { planCredentials, renderAdditions, renderStarterConfig, usedBy, type PlanInput } from '@valohai-lint/core';
import { ConfigResolver, type LoadedConfig } from '@valohai-lint/node';
import { findFiles } from './files.js';
import { plural } from './formatters/types.js';
import type { Io } from './main.js';

export const INIT_HELP = `Usage: valohai-lint init [folder]

Writes a starter .valohai-lint.yaml in the folder (default: the current one) from the
valohai.yaml files below it: a registry pattern for each private registry they use
(AWS ECR, Azure, GCP, JFrog), Docker Hub namespaces as commented-out candidates, and
the public section. An existing configuration file is never changed: init prints
what it lacks instead.
`;

const CONFIG_NAME = '.valohai-lint.yaml';

const slashes = (path: string): string => path.split(sep).join('/');

/** Writes `text` to `path` only if no file is there (an exclusive create, so nothing can be overwritten). */
function createExclusively(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch {
    return false;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

export function runInit(argv: readonly string[], io: Io): number {
  let positionals: string[];
  let help: boolean;
  try {
    const parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' } } });
    positionals = parsed.positionals;
    help = Boolean(parsed.values.help);
  } catch (error) {
    io.stderr.write(`valohai-lint init: ${(error as Error).message}\n${INIT_HELP}`);
    return 2;
  }
  if (help) {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr.write(`valohai-lint init: give one folder, not ${positionals.length}.\n${INIT_HELP}`);
    return 2;
  }
  const folder = resolve(io.cwd, positionals[0] ?? '.');
  const shown = (path: string): string => slashes(relative(io.cwd, path)) || '.';
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
  } catch {
    io.stderr.write(`valohai-lint init: "${positionals[0] ?? '.'}" is not a folder.\n`);
    return 2;
  }
  const files = findFiles([folder], io.cwd).files;
  if (files.length === 0) {
    io.stderr.write(`valohai-lint init: no valohai.yaml or valohai.yml found under "${shown(folder)}".\n`);
    return 2;
  }

  // Each file is planned against the configuration that applies to it now; files without one get the new file.
  const resolver = new ConfigResolver();
  const byConfig = new Map<string | undefined, { loaded: LoadedConfig; inputs: PlanInput[] }>();
  for (const file of files) {
    const loaded = resolver.forFile(file);
    if (loaded.diagnostics.some((d) => d.severity === 'error')) {
      io.stderr.write(`valohai-lint init: ${shown(loaded.path ?? file)} has errors; run valohai-lint to see them.\n`);
      return 2;
    }
    const base = loaded.path ? resolve(loaded.path, '..') : folder;
    const group = byConfig.get(loaded.path) ?? { loaded, inputs: [] };
    group.inputs.push({ name: slashes(relative(base, file)), text: readFileSync(file, 'utf8'), ...(loaded.path ? { config: loaded.config } : {}) });
    byConfig.set(loaded.path, group);
  }

  for (const [path, { inputs }] of byConfig) {
    const plan = planCredentials(inputs);
    const count = plural(inputs.length, 'valohai.yaml file');
    if (path === undefined) {
      const target = join(folder, CONFIG_NAME);
      if (!createExclusively(target, renderStarterConfig(plan))) {
        io.stderr.write(`valohai-lint init: could not create ${shown(target)} (it may have appeared meanwhile); nothing was overwritten.\n`);
        return 2;
      }
      io.stdout.write(`Wrote ${shown(target)} for ${count}.\n`);
      for (const p of plan.needed) io.stdout.write(`  registry pattern ${p.pattern} (${usedBy(p)})\n`);
      if (plan.candidates.length > 0) io.stdout.write(`  ${plan.candidates.length} commented-out candidate${plan.candidates.length === 1 ? '' : 's'} for images that need credentials only if they are private\n`);
      io.stdout.write('Make each pattern the one set up in Valohai (Manage organization -> Registries), then run valohai-lint.\n');
      continue;
    }
    const additions = renderAdditions(plan);
    const heading =
      plan.needed.length > 0
        ? `its ${count} need these under "registries":`
        : additions === ''
          ? `it covers the images of its ${count}.`
          : `it covers the private images of its ${count}. If any of these is private too, add it under "registries":`;
    io.stdout.write(`${shown(path)} exists and is left as it is; ${heading}\n${additions}`);
  }
  return 0;
}
