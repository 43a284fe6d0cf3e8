// valohai-lint's command line: finds files, loads configuration, lints, fixes, formats and sets the exit code. Every
// file is handled on its own: one that cannot be read, searched or written costs one line on standard error and exit
// code 2, and the report of the others is still printed.
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { decodeSource, defaultSeverities, encodingResult, fixText, getFindingKind, getFindingKinds, globMatcher, lint, mergeConfigs, resolveConfig, ruleDocsPath, tooLargeResult, type ConfigFile, type Diagnostic, type LintConfig, type LintResult } from '@valohai-lint/core';
import { ConfigResolver, describeError, readRegularFile, type LoadedConfig } from '@valohai-lint/node';
import { HELP, parseCliArgs, UsageError, type CliOptions, type FormatName, type FormatRequest } from './args.js';
import { palette, useColor } from './colors.js';
import { printable, printablePath } from './escape.js';
import { BadGlob, findFiles, maxBytesFor, relativePath } from './files.js';
import { runGraph } from './graph-command.js';
import { runInit } from './init.js';
import { github } from './formatters/github.js';
import { gitlab } from './formatters/gitlab.js';
import { json } from './formatters/json.js';
import { sarif } from './formatters/sarif.js';
import { stylish } from './formatters/stylish.js';
import { counts, plural, type FileResult, type FormatContext, type Formatter } from './formatters/types.js';
import { linterInputAt, outputProblem, writeReport } from './report-output.js';
import { unifiedDiff } from './unified-diff.js';
import { RunTimer } from './timing.js';
import { replaceFile } from './write.js';

declare const VALOHAI_LINT_VERSION: string | undefined;
export const VERSION = typeof VALOHAI_LINT_VERSION === 'string' ? VALOHAI_LINT_VERSION : '0.1.0';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** Standard input's bytes, or how many bytes it had past `maxBytes` (then it is not kept, nor read to its end). */
  readStdin(maxBytes: number): Promise<Uint8Array | { tooLarge: string }>;
  /** Called once before linting with how many bytes the files to lint have (the executable tunes the JIT with it). */
  beforeLint?(bytes: number): void;
}

const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif, github, gitlab };

function listRules(options: CliOptions, io: Io): number {
  const rules = getFindingKinds();
  const asJson = options.formats.some((f) => f.name === 'json');
  if (asJson) {
    const out = rules.map((r) => ({
      id: r.meta.id,
      area: r.meta.area,
      severity: r.meta.defaultSeverity,
      ...(r.meta.messageSeverities ? { messageSeverities: r.meta.messageSeverities } : {}),
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
      const others = defaultSeverities(r.meta).filter((sev) => sev !== r.meta.defaultSeverity);
      const flags = [others.length ? `${others.join(' or ')} by case` : '', r.meta.fixable ? 'fixable' : '', r.meta.parity ? 'parity' : '', r.reportedBy === 'rule' ? '' : `reported by the ${r.reportedBy}`].filter(Boolean).join(', ');
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
  const rel = printablePath(relativePath(io.cwd, loaded.path ?? '.valohai-lint.yaml'));
  for (const d of loaded.diagnostics) io.stderr.write(`${rel}:${d.start.line}:${d.start.column}: ${d.severity}: ${printable(d.message)} (${d.ruleId})\n`);
}

// Each configuration's `ignore` globs compiled once, not once per file.
const ignoreMatchers = new WeakMap<LoadedConfig, (relativePath: string) => boolean>();

/** True when a configuration's `ignore` globs (relative to the configuration's folder) match the file. */
function isIgnored(loaded: LoadedConfig, file: string): boolean {
  const globs = loaded.config.ignore ?? [];
  if (globs.length === 0 || !loaded.path) return false;
  let matches = ignoreMatchers.get(loaded);
  if (!matches) {
    matches = globMatcher(globs);
    ignoreMatchers.set(loaded, matches);
  }
  return matches(relative(dirname(loaded.path), file).split(sep).join('/'));
}

/** A file's lint result, and the one line to print when it could not be read or written. */
interface FileOutcome {
  result?: FileResult;
  failure?: string;
  /** How many problems --fix fixed in the file it rewrote. */
  fixed?: number;
}

/** Reads and lints one file, fixing it with --fix or printing its diff with --fix-dry-run. Never throws. */
function lintFile(path: string, rel: string, config: LintConfig, options: CliOptions, io: Io, timer?: RunTimer): FileOutcome {
  const limit = resolveConfig(config).maxFileSize;
  const readFile = (): ReturnType<typeof readRegularFile> => readRegularFile(path, maxBytesFor(limit));
  const read = timer ? timer.reading(readFile) : readFile();
  if (read.kind === 'error') return { failure: `cannot read "${rel}": ${describeError(read.error)}` };
  if (read.kind === 'not-a-file') return { failure: `cannot lint "${rel}": it is ${read.what}, not a regular file` };
  // Not read at all, so nothing of it is shown either.
  if (read.kind === 'too-large') return { result: resultOf(path, rel, '', tooLargeResult(read.size, config, 'bytes')) };
  const decoded = decodeSource(read.bytes);
  // Not UTF-8: reported at the first bad byte, and never fixed, as there is no text to fix without guessing.
  if (!decoded.ok) return { result: resultOf(path, rel, decoded.text, encodingResult(decoded, config)) };
  const text = decoded.text;
  // The size finding never shows the file it refused.
  if (text.length > limit) return { result: resultOf(path, rel, '', tooLargeResult(text.length, config)) };
  if (!options.fix && !options.fixDryRun) return { result: resultOf(path, rel, text, lint(text, config, timer ? { timings: timer.lint } : undefined)) };
  const fixed = fixText(text, config);
  if (options.fixDryRun) {
    io.stdout.write(unifiedDiff(printable(rel), text, fixed.edits));
    return { result: resultOf(path, rel, text, fixed.initial) };
  }
  if (fixed.text === text) return { result: resultOf(path, rel, text, fixed.result) };
  const written = replaceFile(path, read, fixed.text);
  // Not fixed: what is reported is the file as it is.
  if (!written.ok) return { result: resultOf(path, rel, text, fixed.initial), failure: `did not fix "${rel}": ${written.reason}` };
  return { result: { ...resultOf(path, rel, fixed.text, fixed.result), fixed: true }, fixed: fixed.applied };
}

/** Lints standard input; with --fix prints the fixed text (the input unchanged when it cannot be fixed). */
async function lintStdin(options: CliOptions, config: LintConfig, path: string, io: Io): Promise<{ result: FileResult; code?: number }> {
  const rel = relativePath(io.cwd, path);
  const limit = resolveConfig(config).maxFileSize;
  const input = await io.readStdin(maxBytesFor(limit));
  const oneLine = (d: Diagnostic): string => `${printablePath(rel)}:${d.start.line}:${d.start.column}: ${d.severity}: ${printable(d.message)} (${d.ruleId})\n`;
  if (!(input instanceof Uint8Array)) {
    const result = resultOf(path, rel, '', tooLargeResult(input.tooLarge, config, 'bytes'));
    // --fix must pass its input through, and this input was not kept.
    if (options.fix) {
      io.stderr.write(`valohai-lint: standard input has ${input.tooLarge} bytes, too many to read, so nothing was written.\n`);
      return { result, code: 2 };
    }
    return { result };
  }
  const decoded = decodeSource(input);
  if (!decoded.ok) {
    const result = resultOf(path, rel, decoded.text, encodingResult(decoded, config));
    if (options.fix || options.fixDryRun) {
      if (options.fix) io.stdout.write(input);
      for (const d of result.diagnostics) io.stderr.write(oneLine(d));
      return { result, code: result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0 };
    }
    return { result };
  }
  const text = decoded.text;
  if (text.length > limit && !options.fix) return { result: resultOf(path, rel, '', tooLargeResult(text.length, config)) };
  if (options.fix || options.fixDryRun) {
    const fixed = fixText(text, config);
    if (options.fix) io.stdout.write(fixed.text);
    else io.stdout.write(unifiedDiff(printable(rel), text, fixed.edits));
    return { result: resultOf(path, rel, text, fixed.result), code: fixed.result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0 };
  }
  return { result: resultOf(path, rel, text, lint(text, config)) };
}

/** The absolute path each report file goes to, after checking it can be written; throws UsageError otherwise. */
function reportPaths(options: CliOptions, cwd: string): Map<FormatRequest, string> {
  const paths = new Map<FormatRequest, string>();
  const taken = new Map<string, FormatName>();
  for (const request of options.formats) {
    if (request.output === undefined) continue;
    const abs = resolve(cwd, request.output);
    const problem = outputProblem(abs);
    if (problem) throw new UsageError(`--format ${request.name}=${printable(request.output)} cannot be written: ${problem}.`);
    const other = taken.get(abs);
    if (other) throw new UsageError(`--format ${other} and --format ${request.name} both write to "${printable(request.output)}"; give each its own file.`);
    taken.set(abs, request.name);
    paths.set(request, abs);
  }
  return paths;
}

/** Runs the CLI and resolves to its exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'graph') return runGraph(argv.slice(1), io);
  if (argv[0] === 'init') return runInit(argv.slice(1), io);
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`valohai-lint: ${printable((error as Error).message)}\nRun valohai-lint --help for usage.\n`);
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
  const timer = io.env['VALOHAI_LINT_TIMING'] ? new RunTimer() : undefined;
  const code = await lintFiles(options, io, timer);
  if (timer) io.stderr.write(timer.line());
  return code;
}

/** Lints what the options name and writes the reports; the exit code. */
async function lintFiles(options: CliOptions, io: Io, timer: RunTimer | undefined): Promise<number> {
  let overrides: ConfigFile;
  let outputs: Map<FormatRequest, string>;
  try {
    overrides = cliOverrides(options);
    outputs = reportPaths(options, io.cwd);
  } catch (error) {
    io.stderr.write(`valohai-lint: ${(error as Error).message}\n`);
    return 2;
  }
  const explicit = options.config === undefined ? undefined : resolve(io.cwd, options.config);
  if (explicit !== undefined && !existsSync(explicit)) {
    io.stderr.write(`valohai-lint: the configuration file "${printable(options.config!)}" does not exist.\n`);
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
  let failed = false;
  const fail = (line: string): void => {
    io.stderr.write(`valohai-lint: ${printable(line)}\n`);
    failed = true;
  };
  if (options.stdin) {
    const path = resolve(io.cwd, options.stdinFilename ?? '<stdin>');
    const c = configOf(path);
    if (!c) return 2;
    const { result, code } = await lintStdin(options, c.config, path, io);
    if (code !== undefined) return code;
    results.push(result);
  } else {
    let search;
    try {
      search = findFiles(options.paths, io.cwd);
    } catch (error) {
      if (!(error instanceof BadGlob)) throw error;
      io.stderr.write(`valohai-lint: ${printable(error.message)}\n`);
      return 2;
    }
    for (const u of search.unreadable) fail(`cannot search "${relativePath(io.cwd, u.path)}": ${u.reason}`);
    if (search.files.length === 0) {
      if (search.unreadable.length === 0) {
        const what = options.paths.length === 0 ? 'No valohai.yaml or valohai.yml found under the current folder.' : `No files matched ${search.unmatched.map((u) => `"${printable(u)}"`).join(', ')}.`;
        io.stderr.write(`valohai-lint: ${what}\n`);
      }
      return 2;
    }
    for (const [request, path] of outputs) {
      const input = linterInputAt(path, [...search.files, ...(explicit ? [explicit] : [])]);
      if (input) {
        io.stderr.write(`valohai-lint: --format ${request.name} would write its report over "${printable(relativePath(io.cwd, input))}", which is being linted; choose another file.\n`);
        return 2;
      }
    }
    io.beforeLint?.(search.files.reduce((sum, f) => sum + fileSize(f), 0));
    let ignored = 0;
    const fixedCount = { problems: 0, files: 0 };
    for (const path of search.files) {
      const c = configOf(path);
      if (!c) return 2;
      if (isIgnored(c.loaded, path)) {
        ignored++;
        continue;
      }
      const outcome = lintFile(path, relativePath(io.cwd, path), c.config, options, io, timer);
      if (outcome.failure) fail(outcome.failure);
      if (outcome.result) results.push(keptForOutput(outcome.result, options));
      if (outcome.fixed) {
        fixedCount.problems += outcome.fixed;
        fixedCount.files++;
      }
    }
    // On standard error, so that machine-readable formats on standard output stay intact; a run that fixed nothing
    // stays quiet (a file that could not be written has its own line).
    if (options.fix && fixedCount.problems > 0) io.stderr.write(`valohai-lint: fixed ${plural(fixedCount.problems, 'problem')} in ${plural(fixedCount.files, 'file')}.\n`);
    // However it happens (everything ignored, unreadable or not found), a run that linted nothing is not a success.
    if (results.length === 0) {
      const why = ignored === search.files.length ? `every file found (${ignored}) is ignored by the configuration's "ignore" list` : 'no file found could be read';
      io.stderr.write(`valohai-lint: nothing was linted: ${why}.\n`);
      return 2;
    }
  }

  const report = (): void => writeReports(results, options, outputs, io, fail);
  if (timer) timer.writing(report);
  else report();
  if (failed) return 2;
  const { errors, warnings } = counts(results);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`valohai-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/** Writes each requested format's report of the results, to standard output or to its file. */
function writeReports(results: readonly FileResult[], options: CliOptions, outputs: Map<FormatRequest, string>, io: Io, fail: (line: string) => void): void {
  const visible = results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d: Diagnostic) => shown(d, options)) }));
  for (const request of options.formats) {
    const colors = palette(options.color ?? (request.output ? false : useColor(io.stdout, io.env)));
    const context: FormatContext = { cwd: io.cwd, rules: getFindingKinds(), colors, version: VERSION, env: io.env };
    const text = FORMATTERS[request.name](visible, context);
    const path = outputs.get(request);
    if (path === undefined) io.stdout.write(text);
    else {
      const problem = writeReport(path, text);
      if (problem) fail(`cannot write the ${request.name} report to "${request.output}": ${problem}`);
    }
  }
}

/**
 * What every format reports: errors only with --quiet; else errors, warnings and infos (what an editor's problem list
 * shows), and hints (which editors show only as a subtle mark in the text) with --include-hints. Exit codes never
 * depend on infos or hints.
 */
function shown(d: Diagnostic, options: CliOptions): boolean {
  if (options.quiet) return d.severity === 'error';
  return d.severity !== 'hint' || options.includeHints;
}

/** Formats that read a file's parsed tree (for fingerprints, and for pipeline graphs in the job summary). */
const TREE_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(['sarif', 'gitlab', 'github']);

/**
 * What a file's result keeps until the report is written: its parsed tree only when a requested format reads it, so
 * that linting many files for the usual formats holds no more per file than its text and findings.
 */
function keptForOutput(result: FileResult, options: CliOptions): FileResult {
  if (!result.document || options.formats.some((f) => TREE_FORMATS.has(f.name))) return result;
  const { document: _tree, ...rest } = result;
  return rest;
}

/** A file's result for the formatters, keeping the parsed document so that no formatter parses the text again. */
function resultOf(path: string, rel: string, text: string, result: LintResult): FileResult {
  return { path, relativePath: rel, text, diagnostics: result.diagnostics, ...(result.document ? { document: result.document } : {}) };
}

/** A file's size in bytes, or 0 when it cannot be read (it is reported when linted). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
