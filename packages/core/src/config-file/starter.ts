// The text `valohai-lint init` writes: a starter `.valohai-lint.yaml` from a credential plan, every entry with a
// comment saying where its images are used, and the snippet it prints when a configuration file already exists.
import type { CredentialPlan, PlannedPattern } from '../images/credential-plan.js';
import { plainSafe, quotedScalar } from '../document/scalar-text.js';

const MAX_SITES = 2;

const scalar = (value: string): string => (plainSafe(value) ? value : quotedScalar('double', value));

/** `AWS ECR: step "train" in valohai.yaml, and 2 more`: where a pattern's images are used. */
export function usedBy(p: PlannedPattern): string {
  const shown = p.sites.slice(0, MAX_SITES).map((s) => `${s.owner} in ${s.file}`);
  const more = p.sites.length - shown.length;
  return `${p.registry}: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
}

function entry(p: PlannedPattern, indent: string, commented: boolean): string[] {
  const mark = commented ? '# ' : '';
  return [`${indent}# ${usedBy(p)}`, `${indent}${mark}- pattern: ${scalar(p.pattern)}`];
}

/** The commented-out candidates, to be uncommented for the namespaces that are private. */
function candidateLines(plan: CredentialPlan, indent: string): string[] {
  if (plan.candidates.length === 0) return [];
  return [
    `${indent}# Registries and Docker Hub namespaces that need credentials only if they are private. Uncomment those your`,
    `${indent}# organization has credentials for (short Docker Hub names must then be written in full: valohai-lint --fix).`,
    ...plan.candidates.flatMap((p) => entry(p, indent, true)),
  ];
}

/** A whole starter configuration. */
export function renderStarterConfig(plan: CredentialPlan): string {
  const lines = [
    '# valohai-lint configuration (docs/configuration.md), started by "valohai-lint init".',
    '#',
    '# registries: the registry credentials your Valohai organization has (Manage organization -> Registries), each as',
    '# its match pattern; "type" is inferred from the host. valohai-lint checks that every image that needs credentials',
    '# is covered by one of them, exactly as written in valohai.yaml. The entries below are the private registries your',
    '# valohai.yaml files use: make each pattern the one set up in Valohai.',
  ];
  if (plan.needed.length > 0) {
    lines.push('registries:', ...plan.needed.flatMap((p) => entry(p, '  ', false)), ...candidateLines(plan, '  '));
  } else if (plan.candidates.length > 0) {
    // No private registry yet: uncommenting the key and an entry gives a valid list.
    lines.push('# registries:', ...candidateLines(plan, '  '));
  }
  lines.push('', '# public: images that need no credentials, with the same wildcards.', 'public:', '  - docker.io/library/*', '');
  return lines.join('\n');
}

/**
 * What a configuration file that already exists lacks, as YAML to paste under its `registries`: the patterns private
 * images need, then the candidates commented out. '' when there is neither.
 */
export function renderAdditions(plan: CredentialPlan): string {
  const lines = [...plan.needed.flatMap((p) => entry(p, '  ', false)), ...candidateLines(plan, '  ')];
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
