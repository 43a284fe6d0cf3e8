// Parity with valohai-yaml 0.57.0 over the whole shared corpus (../shared/corpus, read in place, never copied):
// no crash anywhere; clean files get no parity finding; every upstream error and warning is matched by a parity
// diagnostic of the same severity at the place the upstream message names; every upstream crash becomes a clean error.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { getRules, lint, type Diagnostic } from '@valohai-lint/core';
import { CRASH_PLACES, locate, placesOfPaths, type Place } from './corpus-locate.js';
import { corpusPath, HAS_CORPUS } from './helpers/corpus.js';
import { describeCorpus } from './helpers/corpus-suite.js';

const parityRules = new Set(getRules().filter((r) => r.meta.parity).map((r) => r.meta.id));

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
    for (const [file, exp] of Object.entries(expected.files)) {
      it(file, () => {
        const text = readFileSync(corpusPath(folder, file), 'utf8');
        const result = lint(text);
        const doc = result.document!;
        for (const d of result.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.ruleId).not.toBe('internal-error');
        }
        const parity = result.diagnostics.filter((d) => parityRules.has(d.ruleId));
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
