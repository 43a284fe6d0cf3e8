// Parity with valohai-yaml 0.57.0 over the whole shared corpus (../shared/corpus, read in place, never copied):
// no crash anywhere; clean files get no parity finding; every upstream error and warning is matched by a parity
// diagnostic of the same severity at the place the upstream message names; every upstream crash becomes a clean error.
// Upstream messages that the project answers differently on purpose are looked up in the core's list of documented
// divergences (packages/core/src/parity/divergences.ts), never special-cased here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument, DIVERGENCES, divergenceFor, getFindingKinds, lint, type Diagnostic, type Divergence } from '@valohai-lint/core';
import { CRASH_PLACES, locate, placesOfPaths, type Place } from './corpus-locate.js';
import { ROOT } from './helpers/build.js';
import { corpusPath, HAS_CORPUS } from './helpers/corpus.js';
import { describeCorpus } from './helpers/corpus-suite.js';

const parityRules = new Set(getFindingKinds().filter((r) => r.meta.parity).map((r) => r.meta.id));

interface Expected {
  errors: string[];
  warnings: string[];
  hints: string[];
  crash: string | null;
}

function within(d: Diagnostic, p: Place): boolean {
  if (p.span.start === p.span.end) return d.span.start <= p.span.start && p.span.start <= Math.max(d.span.end, d.span.start);
  return d.span.start >= p.span.start && d.span.end <= p.span.end;
}

const show = (d: Diagnostic): string => `${d.start.line}:${d.start.column} ${d.severity}[${d.ruleId}] ${d.message}`;

for (const folder of ['upstream', 'real', 'edge-cases']) {
  const expected = HAS_CORPUS ? (JSON.parse(readFileSync(corpusPath(folder, 'EXPECTED.json'), 'utf8')) as { files: Record<string, Expected> }) : { files: {} };
  describeCorpus(`corpus/${folder}`, () => {
    for (const [file, recorded] of Object.entries(expected.files)) {
      it(file, () => {
        let exp = recorded;
        const text = readFileSync(corpusPath(folder, file), 'utf8');
        const result = lint(text);
        const doc = result.document!;
        for (const d of result.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.ruleId).not.toBe('internal-error');
        }
        // Documented divergences: the upstream message is answered by another finding (checked here), or by none.
        const diverging: { message: string; divergence: Divergence }[] = [];
        const keep = (message: string): boolean => {
          const divergence = divergenceFor(message, doc);
          if (divergence) diverging.push({ message, divergence });
          return !divergence;
        };
        exp = { ...exp, errors: exp.errors.filter(keep), warnings: exp.warnings.filter(keep) };
        const instead = new Set<Diagnostic>();
        for (const { message, divergence } of diverging) {
          const { rule: ruleId, severity } = divergence;
          if (!severity) continue;
          const places = locate(doc, message) ?? [];
          const found = result.diagnostics.filter((d) => d.ruleId === ruleId && d.severity === severity && places.some((p) => within(d, p)));
          expect(found, `divergence "${divergence.id}": upstream "${message}" must be answered by ${severity}[${ruleId}] at ${places.map((p) => p.what).join(' or ')}`).not.toEqual([]);
          for (const d of found) instead.add(d);
        }
        const parity = result.diagnostics.filter((d) => parityRules.has(d.ruleId) && !instead.has(d));
        const errors = parity.filter((d) => d.severity === 'error');
        const warnings = parity.filter((d) => d.severity === 'warning');
        if (exp.crash) {
          const places = placesOfPaths(doc, CRASH_PLACES[file] ?? []);
          expect(places.length, `no crash place recorded for ${file}`).toBeGreaterThan(0);
          expect(errors.some((d) => places.some((p) => within(d, p))), `crash "${exp.crash}" must become an error at ${places.map((p) => p.what).join(' or ')}; got:\n${parity.map(show).join('\n')}`).toBe(true);
          return;
        }
        if (exp.errors.length === 0) {
          expect(errors.map(show), 'valohai-yaml reports no error here, so no parity rule may').toEqual([]);
          if (exp.warnings.length === 0) expect(warnings.map(show), 'valohai-yaml reports no warning here, so no parity rule may').toEqual([]);
        }
        for (const message of exp.errors) {
          const places = locate(doc, message);
          expect(places, `no locator for upstream message: ${message}`).toBeDefined();
          expect(errors.some((d) => places!.some((p) => within(d, p))), `upstream error "${message.trim()}" (at ${places!.map((p) => p.what).join(' or ')}) has no parity error there; got:\n${parity.map(show).join('\n')}`).toBe(true);
        }
        if (exp.errors.length === 0) {
          for (const message of exp.warnings) {
            const places = locate(doc, message);
            expect(places, `no locator for upstream message: ${message}`).toBeDefined();
            expect(warnings.some((d) => places!.some((p) => within(d, p))), `upstream warning "${message}" (at ${places!.map((p) => p.what).join(' or ')}) has no parity warning there; got:\n${parity.map(show).join('\n')}`).toBe(true);
          }
        }
      });
    }
  });
}

describe('documented divergences from valohai-yaml', () => {
  it.each(DIVERGENCES.map((d) => [d.id, d] as const))('%s has a reason and a source that can be opened', (_id, d) => {
    expect(d.reason.length).toBeGreaterThan(20);
    if (/^https:\/\//.test(d.source)) expect(d.source).toMatch(/^https:\/\/docs\.valohai\.com\//);
    else expect(existsSync(join(ROOT, d.source)), `${d.source} does not exist`).toBe(true);
  });

  it.each(DIVERGENCES.map((d) => [d.id, d] as const))('%s belongs to a finding whose page names the divergence list', (_id, d) => {
    const page = readFileSync(join(ROOT, 'docs/rules', `${d.rule}.md`), 'utf8');
    expect(page).toContain('packages/core/src/parity/divergences.ts');
    const kind = getFindingKinds().find((k) => k.meta.id === d.rule);
    expect(kind?.meta.parity).toBe(true);
    if (d.severity) expect(kind?.meta.defaultSeverity).toBe(d.severity);
  });

  it('says nothing about "then: require-approval", as Valohai documents it, and warns about other unknown actions', () => {
    const text = (then: string): string => `- step: {name: s, image: docker.io/library/python:3.12, command: c}\n- pipeline:\n    name: p\n    nodes:\n      - {name: n, type: execution, step: s, actions: [{when: node-complete, then: ${then}}]}\n    edges: []\n`;
    expect(lint(text('require-approval')).diagnostics.map((d) => d.ruleId)).toEqual([]);
    expect(lint(text('require-aproval')).diagnostics.map((d) => d.message)).toEqual(['Action "then" value "require-aproval" is not one Valohai knows, so the action might do nothing. Did you mean "require-approval"?']);
    expect(divergenceFor(`"then" value ['require-approval'] is not well-known; the action might do nothing`, createDocument(text('require-approval')))?.id).toBe('then-require-approval');
  });

  describeCorpus('in the corpus', () => {
    /** Every recorded upstream error and warning with its document (read when a test runs, so a clone without the corpus skips). */
    const recorded = (): { message: string; doc: ReturnType<typeof createDocument> }[] =>
      ['upstream', 'real', 'edge-cases'].flatMap((folder) =>
        Object.entries((JSON.parse(readFileSync(corpusPath(folder, 'EXPECTED.json'), 'utf8')) as { files: Record<string, Expected> }).files).flatMap(([file, e]) =>
          [...e.errors, ...e.warnings].map((message) => ({ message, doc: createDocument(readFileSync(corpusPath(folder, file), 'utf8')) })),
        ),
      );
    it('every divergence answers at least one recorded upstream message (none is dead), and require-approval all 10 of the real files', () => {
      const answered = recorded().map((m) => divergenceFor(m.message, m.doc)?.id);
      for (const d of DIVERGENCES) expect(answered.filter((id) => id === d.id).length, d.id).toBeGreaterThan(0);
      expect(answered.filter((id) => id === 'then-require-approval').length).toBe(10);
    });
  });
});
