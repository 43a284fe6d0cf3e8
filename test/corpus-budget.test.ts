// The findings on files valohai-yaml calls clean, against a reviewed budget (test/corpus-budget.json): each finding
// there has a one-line reason (a true problem valohai-yaml misses, or a documented style choice), so a new finding
// fails until someone has looked at it, and a budgeted finding that no longer fires fails until it is removed.
// UPDATE=1 rewrites the budget: reviewed reasons are kept, new findings are added as UNREVIEWED (which still fails).
// The corpus files belong to their authors and are not copied here: a finding is kept as its place and a digest of the
// text it marks (so that another finding at the same place is new), and a failure prints the text itself.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument, divergenceFor, getFindingKinds, lint } from '@valohai-lint/core';
import { ROOT } from './helpers/build.js';
import { corpusPath } from './helpers/corpus.js';
import { describeCorpus } from './helpers/corpus-suite.js';

const BUDGET_FILE = join(ROOT, 'test/corpus-budget.json');
const UNREVIEWED = 'UNREVIEWED';

/** A budgeted finding: a digest of the text it marks, and its own reason when the rule's reason does not cover it. */
type Entry = string | { digest: string; reason: string };

interface Budget {
  '//': string;
  rules: Record<string, { reason?: string; findings: Record<string, Entry> }>;
}

interface Expected {
  errors: string[];
  warnings: string[];
  crash: string | null;
}

const readBudget = (): Budget => JSON.parse(readFileSync(BUDGET_FILE, 'utf8')) as Budget;
const digestOf = (e: Entry): string => (typeof e === 'string' ? e : e.digest);
const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * Every finding on the corpus files valohai-yaml calls clean (no error, no warning, no crash; a warning that a
 * documented divergence answers with nothing counts as none), by rule: `folder/file:line:column` → the text it marks
 * (its first line, at most 60 characters).
 */
function cleanFileFindings(): Map<string, Map<string, string>> {
  const found = new Map<string, Map<string, string>>();
  for (const folder of ['real', 'upstream', 'edge-cases']) {
    const expected = (JSON.parse(readFileSync(corpusPath(folder, 'EXPECTED.json'), 'utf8')) as { files: Record<string, Expected> }).files;
    for (const [file, exp] of Object.entries(expected)) {
      const text = readFileSync(corpusPath(folder, file), 'utf8');
      const doc = createDocument(text);
      const clean = exp.crash === null && [...exp.errors, ...exp.warnings].every((m) => divergenceFor(m, doc)?.severity === null);
      if (!clean) continue;
      for (const d of lint(text, undefined, { document: doc }).diagnostics) {
        const rule = found.get(d.ruleId) ?? new Map<string, string>();
        found.set(d.ruleId, rule);
        const marked = text.slice(d.span.start, d.span.end).split(/\r?\n/, 1)[0]!;
        rule.set(`${folder}/${file}:${d.start.line}:${d.start.column}`, marked.length > 60 ? `${marked.slice(0, 59)}…` : marked);
      }
    }
  }
  return found;
}

/** The budget with the actual findings: reviewed entries kept, new ones UNREVIEWED, gone ones dropped. */
function updated(budget: Budget, actual: Map<string, Map<string, string>>): Budget {
  const rules: Budget['rules'] = {};
  for (const [id, findings] of [...actual].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const old = budget.rules[id];
    const entries: Record<string, Entry> = {};
    for (const [at, text] of [...findings].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const previous = old?.findings[at];
      if (previous !== undefined && digestOf(previous) === digest(text)) entries[at] = previous;
      else entries[at] = old?.reason ? digest(text) : { digest: digest(text), reason: UNREVIEWED };
    }
    rules[id] = { ...(old?.reason ? { reason: old.reason } : {}), findings: entries };
  }
  return { '//': budget['//'], rules };
}

describe('the budget of findings on clean files', () => {
  it('gives every budgeted finding a reviewed one-line reason, and names only existing rules', () => {
    expect(existsSync(BUDGET_FILE)).toBe(true);
    const ids = new Set(getFindingKinds().map((k) => k.meta.id));
    const problems: string[] = [];
    for (const [id, rule] of Object.entries(readBudget().rules)) {
      if (!ids.has(id)) problems.push(`${id}: not a rule`);
      for (const [at, entry] of Object.entries(rule.findings)) {
        const reason = typeof entry === 'string' ? rule.reason : entry.reason;
        if (!reason || reason === UNREVIEWED) problems.push(`${id} ${at}: no reviewed reason`);
        else if (reason.includes('\n') || reason.length > 300) problems.push(`${id} ${at}: the reason must be one line`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describeCorpus('findings on files valohai-yaml calls clean', () => {
  it('are exactly the reviewed budget: a new finding must be reviewed, a finding that is gone must be removed', () => {
    const actual = cleanFileFindings();
    const budget = readBudget();
    if (process.env['UPDATE'] === '1') writeFileSync(BUDGET_FILE, `${JSON.stringify(updated(budget, actual), null, 2)}\n`);
    const unreviewed: string[] = [];
    const gone: string[] = [];
    for (const [id, findings] of actual) {
      for (const [at, text] of findings) {
        const entry = budget.rules[id]?.findings[at];
        if (entry === undefined || digestOf(entry) !== digest(text)) unreviewed.push(`${id} ${at} "${text}"`);
      }
    }
    for (const [id, rule] of Object.entries(budget.rules)) {
      for (const at of Object.keys(rule.findings)) if (!actual.get(id)?.has(at)) gone.push(`${id} ${at}`);
    }
    expect(unreviewed, 'new findings on clean files: review them (UPDATE=1 adds them to test/corpus-budget.json as UNREVIEWED, then give each a reason)').toEqual([]);
    expect(gone, 'budgeted findings that no longer fire: remove them (UPDATE=1 does)').toEqual([]);
  });
});
