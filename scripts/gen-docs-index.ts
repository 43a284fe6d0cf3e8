// Regenerates docs/rules/README.md (the rule catalogue) from the rules' metadata, and the line of each rule page that
// names its ESLint rule (eslint-plugin-valohai). `--check` fails when any of them is stale.
// @ts-expect-error: a plain ESM helper without type declarations
import { writeGenerated } from './write-generated.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getFindingKinds } from '../packages/core/src/index.js';

const target = join(import.meta.dirname, '../docs/rules/README.md');
const rows = getFindingKinds().map((r) => `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.area} | ${r.meta.defaultSeverity} | ${r.meta.fixable ? 'yes' : ''} | ${r.meta.parity ? 'yes' : ''} | ${r.reportedBy} | ${r.meta.description.replace(/\|/g, '\\|')} |`);
const text = `# Rules

Generated from the rules' metadata by \`pnpm gen:docs\`; do not edit by hand. "Parity" marks rules that mirror a check of
valohai-yaml, Valohai's own validator (or report cleanly where valohai-yaml crashes). Every rule can be set to
\`error\`, \`warning\`, \`info\`, \`hint\` or \`off\` in \`.valohai-lint.yaml\` or with \`--rule id=severity\`; in ESLint
([eslint-plugin-valohai](../eslint.md)) each rule is \`valohai/<id>\`. "Reported by" says who finds it: a rule checking the
document, the engine around the rules (crashes, size, suppression comments) or the configuration parser
(\`.valohai-lint.yaml\` itself).

| rule | area | default | fixable | parity | reported by | what it checks |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
writeGenerated(target, text, 'docs/rules/README.md');

// Each page says its ESLint id in one line just before its first section.
const ESLINT_LINE = /^In ESLint: .*\n\n/m;
for (const r of getFindingKinds()) {
  const page = join(import.meta.dirname, `../docs/rules/${r.meta.id}.md`);
  const current = readFileSync(page, 'utf8');
  const line = `In ESLint: \`valohai/${r.meta.id}\` ([eslint-plugin-valohai](../eslint.md)).\n\n`;
  const without = current.replace(ESLINT_LINE, '');
  const at = without.indexOf('\n## ');
  writeGenerated(page, at < 0 ? without : `${without.slice(0, at + 1)}${line}${without.slice(at + 1)}`, `docs/rules/${r.meta.id}.md`);
}
