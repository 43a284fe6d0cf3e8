// docs/graph.md against the real CLI: the pull-request workflow runs as written (its valohai-lint command on the example
// project, the comment body it produces checked), every JSON field it lists is one the view has, and the README
// points to the page and its picture.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMATS } from '../../packages/cli/src/graph-command.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { codeBlock } from '../helpers/markdown.js';

const PAGE = readFileSync(join(ROOT, 'docs/graph.md'), 'utf8');

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

/** The body rows of the Markdown table whose header row is `header`. */
function tableRows(header: string): string[] {
  const lines = PAGE.slice(PAGE.indexOf(header)).split('\n');
  const end = lines.findIndex((l) => !l.startsWith('|'));
  return lines.slice(2, end < 0 ? undefined : end);
}

describe('docs/graph.md', () => {
  it('the pull-request workflow installs valohai-lint as docs/ci.md does, draws Mermaid and comments with it', async () => {
    const workflow = parse(codeBlock('docs/graph.md', 'yaml .github/workflows/pipeline-graph.yml')) as { on: { pull_request: unknown }; jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }> };
    expect(workflow.on.pull_request).toBeDefined();
    const job = Object.values(workflow.jobs)[0]!;
    expect(job.permissions['pull-requests']).toBe('write');
    const runs = job.steps.filter((s) => s.run !== undefined).map((s) => s.run!.trim());
    expect(runs[0]).toBe(codeBlock('docs/ci.md', 'sh').trim());
    const [command, redirect] = runs[1]!.split(' > ');
    expect(runs[2]).toContain(`--body-file ${redirect}`);

    // The documented command, run in the example project's folder (it only reads).
    const args = command!.trim().split(/\s+/);
    expect(args[0]).toBe('valohai-lint');
    const out = await runCli(args.slice(1), { cwd: join(ROOT, 'examples') });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^### Pipeline "train-and-evaluate" in valohai\.yaml\n\n```mermaid\nflowchart LR\n/);
  });

  it('describes every format of valohai-lint graph', async () => {
    const formats = tableRows('| format | what it writes |');
    expect(formats.map((l) => /^\| `(\w+)`/.exec(l)![1])).toEqual([...GRAPH_FORMATS]);
  });

  it('names only fields the JSON view has', async () => {
    const json = (await runCli(['graph', '--format', 'json'], { cwd: join(ROOT, 'examples') })).stdout;
    const keys = new Set<string>();
    JSON.parse(json, (key: string, value: unknown) => {
      keys.add(key);
      return value;
    });
    const table = tableRows('| field | meaning |');
    const named = table.flatMap((l) => [...l.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.split('.').at(-1)!.replace(/\[\]$/, '')));
    // Some fields are absent from the example (no task node, no commit); the view's types list them all.
    const types = readFileSync(join(ROOT, 'packages/core/src/graph/types.ts'), 'utf8');
    for (const field of named.flatMap((f) => f.split(/,\s*/))) {
      expect(keys.has(field) || new RegExp(`\\b${field}\\??:`).test(types), field).toBe(true);
    }
  });

  it('is linked from the README, with its picture in place', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('(docs/graph.md)');
    const picture = /!\[[^\]]*\]\(([^)]+)\)/.exec(PAGE)![1]!;
    expect(existsSync(join(ROOT, 'docs', picture))).toBe(true);
  });
});
