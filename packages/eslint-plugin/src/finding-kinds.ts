// The one place that knows where the core keeps the kinds of finding the plugin turns into ESLint rules. Today every
// kind, including the engine's own (file-too-large, internal-error, suppression-*, config-*), is a rule in getRules();
// when the engine's findings become declared kinds of their own, only this module changes.
//
// How each engine finding surfaces in ESLint (docs/eslint.md says the same for users):
// - file-too-large, internal-error, suppression-malformed, suppression-unused: reported by the core's lint of the file,
//   under the rule `valohai/<id>`; turning the rule off turns the finding off in the core too.
// - config-invalid, config-registry-pattern: reported in `.valohai-lint.yaml` itself at their lines (the recommended
//   config lints it), and config-invalid once more at the top of each valohai.yaml whose configuration has errors.
import { getRule, getRules, type Diagnostic, type RuleMeta } from '@valohai-lint/core';

/** Every kind of finding, sorted by id: each becomes the ESLint rule `valohai/<id>`. */
export function findingKinds(): readonly RuleMeta[] {
  return getRules().map((r) => r.meta);
}

/** A finding about the file as a whole (settings or configuration problems), shown at its very start. */
export function fileFinding(id: string, message: string, severity: 'error' | 'warning'): Diagnostic {
  const messageId = Object.keys(getRule(id)?.meta.messages ?? {})[0] ?? id;
  return { ruleId: id, messageId, message, severity, span: { start: 0, end: 0 }, start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, data: { message } };
}
