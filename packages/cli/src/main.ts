// valohai-lint's command line: finds files, loads configuration, lints, fixes, formats and sets the exit code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { fixText, getFindingKind, getFindingKinds, lint, mergeConfigs, ruleDocsPath, type ConfigFile, type Diagnostic, type LintConfig, type LintResult } from '@valohai-lint/core';
import { ConfigResolver, type LoadedConfig } from '@valohai-lint/node';
import { minimatch } from 'minimatch';
import { HELP, parseCliArgs, UsageError, type CliOptions, type FormatName } from './args.js';
import { palette, useColor } from './colors.js';
import { findFiles } from './files.js';
import { github } from './formatters/github.js';
import { gitlab } from './formatters/gitlab.js';
import { json } from './formatters/json.js';
import { sarif } from './formatters/sarif.js';
import { stylish } from './formatters/stylish.js';
import { counts, type FileResult, type FormatContext, type Formatter } from './formatters/types.js';
import { writeAtomically } from './write.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

declare const VALOHAI_LINT_VERSION: string | undefined;
export const VERSION = typeof VALOHAI_LINT_VERSION === 'string' ? VALOHAI_LINT_VERSION : '0.1.0';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  readStdin(): Promise<string>;
}

const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif, github, gitlab };

/** Reads a file as text, dropping nothing: a BOM and CRLF line ends are kept so that fixes can keep them too. */
function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

function listRules(options: CliOptions, io: Io): number {
  const rules = getFindingKinds();
  const asJson = options.formats.some((f) => f.name === 'json');
  if (asJson) {
    const out = rules.map((r) => ({
      id: r.meta.id,
      area: r.meta.area,
      severity: r.meta.defaultSeverity,
      description: r.meta.description,
      fixable: r.meta.fixable,
      hasSuggestions: r.meta.hasSuggestions,
      parity: r.meta.parity,
      reportedBy: r.reportedBy,
      docs: ruleDocsPath(r.meta.id),
    }));
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const width = Math.max(...rules.map((r) => r.meta.id.length));
    for (const r of rules) {
      const flags = [r.meta.fixable ? 'fixable' : '', r.meta.parity ? 'parity' : '', r.reportedBy === 'rule' ? '' : `reported by the ${r.reportedBy}`].filter(Boolean).join(', ');
      io.stdout.write(`${r.meta.id.padEnd(width)}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.description}${flags ? ` (${flags})` : ''}\n`);
    }
  }
  return 0;
}

function cliOverrides(options: CliOptions): ConfigFile {
  for (const id of Object.keys(options.rules)) {
    if (!getFindingKind(id)) throw new UsageError(`--rule names an unknown rule "${id}"; run valohai-lint --list-rules to see them.`);
  }
  return { rules: options.rules as LintConfig['rules'] };
}

/** Prints a configuration file's problems (path:line:column, as editors and CI parse them). */
function reportConfigErrors(loaded: LoadedConfig, io: Io): void {
  const rel = relativePath(io.cwd, loaded.path ?? '.valohai-lint.yaml');
  for (const d of loaded.diagnostics) io.stderr.write(`${rel}:${d.start.line}:${d.start.column}: ${d.severity}: ${d.message} (${d.ruleId})\n`);
}

/** True when a configuration's `ignore` globs (relative to the configuration's folder) match the file. */
function isIgnored(loaded: LoadedConfig, file: string): boolean {
  const globs = loaded.config.ignore ?? [];
  if (globs.length === 0 || !loaded.path) return false;
  const rel = relative(dirname(loaded.path), file).split(sep).join('/');
  return globs.some((g) => minimatch(rel, g, { dot: true }) || minimatch(rel, `${g.replace(/\/$/, '')}/**`, { dot: true }));
}

function relativePath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

/** Runs the CLI and resolves to its exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`valohai-lint: ${(error as Error).message}\nRun valohai-lint --help for usage.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (options.listRules) return listRules(options, io);

  let overrides: ConfigFile;
  try {
    overrides = cliOverrides(options);
  } catch (error) {
    io.stderr.write(`valohai-lint: ${(error as Error).message}\n`);
    return 2;
  }
  const explicit = options.config === undefined ? undefined : resolve(io.cwd, options.config);
  if (explicit !== undefined && !existsSync(explicit)) {
    io.stderr.write(`valohai-lint: the configuration file "${options.config}" does not exist.\n`);
    return 2;
  }
  const resolver = new ConfigResolver();
  const reportedConfigs = new Set<string>();
  /** The configuration for one file, or undefined (after printing why) when the configuration file is invalid. */
  const configOf = (file: string): { loaded: LoadedConfig; config: LintConfig } | undefined => {
    const loaded = explicit ? resolver.load(explicit) : resolver.forFile(file);
    if (loaded.diagnostics.length > 0 && !reportedConfigs.has(loaded.path ?? '')) {
      reportedConfigs.add(loaded.path ?? '');
      reportConfigErrors(loaded, io);
    }
    // Warnings about patterns are shown; only errors make the configuration unusable.
    if (loaded.diagnostics.some((d) => d.severity === 'error')) return undefined;
    return { loaded, config: mergeConfigs(loaded.config, overrides) };
  };
  if (options.printConfig !== undefined) {
    const target = resolve(io.cwd, options.printConfig);
    const c = configOf(target);
    if (!c) return 2;
    const { ignore: _ignore, ...lintConfig } = c.config as ConfigFile;
    io.stdout.write(`${JSON.stringify({ file: relativePath(io.cwd, target), configFile: c.loaded.path ? relativePath(io.cwd, c.loaded.path) : null, ignored: isIgnored(c.loaded, target), config: lintConfig }, null, 2)}\n`);
    return 0;
  }

  const results: FileResult[] = [];
  const fixedCount = { problems: 0, files: 0 };
  if (options.stdin) {
    const text = await io.readStdin();
    const name = options.stdinFilename ?? '<stdin>';
    const path = resolve(io.cwd, name);
    const c = configOf(path);
    if (!c) return 2;
    const config = c.config;
    if (options.fix || options.fixDryRun) {
      const fixed = fixText(text, config);
      if (options.fix) io.stdout.write(fixed.text);
      else io.stdout.write(unifiedDiff(relativePath(io.cwd, path), text, fixed.text));
      return fixed.result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    }
    results.push(resultOf(path, relativePath(io.cwd, path), text, lint(text, config)));
  } else {
    const search = findFiles(options.paths, io.cwd);
    if (search.files.length === 0) {
      const what = options.paths.length === 0 ? 'No valohai.yaml or valohai.yml found under the current folder.' : `No files matched ${search.unmatched.map((u) => `"${u}"`).join(', ')}.`;
      io.stderr.write(`valohai-lint: ${what}\n`);
      return 2;
    }
    for (const path of search.files) {
      const c = configOf(path);
      if (!c) return 2;
      if (isIgnored(c.loaded, path)) continue;
      const config = c.config;
      let text: string;
      try {
        text = readText(path);
      } catch (error) {
        io.stderr.write(`valohai-lint: cannot read "${relativePath(io.cwd, path)}": ${(error as Error).message}\n`);
        return 2;
      }
      const rel = relativePath(io.cwd, path);
      if (options.fix || options.fixDryRun) {
        const fixed = fixText(text, config);
        if (fixed.text !== text) {
          if (options.fix) {
            writeAtomically(path, fixed.text);
            fixedCount.problems += fixed.applied;
            fixedCount.files++;
          } else io.stdout.write(unifiedDiff(rel, text, fixed.text));
        }
        // --fix reports what is left after fixing; --fix-dry-run reports the file as it is.
        const result = options.fix ? resultOf(path, rel, fixed.text, fixed.result) : resultOf(path, rel, text, fixed.initial);
        results.push(options.fix && fixed.text !== text ? { ...result, fixed: true } : result);
      } else {
        results.push(resultOf(path, rel, text, lint(text, config)));
      }
    }
  }

  const visible = results.map((r) => ({ ...r, diagnostics: options.quiet ? r.diagnostics.filter((d: Diagnostic) => d.severity === 'error') : r.diagnostics }));
  for (const request of options.formats) {
    const colors = palette(options.color ?? (request.output ? false : useColor(io.stdout, io.env)));
    const context: FormatContext = { cwd: io.cwd, rules: getFindingKinds(), colors, version: VERSION, env: io.env };
    const text = FORMATTERS[request.name](visible, context);
    if (request.output) writeFileSync(resolve(io.cwd, request.output), text);
    else io.stdout.write(text);
  }
  // On standard error, so that machine-readable formats on standard output stay intact.
  if (options.fix && !options.stdin) io.stderr.write(`valohai-lint: ${fixedCount.problems === 0 ? 'nothing to fix' : `fixed ${plural(fixedCount.problems, 'problem')} in ${plural(fixedCount.files, 'file')}`}.\n`);
  const { errors, warnings } = counts(results);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`valohai-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/** A file's result for the formatters, keeping the parsed document so that no formatter parses the text again. */
function resultOf(path: string, rel: string, text: string, result: LintResult): FileResult {
  return { path, relativePath: rel, text, diagnostics: result.diagnostics, ...(result.document ? { document: result.document } : {}) };
}

function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
}
