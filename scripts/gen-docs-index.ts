// Regenerates docs/rules/README.md (the rule catalogue) from the rules' metadata. `--check` fails when it is stale.
// @ts-expect-error: a plain ESM helper without type declarations
import { writeGenerated } from './write-generated.mjs';
import { join } from 'node:path';
import { getRules } from '../packages/core/src/index.js';

const target = join(import.meta.dirname, '../docs/rules/README.md');
const rows = getRules().map((r) => `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.area} | ${r.meta.defaultSeverity} | ${r.meta.fixable ? 'yes' : ''} | ${r.meta.parity ? 'yes' : ''} | ${r.meta.description.replace(/\|/g, '\\|')} |`);
const text = `# Rules

Generated from the rules' metadata by \`pnpm gen:docs\`; do not edit by hand. "Parity" marks rules that mirror a check of
valohai-yaml, Valohai's own validator (or report cleanly where valohai-yaml crashes). Every rule can be set to
\`error\`, \`warning\`, \`info\`, \`hint\` or \`off\` in \`.valohai-lint.yaml\` or with \`--rule id=severity\`.

| rule | area | default | fixable | parity | what it checks |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
writeGenerated(target, text, 'docs/rules/README.md');
