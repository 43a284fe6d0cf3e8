// Editor settings (section `valohaiLint`): their shape, how untrusted JSON from a client is read, and the precedence
// between them and `.valohai-lint.yaml` (docs/language-server.md, "Precedence").
import { getFindingKinds, isRegistryType, REGISTRY_TYPES, type ConfigFile, type LintConfig, type RegistryPattern, type SeveritySetting } from '@valohai-lint/core';

/** The settings of one workspace folder, as the server uses them after {@link normalizeSettings}. */
export interface ValohaiLintSettings {
  /** Lint at all (diagnostics and code actions). Completion, hover and navigation stay on. */
  enable: boolean;
  /** Severity per rule id; applied over the configuration file's `rules`. */
  rules: Record<string, SeveritySetting>;
  /** Registry credentials added to the configuration file's `registries`. */
  registries: RegistryPattern[];
  /** Public image patterns added to the configuration file's `public`. */
  public: string[];
  /** A configuration file to use instead of the nearest `.valohai-lint.yaml`; empty for the nearest. */
  configFile: string;
}

export const DEFAULT_SETTINGS: ValohaiLintSettings = Object.freeze({ enable: true, rules: {}, registries: [], public: [], configFile: '' });

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface NormalizedSettings {
  settings: ValohaiLintSettings;
  /** What was ignored and why, for the server log. */
  problems: string[];
}

/** Reads whatever a client sent as settings; anything malformed is dropped (and named in `problems`), never thrown. */
export function normalizeSettings(raw: unknown): NormalizedSettings {
  const problems: string[] = [];
  const settings: ValohaiLintSettings = { enable: true, rules: {}, registries: [], public: [], configFile: '' };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('valohaiLint settings must be an object; using the defaults.');
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  if (typeof r['enable'] === 'boolean') settings.enable = r['enable'];
  else if (r['enable'] !== undefined) problems.push('valohaiLint.enable must be true or false.');

  const rules = r['rules'];
  if (rules !== undefined && rules !== null) {
    if (typeof rules !== 'object' || Array.isArray(rules)) problems.push('valohaiLint.rules must map rule ids to severities.');
    else {
      const known = new Set(getFindingKinds().map((kind) => kind.meta.id));
      for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
        if (!known.has(id)) problems.push(`valohaiLint.rules: "${id}" is not a valohai-lint rule.`);
        else if (value === false) settings.rules[id] = 'off';
        else if (typeof value === 'string' && SEVERITIES.includes(value)) settings.rules[id] = value as SeveritySetting;
        else problems.push(`valohaiLint.rules: the severity of "${id}" must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}.`);
      }
    }
  }

  const registries = r['registries'];
  if (Array.isArray(registries)) {
    for (const entry of registries) {
      const e = entry as Record<string, unknown> | null;
      const pattern = e?.['pattern'];
      const type = e?.['type'];
      if (typeof pattern !== 'string' || pattern === '' || (type !== undefined && type !== null && !isRegistryType(type))) {
        problems.push(`valohaiLint.registries: ignoring ${JSON.stringify(entry)}; each entry needs a "pattern" and may have a "type" (${REGISTRY_TYPES.join(', ')}), which is inferred from the pattern's host when left out.`);
        continue;
      }
      const out: RegistryPattern = { pattern };
      if (isRegistryType(type)) out.type = type;
      if (typeof e?.['description'] === 'string') out.description = e['description'];
      settings.registries.push(out);
    }
  } else if (registries !== undefined && registries !== null) problems.push('valohaiLint.registries must be a list.');

  const pub = r['public'];
  if (Array.isArray(pub)) {
    for (const p of pub) {
      if (typeof p === 'string' && p !== '') settings.public.push(p);
      else problems.push(`valohaiLint.public: ignoring ${JSON.stringify(p)}; each entry must be a non-empty pattern.`);
    }
  } else if (pub !== undefined && pub !== null) problems.push('valohaiLint.public must be a list of patterns.');

  if (typeof r['configFile'] === 'string') settings.configFile = r['configFile'].trim();
  else if (r['configFile'] !== undefined && r['configFile'] !== null) problems.push('valohaiLint.configFile must be a path.');
  return { settings, problems };
}

/**
 * The configuration a document is linted with. Precedence, lowest first:
 * - `rules`: each rule's default severity < the configuration file < the editor settings (per rule, like `--rule`);
 * - `registries` and `public`: the configuration file's entries, then the editor's added to them (the file is the
 *   team's truth and is never narrowed by one person's settings);
 * - `maxFileSize`: the configuration file only.
 */
export function effectiveConfig(file: ConfigFile | undefined, settings: ValohaiLintSettings): LintConfig {
  const config: LintConfig = {};
  const rules = { ...(file?.rules ?? {}), ...settings.rules };
  if (Object.keys(rules).length > 0) config.rules = rules;
  const registries = dedupe([...(file?.registries ?? []), ...settings.registries], (r) => `${r.pattern}\u0000${r.type ?? ''}`);
  if (registries.length > 0) config.registries = registries;
  const pub = dedupe([...(file?.public ?? []), ...settings.public], (p) => p);
  if (pub.length > 0) config.public = pub;
  if (file?.maxFileSize !== undefined) config.maxFileSize = file.maxFileSize;
  return config;
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
