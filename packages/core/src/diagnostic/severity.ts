// How severe one finding is: the user's setting for its kind when there is one (it replaces every default, so
// `image-fully-qualified: error` means every finding of that rule is an error), else the default its message declares,
// else the kind's default. Also the order of severities, for listings.
import type { FindingMeta, Severity, SeveritySetting } from './types.js';

/** Most severe first. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** The severity of a finding of kind `meta` reported with `messageId`, under the user's setting for the kind. */
export function severityOf(meta: FindingMeta, messageId: string, configured: SeveritySetting | undefined): SeveritySetting {
  return configured ?? meta.messageSeverities?.[messageId] ?? meta.defaultSeverity;
}

/** Every default severity a kind's findings can have, most severe first. */
export function defaultSeverities(meta: FindingMeta): Severity[] {
  const all = new Set<Severity>([meta.defaultSeverity, ...Object.values(meta.messageSeverities ?? {}).filter((s): s is Severity => s !== undefined)]);
  return SEVERITY_ORDER.filter((s) => all.has(s));
}
