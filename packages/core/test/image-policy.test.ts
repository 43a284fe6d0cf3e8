// The image policy table of docs/configuration.md (image form × configuration → finding), and the same rows on the
// image rule pages, run as tests: every image a row names is linted under every column's configuration, and the image
// findings must be exactly what the cell says. The column configurations are read from the page itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lint, type LintConfig } from '../src/index.js';

const DOCS = join(import.meta.dirname, '../../../docs');
const HEADER = '| image as written |';

interface Row {
  images: string[];
  /** `public` patterns the row adds (`… with \`public: [docker.io/pytorch/*]\``). */
  publicPatterns: string[];
  /** Expected image findings per column, as `severity: rule-id`; empty for "—". */
  cells: Map<string, string[]>;
  text: string;
}

const codeSpans = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const cellsOf = (line: string): string[] => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** The policy tables of a page: header columns and rows. */
function policyRows(page: string): { columns: string[]; rows: Row[] }[] {
  const lines = readFileSync(join(DOCS, page), 'utf8').split('\n');
  const tables: { columns: string[]; rows: Row[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith(HEADER)) continue;
    const columns = cellsOf(lines[i]!).slice(1).filter((c) => c !== 'why');
    const rows: Row[] = [];
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) {
      const cells = cellsOf(lines[j]!);
      const [what, withPart] = cells[0]!.split(/ with /);
      const images = codeSpans(what!);
      const publicPatterns = codeSpans(withPart ?? '').flatMap((span) => (parse(span) as { public?: string[] }).public ?? []);
      const expected = new Map(columns.map((c, k) => [c, [...cells[k + 1]!.matchAll(/\b(error|warning|info|hint): \[?([a-z-]+)/g)].map((m) => `${m[1]}: ${m[2]}`).sort()]));
      rows.push({ images, publicPatterns, cells: expected, text: cells[0]! });
    }
    tables.push({ columns, rows });
  }
  return tables;
}

/** The column configurations, as docs/configuration.md defines them in the paragraph above its table. */
function columnConfigs(): Map<string, LintConfig> {
  const text = readFileSync(join(DOCS, 'configuration.md'), 'utf8');
  const configs = new Map<string, LintConfig>([['no registries', {}]]);
  for (const m of text.matchAll(/\*\*([^*]+)\*\* \(`(registries: [^`]+)`\)/g)) configs.set(m[1]!, parse(m[2]!) as LintConfig);
  return configs;
}

function imageFindings(image: string, config: LintConfig): string[] {
  const text = `- step:\n    name: train\n    image: ${JSON.stringify(image)}\n    command: python train.py\n`;
  return lint(text, config)
    .diagnostics.filter((d) => d.ruleId.startsWith('image-') && d.ruleId !== 'image-tag')
    .map((d) => `${d.severity}: ${d.ruleId}`)
    .sort();
}

const configs = columnConfigs();
const pages = ['configuration.md', ...readdirSync(join(DOCS, 'rules')).filter((f) => f.startsWith('image-')).map((f) => `rules/${f}`)];

it('docs/configuration.md defines the three configurations and has the full table', () => {
  expect([...configs.keys()]).toEqual(['no registries', 'ECR credentials', 'Docker Hub credentials']);
  const [table] = policyRows('configuration.md');
  expect(table?.columns).toEqual([...configs.keys()]);
  expect(table?.rows.length).toBeGreaterThanOrEqual(10);
});

for (const page of pages) {
  const tables = policyRows(page);
  if (tables.length === 0) continue;
  describe(`docs/${page}: image policy`, () => {
    for (const table of tables) {
      for (const row of table.rows) {
        it(row.text, () => {
          expect(row.images.length, 'a row names at least one image').toBeGreaterThan(0);
          for (const column of table.columns) {
            const config = configs.get(column);
            expect(config, `unknown column "${column}"`).toBeDefined();
            const withPublic: LintConfig = { ...config, ...(row.publicPatterns.length ? { public: row.publicPatterns } : {}) };
            for (const image of row.images) expect(imageFindings(image, withPublic), `${image} under "${column}"`).toEqual(row.cells.get(column));
          }
        });
      }
    }
  });
}

it('the rule pages of image-fully-qualified, image-registry-coverage and image-placeholder show their rows', () => {
  for (const rule of ['image-fully-qualified', 'image-registry-coverage', 'image-placeholder']) {
    const rows = policyRows(`rules/${rule}.md`).flatMap((t) => t.rows);
    expect(rows.some((r) => [...r.cells.values()].some((c) => c.some((f) => f.endsWith(rule)))), rule).toBe(true);
  }
});
