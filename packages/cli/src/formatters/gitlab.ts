// gitlab: a GitLab Code Quality report (a JSON array of Code Climate issues), published with
// `artifacts: reports: codequality:`. GitLab shows only the first of findings that share a fingerprint and matches
// findings between the source and target branch by fingerprint, so fingerprints are unique and line-independent.
import type { Severity } from '@valohai-lint/core';
import { checkoutPath, fingerprints, lastLine } from './fingerprint.js';
import type { Formatter } from './types.js';

/** GitLab's scale is info, minor, major, critical, blocker; errors (Valohai rejects the file) are major. */
export const GITLAB_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export const gitlab: Formatter = (results, { env }) => {
  const root = env['CI_PROJECT_DIR'] || undefined;
  const issues: unknown[] = [];
  for (const r of results) {
    const path = checkoutPath(r, root);
    const prints = fingerprints(r, path);
    r.diagnostics.forEach((d, i) => {
      issues.push({
        type: 'issue',
        check_name: d.ruleId,
        description: d.message,
        severity: GITLAB_SEVERITY[d.severity],
        fingerprint: prints[i]!,
        location: { path, lines: { begin: d.start.line, end: lastLine(d) } },
      });
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
