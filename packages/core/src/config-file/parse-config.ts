// Reads `.valohai-lint.yaml` text into a LintConfig, reporting every problem at its exact place (pure: the CLI and the
// language server find and read the file). Mirrors config/valohai-lint.schema.json, which editors use for completion.
import { createDocument } from '../document/document.js';
import { child, itemsOf, type YNode } from '../document/nodes.js';
import { checkPatterns, type PatternEntry } from './check-patterns.js';
import { configInvalid, configRegistryPattern } from '../config/findings.js';
import type { LintConfig, RegistryPattern } from '../config/types.js';
import { createDiagnostic } from '../diagnostic/create.js';
import type { Diagnostic, RelatedLocation, SeveritySetting } from '../diagnostic/types.js';
import { KNOWN_IDS } from '../linter/catalog.js';
import type { Span } from '../source/source-file.js';
import { alternativesText, closestMatch } from '../util/did-you-mean.js';
import { describeType } from '../document/scalars.js';
import { isRegistryType, REGISTRY_TYPES } from '../config/registry-types.js';
import { globProblem } from '../config/ignore-globs.js';

export interface ConfigFile extends LintConfig {
  ignore?: string[];
}

export interface ConfigResult {
  config: ConfigFile;
  /** Problems in the configuration file itself (rule id `config-invalid`). */
  diagnostics: Diagnostic[];
}

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];
const KEYS = ['rules', 'registries', 'public', 'ignore', 'maxFileSize'];

export function parseConfig(text: string): ConfigResult {
  const doc = createDocument(text);
  const source = doc.source;
  const diagnostics: Diagnostic[] = [];
  const config: ConfigFile = {};
  const report = (span: Span, message: string): void => {
    diagnostics.push(createDiagnostic(source, configInvalid.meta, 'error', { messageId: 'invalid', data: { message }, span }));
  };
  const warnPattern = (span: Span, message: string, related?: RelatedLocation[]): void => {
    diagnostics.push(createDiagnostic(source, configRegistryPattern.meta, 'warning', { messageId: 'pattern', data: { message }, span, ...(related ? { related } : {}) }));
  };
  for (const f of doc.parse.syntax) report(f.span, f.message);
  const root = doc.root;
  if (doc.hasSyntaxErrors || root === undefined || root.value === null) return { config, diagnostics };
  if (root.kind !== 'map') {
    report(root.span, `The configuration must be a mapping with keys such as "rules" and "registries", not ${describeType(root.value)}.`);
    return { config, diagnostics };
  }
  for (const [key, node] of root.entries) {
    if (!KEYS.includes(key)) report(node.keySpan ?? node.span, `Unknown configuration key "${key}".${alternativesText(key, KEYS)}`);
  }
  const stringList = (key: string): string[] | undefined => {
    const node = child(root, key);
    if (!node) return undefined;
    if (node.kind !== 'seq') {
      report(node.span, `"${key}" must be a list of patterns, not ${describeType(node.value)}.`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (typeof item.value === 'string' && item.value !== '') out.push(item.value);
      else report(item.span, `Each entry of "${key}" must be a non-empty string, not ${describeType(item.value)}.`);
    }
    return out;
  };

  const rulesNode = child(root, 'rules');
  if (rulesNode) {
    if (rulesNode.kind !== 'map') report(rulesNode.span, `"rules" must map rule ids to severities, not ${describeType(rulesNode.value)}.`);
    else {
      const known = [...KNOWN_IDS];
      const rules: Record<string, SeveritySetting> = {};
      for (const [id, node] of rulesNode.entries) {
        if (!KNOWN_IDS.has(id)) {
          const best = closestMatch(id, known);
          report(node.keySpan ?? node.span, `"${id}" is not a valohai-lint rule.${best ? ` Did you mean "${best}"?` : ' Run "valohai-lint --list-rules" to see them.'}`);
          continue;
        }
        // YAML 1.1 reads a bare `off` as false; accept it as the severity everyone means.
        const value = node.value === false ? 'off' : node.value;
        if (typeof value !== 'string' || !SEVERITIES.includes(value)) {
          const best = typeof value === 'string' ? closestMatch(value, SEVERITIES) : undefined;
          report(node.span, `The severity of "${id}" must be "error", "warning", "info", "hint" or "off".${best ? ` Did you mean "${best}"?` : ''}`);
        } else rules[id] = value as SeveritySetting;
      }
      config.rules = rules;
    }
  }

  const registriesNode = child(root, 'registries');
  if (registriesNode) {
    if (registriesNode.kind !== 'seq') report(registriesNode.span, `"registries" must be a list of {pattern, type} entries, not ${describeType(registriesNode.value)}.`);
    else {
      const registries: RegistryPattern[] = [];
      for (const item of registriesNode.items) {
        const entry = readRegistry(item, report);
        if (entry) registries.push(entry);
      }
      config.registries = registries;
    }
  }
  const pub = stringList('public');
  if (pub) config.public = pub;
  // Patterns that load but can never do their job: warnings, so that a working configuration keeps working.
  const entries = (key: 'registries' | 'public'): PatternEntry[] =>
    itemsOf(child(root, key)).flatMap((item): PatternEntry[] => {
      const node = key === 'registries' ? child(item, 'pattern') : item;
      if (!node || typeof node.value !== 'string' || node.value === '') return [];
      const type = key === 'registries' ? child(item, 'type') : undefined;
      return [{ pattern: node.value, span: node.span, ...(typeof type?.value === 'string' ? { type: type.value, typeSpan: type.span } : {}) }];
    });
  for (const key of ['registries', 'public'] as const) {
    for (const problem of checkPatterns(entries(key), key)) warnPattern(problem.span, problem.message, problem.related);
  }
  const ignore = stringList('ignore');
  if (ignore) {
    for (const item of itemsOf(child(root, 'ignore'))) {
      const problem = typeof item.value === 'string' && item.value !== '' ? globProblem(item.value) : undefined;
      if (problem) report(item.span, problem);
    }
    config.ignore = ignore;
  }
  const max = child(root, 'maxFileSize');
  if (max) {
    if (typeof max.value === 'number' && Number.isInteger(max.value) && max.value > 0) config.maxFileSize = max.value;
    else report(max.span, `"maxFileSize" must be a positive whole number of characters.`);
  }
  return { config, diagnostics };
}

function readRegistry(item: YNode, report: (span: Span, message: string) => void): RegistryPattern | undefined {
  if (item.kind !== 'map') {
    report(item.span, `Each registry must be a mapping with a "pattern" (and optionally "type" and "description"), not ${describeType(item.value)}.`);
    return undefined;
  }
  let ok = true;
  for (const [key, node] of item.entries) {
    if (!['pattern', 'type', 'description'].includes(key)) {
      report(node.keySpan ?? node.span, `Unknown registry key "${key}".${alternativesText(key, ['pattern', 'type', 'description'])}`);
      ok = false;
    }
  }
  const pattern = child(item, 'pattern');
  const type = child(item, 'type');
  const description = child(item, 'description');
  if (!pattern) {
    report(item.span, 'This registry has no "pattern"; give the match pattern exactly as set up in Valohai.');
    ok = false;
  } else if (typeof pattern.value !== 'string' || pattern.value === '') {
    report(pattern.span, `"pattern" must be a non-empty string, not ${describeType(pattern.value)}.`);
    ok = false;
  }
  // `type` may be left out: the pattern's host implies it (config/registry-types.ts).
  if (type && !isRegistryType(type.value)) {
    report(type.span, `Unknown registry type "${String(type.value)}" (leave "type" out to infer it from the pattern's host).${alternativesText(String(type.value), REGISTRY_TYPES)}`);
    ok = false;
  }
  if (description && typeof description.value !== 'string') {
    report(description.span, '"description" must be a string.');
    ok = false;
  }
  if (!ok) return undefined;
  const entry: RegistryPattern = { pattern: pattern!.value as string };
  if (type) entry.type = type.value as string;
  if (description) entry.description = description.value as string;
  return entry;
}

/** Merges configurations: later ones win per rule; lists are replaced, not concatenated. */
export function mergeConfigs(...configs: (ConfigFile | undefined)[]): ConfigFile {
  const out: ConfigFile = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.rules) out.rules = { ...(out.rules ?? {}), ...c.rules };
    if (c.registries) out.registries = c.registries;
    if (c.public) out.public = c.public;
    if (c.ignore) out.ignore = c.ignore;
    if (c.maxFileSize !== undefined) out.maxFileSize = c.maxFileSize;
  }
  return out;
}
