// The schema against the shared corpus: every valohai-yaml schema error has a schema-rule error at the place its
// instance path names, and files valohai-yaml calls clean get no schema-rule finding at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Diagnostic, type Span, type YNode } from '@valohai-lint/core';
import { corpusFiles, corpusPath, HAS_CORPUS } from './helpers/corpus.js';
import { describeCorpus } from './helpers/corpus-suite.js';

const SCHEMA_RULES = new Set(['schema-unknown-key', 'schema-missing-key', 'schema-type', 'schema-enum', 'schema-value', 'schema-exclusive-keys']);

interface Expected {
  errors: string[];
  warnings: string[];
  crash: string | null;
}

function expectedOf(folder: string): Record<string, Expected> {
  if (!HAS_CORPUS) return {};
  return (JSON.parse(readFileSync(corpusPath(folder, 'EXPECTED.json'), 'utf8')) as { files: Record<string, Expected> }).files;
}

const show = (d: Diagnostic): string => `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.severity}[${d.ruleId}] ${d.message}`;

/**
 * Resolves a valohai-yaml instance path (`0.step.resources.devices.nvidia.com/gpu`: keys joined by dots, keys may contain
 * dots themselves) to a node, trying the longest key first.
 */
function resolveDotted(node: YNode | undefined, parts: readonly string[]): YNode | undefined {
  if (parts.length === 0) return node;
  if (!node) return undefined;
  if (node.kind === 'seq') return resolveDotted(node.items[Number(parts[0])], parts.slice(1));
  if (node.kind !== 'map') return undefined;
  for (let n = parts.length; n >= 1; n--) {
    const next = node.entries.get(parts.slice(0, n).join('.'));
    if (next) {
      const found = resolveDotted(next, parts.slice(n));
      if (found) return found;
    }
  }
  return undefined;
}

const fullSpan = (n: YNode): Span => ({ start: n.keySpan?.start ?? n.span.start, end: Math.max(n.span.end, n.keySpan?.end ?? 0) });
const within = (inner: Span, outer: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** The schema errors of valohai-yaml (two leading spaces) with their instance paths. */
function schemaErrors(exp: Expected): { message: string; path: string }[] {
  return exp.errors.filter((e) => e.startsWith('  ')).map((message) => ({ message: message.trim(), path: /\(([^()]*)\)$/.exec(message)?.[1] ?? '' }));
}

describeCorpus('corpus: every valohai-yaml schema error has a schema-rule error at its place', () => {
  const folders: [string, (file: string) => boolean][] = [
    ['edge-cases', () => true],
    ['upstream', () => true],
    ['real', () => true],
  ];
  for (const [folder] of folders) {
    const files = Object.entries(expectedOf(folder)).filter(([, exp]) => schemaErrors(exp).length > 0);
    describe(folder, () => {
      it('has files with schema errors', () => expect(files.length).toBeGreaterThan(0));
      for (const [file, exp] of files) {
        it(file, () => {
          const text = readFileSync(corpusPath(folder, file), 'utf8');
          const result = lint(text);
          const errors = result.diagnostics.filter((d) => SCHEMA_RULES.has(d.ruleId) && d.severity === 'error');
          for (const { message, path } of schemaErrors(exp)) {
            const place = path === '' ? { start: 0, end: text.length } : (() => {
              const node = resolveDotted(result.document?.root, path.split('.'));
              expect(node, `instance path ${path} of "${message}" not found`).toBeDefined();
              return fullSpan(node!);
            })();
            const hit = errors.some((d) => within(d.span, place) || (place.start === place.end && d.span.start === place.start));
            expect(hit, `"${message}": no schema-rule error within ${path || 'the root'}; got:\n${errors.map(show).join('\n')}`).toBe(true);
          }
        });
      }
    });
  }

  it('covers all 36 schema errors of the edge cases', () => {
    const count = Object.values(expectedOf('edge-cases')).reduce((n, exp) => n + schemaErrors(exp).length, 0);
    expect(count).toBe(36);
  });
});

describeCorpus('corpus: clean files get no schema-rule finding', () => {
  const clean: string[] = [];
  for (const f of corpusFiles('upstream/valid')) clean.push(join('upstream/valid', f.slice(f.lastIndexOf('/') + 1)));
  for (const [file, exp] of Object.entries(expectedOf('real'))) if (exp.errors.length === 0) clean.push(join('real', file));
  for (const [file, exp] of Object.entries(expectedOf('edge-cases'))) if (exp.errors.length === 0 && !exp.crash) clean.push(join('edge-cases', file));
  it('covers the clean files', () => expect(clean.length).toBeGreaterThan(180));
  for (const file of clean) {
    it(file, () => {
      const result = lint(readFileSync(corpusPath(file), 'utf8'));
      const found = result.diagnostics.filter((d) => SCHEMA_RULES.has(d.ruleId));
      expect(found.map(show)).toEqual([]);
    });
  }
  it('files without valohai-yaml warnings get no item-unknown-kind warning', () => {
    const noWarnings = [
      ...corpusFiles('upstream/valid').map((f) => join('upstream/valid', f.slice(f.lastIndexOf('/') + 1))),
      ...Object.entries(expectedOf('real')).filter(([, e]) => e.errors.length === 0 && e.warnings.length === 0).map(([f]) => join('real', f)),
    ];
    const found = noWarnings.flatMap((f) => lint(readFileSync(corpusPath(f), 'utf8')).diagnostics.filter((d) => d.ruleId === 'item-unknown-kind').map((d) => `${f}: ${show(d)}`));
    expect(found).toEqual([]);
  });
});

describeCorpus('corpus: schema messages', () => {
  it('never say "any of the given schemas", never mention schema paths or ajv wording', () => {
    const texts = corpusFiles('edge-cases').map((f) => readFileSync(f, 'utf8'));
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      for (const d of lint(text).diagnostics.filter((x) => SCHEMA_RULES.has(x.ruleId))) {
        expect(d.message).not.toMatch(/given schemas|must match|must NOT|#\/|\$defs|additionalProperties|\{\{/);
      }
    }
  });
});
