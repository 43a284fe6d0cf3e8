// The one place that knows where the core keeps the kinds of finding the plugin turns into ESLint rules: the core's
// catalog (getFindingKinds), which lists the rules and the findings the engine and the configuration parser declare.
//
// How each engine finding surfaces in ESLint (docs/eslint.md says the same for users):
// - file-too-large, internal-error, suppression-malformed, suppression-unused: reported by the core's lint of the file,
//   under the rule `valohai/<id>`; turning the rule off turns the finding off in the core too.
// - config-invalid, config-registry-pattern: reported in `.valohai-lint.yaml` itself at their lines (the recommended
//   config lints it), and config-invalid once more at the top of each valohai.yaml whose configuration has errors.
import { createDiagnostic, getFindingKind, getFindingKinds, SourceFile, type Diagnostic, type RuleMeta } from '@valohai-lint/core';

/** Every kind of finding, sorted by id: each becomes the ESLint rule `valohai/<id>`. */
export function findingKinds(): readonly RuleMeta[] {
  return getFindingKinds().map((k) => k.meta);
}

/** A finding about the file as a whole (settings or configuration problems), shown at its very start. */
export function fileFinding(id: string, message: string, severity: 'error' | 'warning'): Diagnostic {
  const meta = getFindingKind(id)?.meta;
  if (!meta) throw new Error(`"${id}" is not a kind of finding.`);
  const messageId = Object.keys(meta.messages)[0] ?? id;
  return createDiagnostic(new SourceFile(''), meta, severity, { messageId, data: { message }, span: { start: 0, end: 0 } });
}
