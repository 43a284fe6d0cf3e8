// Regenerates docs/rules/README.md (the rule catalogue) from the rules' metadata. `--check` fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
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
let previous = '';
try {
  previous = readFileSync(target, 'utf8');
} catch {
  // first run
}
if (process.argv.includes('--check')) {
  if (previous !== text) {
    console.error('docs/rules/README.md is out of date: run pnpm gen:docs');
    process.exit(1);
  }
} else if (previous !== text) writeFileSync(target, text);
