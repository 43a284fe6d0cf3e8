// The core's lint of one file, run once and shared by every `valohai/*` rule that ESLint enabled for it. Each rule
// registers itself while ESLint creates the rules (before any rule listener runs), so the core runs exactly the rules
// that are on in ESLint: a rule that is off reports nothing and suppresses nothing, as in the CLI.
import { relative, resolve } from 'node:path';
import { applyFixes, createDocument, lint, mergeConfigs, parseConfig, type ConfigFile, type Diagnostic, type LintResult, type SeveritySetting, type ValohaiDocument } from '@valohai-lint/core';
import { ConfigResolver } from '@valohai-lint/node';
import { fileFinding, findingKinds } from './finding-kinds.js';
import { readSettings } from './settings.js';

/** What the rules' context tells about the file being linted. */
export interface FileContext {
  settings: Readonly<Record<string, unknown>>;
  physicalFilename: string;
  cwd: string;
}

export class FileAnalysis {
  private readonly enabled = new Set<string>();
  private byRule: Map<string, Diagnostic[]> | undefined;

  constructor(
    private readonly text: string,
    /** The language's parse of `text`; undefined when the text was too large to parse up front. */
    private readonly document: ValohaiDocument | undefined,
    private readonly isConfigFile: boolean,
  ) {}

  /** Called by each enabled rule when ESLint creates it. */
  enable(id: string): void {
    this.enabled.add(id);
  }

  /** The findings of one rule; the first call lints the file for every enabled rule. */
  diagnosticsOf(id: string, context: FileContext): readonly Diagnostic[] {
    if (!this.byRule) {
      this.byRule = new Map();
      for (const d of this.run(context)) {
        if (!this.enabled.has(d.ruleId)) continue;
        const list = this.byRule.get(d.ruleId);
        if (list) list.push(d);
        else this.byRule.set(d.ruleId, [d]);
      }
    }
    return this.byRule.get(id) ?? [];
  }

  private run(context: FileContext): Diagnostic[] {
    if (this.isConfigFile) return parseConfig(this.text).diagnostics;
    const settings = readSettings(context.settings);
    const found = settings.problems.map((p) => fileFinding(p.ruleId, p.message, p.severity));
    const configFile = loadConfigFile(settings.configFile, context);
    if (configFile.problem) found.push(fileFinding('config-invalid', configFile.problem, 'error'));
    const { ignore: _ignore, ...fromFiles } = mergeConfigs(configFile.config, settings.overrides);
    const result = lint(this.text, { ...fromFiles, rules: this.coreSeverities() }, this.document ? { document: this.document } : undefined);
    // Hints are matters of style (an official image written short); ESLint has no level for them, and its "warn" would
    // make them as loud as real risks, so they are left out, as valohai-lint leaves them out unless --include-hints.
    found.push(...withSafeFixes(this.text, result).filter((d) => d.severity !== 'hint'));
    return found;
  }

  /** Rules off in ESLint are off in the core; the others keep their default (ESLint decides the severity shown). */
  private coreSeverities(): Record<string, SeveritySetting> {
    const rules: Record<string, SeveritySetting> = {};
    for (const kind of findingKinds()) if (!this.enabled.has(kind.id)) rules[kind.id] = 'off';
    return rules;
  }
}

/**
 * The `.valohai-lint.yaml` that applies, found as the CLI finds it. Unlike the CLI, which stops on an invalid
 * configuration, an ESLint rule can only report: the problem is reported at the top of the file and the valid parts of
 * the configuration are used, as the language server does.
 */
function loadConfigFile(configFile: string | false | undefined, context: FileContext): { config: ConfigFile; problem?: string } {
  if (configFile === false) return { config: {} };
  const resolver = sharedResolver();
  const target = resolve(context.cwd, configFile ?? context.physicalFilename);
  let loaded;
  try {
    loaded = configFile ? resolver.load(target) : resolver.forFile(target);
  } catch (error) {
    return { config: {}, problem: `The configuration file "${shown(context.cwd, target)}" cannot be read (${error instanceof Error ? error.message : String(error)}); linting without it.` };
  }
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (!first || !loaded.path) return { config: loaded.config };
  const more = errors.length > 1 ? `, and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''} there` : '';
  return { config: loaded.config, problem: `The configuration file "${shown(context.cwd, loaded.path)}" has an error at line ${first.start.line} (${first.message})${more}; only its valid parts are used.` };
}

/** How long the configuration files found stay known: one `eslint` run over many files looks each folder up once. */
const RESOLVER_LIFETIME_MS = 2000;
let resolver: { made: number; resolver: ConfigResolver } | undefined;

/**
 * A resolver shared by the files linted in quick succession, made afresh once it is two seconds old: ESLint says
 * nothing of where a run starts or ends, and in an editor's long-lived ESLint a configuration file edited (or added)
 * must count at the next lint, not at the next restart.
 */
function sharedResolver(): ConfigResolver {
  const now = Date.now();
  if (!resolver || now - resolver.made > RESOLVER_LIFETIME_MS) resolver = { made: now, resolver: new ConfigResolver() };
  return resolver.resolver;
}

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}

/**
 * The findings, without their fixes when the core's `fixText` would not apply them: never in a file with YAML syntax
 * errors, never when applying them would break the YAML. `eslint --fix` thereby writes what `valohai-lint --fix` writes.
 */
function withSafeFixes(text: string, result: LintResult): Diagnostic[] {
  const fixes = result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
  if (fixes.length === 0) return result.diagnostics;
  const safe = result.document?.hasSyntaxErrors !== true && !createDocument(applyFixes(text, fixes).text).hasSyntaxErrors;
  return safe ? result.diagnostics : result.diagnostics.map(({ fix: _fix, ...rest }) => rest);
}
