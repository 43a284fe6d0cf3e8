// Reads `settings.valohai` from the ESLint configuration: which `.valohai-lint.yaml` to use (`configFile`, or `false`
// for none) and values that override it (`registries`, `public`, `maxFileSize`). The values are checked by the core's
// own configuration parser, so a wrong setting gets the same message a wrong `.valohai-lint.yaml` gets.
import { parseConfig, type ConfigFile } from '@valohai-lint/core';

export interface ValohaiSettings {
  /** Overrides of the `.valohai-lint.yaml` values (lists replace, as between configuration files). */
  overrides: ConfigFile;
  /** A configuration file to use instead of the nearest one; `false` reads none. */
  configFile?: string | false;
  /** Problems with the settings, as one-sentence messages. */
  problems: { ruleId: string; message: string; severity: 'error' | 'warning' }[];
}

const OVERRIDABLE = ['registries', 'public', 'maxFileSize'];
const cache = new WeakMap<object, ValohaiSettings>();

export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): ValohaiSettings {
  const raw = settings?.['valohai'];
  if (raw === undefined) return { overrides: {}, problems: [] };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { overrides: {}, problems: [{ ruleId: 'config-invalid', severity: 'error', message: `settings.valohai must be an object with "configFile", "registries", "public" or "maxFileSize", not ${JSON.stringify(raw)}.` }] };
  }
  let read = cache.get(raw);
  if (!read) {
    read = parse(raw as Record<string, unknown>);
    cache.set(raw, read);
  }
  return read;
}

function parse(raw: Record<string, unknown>): ValohaiSettings {
  const problems: ValohaiSettings['problems'] = [];
  const values: Record<string, unknown> = {};
  let configFile: string | false | undefined;
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'configFile') {
      if (value === false || (typeof value === 'string' && value !== '')) configFile = value;
      else problems.push({ ruleId: 'config-invalid', severity: 'error', message: `settings.valohai.configFile must be the path of a .valohai-lint.yaml or false, not ${JSON.stringify(value)}.` });
    } else if (key === 'rules') {
      problems.push({ ruleId: 'config-invalid', severity: 'error', message: 'settings.valohai.rules is not read: set severities in the ESLint configuration\'s "rules", as "valohai/<rule-id>".' });
    } else if (OVERRIDABLE.includes(key)) values[key] = value;
    else problems.push({ ruleId: 'config-invalid', severity: 'error', message: `Unknown key "${key}" in settings.valohai; use "configFile", "registries", "public" or "maxFileSize".` });
  }
  // JSON is YAML: the core's parser checks the overrides exactly as it checks a configuration file.
  const parsed = parseConfig(JSON.stringify(values));
  for (const d of parsed.diagnostics) problems.push({ ruleId: d.ruleId, severity: d.severity === 'error' ? 'error' : 'warning', message: `settings.valohai: ${d.message}` });
  const out: ValohaiSettings = { overrides: parsed.config, problems };
  if (configFile !== undefined) out.configFile = configFile;
  return out;
}
