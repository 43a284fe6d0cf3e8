// Infos and hints in the CLI: infos are reported by default and hints only with --include-hints, in every format;
// neither changes the exit code or counts towards --max-warnings; --fix applies their fixes anyway; findings on the
// same line share one code frame in the stylish output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_CI, runCli, tree } from '../helpers/cli.js';
import { onlyRules } from '../helpers/rules.js';

const PROJECT = [
  '- step:',
  '    name: official',
  '    image: python:3.12',
  '    command: python a.py',
  '- step:',
  '    name: namespace',
  '    image: myorg/train:1.0',
  '    command: python b.py',
  '- step:',
  '    name: latest',
  '    image: myorg/eval:latest',
  '    command: python c.py',
  '',
].join('\n');

/** Only the rules this test is about, so that rules added later cannot change its output. */
const ONLY = onlyRules(['image-fully-qualified', 'image-tag', 'internal-error']);

async function lintProject(args: string[]): Promise<{ code: number; stdout: string; dir: string }> {
  const dir = tree({ 'valohai.yaml': PROJECT });
  const r = await runCli([...args, ...ONLY], { cwd: dir, env: NO_CI });
  return { code: r.code, stdout: r.stdout, dir };
}

describe('stylish', () => {
  it('shows infos, leaves hints out, and exits 0 with only infos and warnings', async () => {
    const r = await lintProject([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  7:12  info  Image "myorg/train:1.0" is not written by its full name');
    expect(r.stdout).not.toContain('python:3.12');
    expect(r.stdout).not.toContain('  hint  ');
    expect(r.stdout).toContain('3 problems (0 errors, 1 warning, 2 info)');
  });

  it('shows one code frame, with an underline per finding, for two findings on the same image', async () => {
    const r = await lintProject([]);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.includes('> 11 |'))).toHaveLength(1);
    const frame = lines.indexOf(lines.find((l) => l.includes('> 11 |'))!);
    // The info underlines the whole value, the warning only the tag; both follow the line once.
    expect(lines.slice(frame - 3, frame + 3).join('\n')).toBe(
      [
        '  11:12  info  Image "myorg/eval:latest" is not written by its full name "docker.io/myorg/eval:latest", so a credential pattern such as "docker.io/myorg/*" would not match it, and if it is private Valohai would pull it without credentials.  image-fully-qualified',
        '  11:23  warning  Image "myorg/eval:latest" uses the tag "latest", which changes over time; pin a version tag or a digest.  image-tag',
        '      10 |     name: latest',
        '    > 11 |     image: myorg/eval:latest',
        '         |            ^^^^^^^^^^^^^^^^^',
        '         |                       ^^^^^^',
      ].join('\n'),
    );
  });

  it('shows hints with --include-hints', async () => {
    const r = await lintProject(['--include-hints']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  3:12  hint  Image "python:3.12" is not written by its full name "docker.io/library/python:3.12"');
    expect(r.stdout).toContain('4 problems (0 errors, 1 warning, 2 info, 1 hint)');
  });

  it('never counts infos or hints towards --max-warnings, and --quiet shows errors only', async () => {
    expect((await lintProject(['--max-warnings', '1', '--include-hints'])).code).toBe(0);
    expect((await lintProject(['--max-warnings', '0'])).code).toBe(1);
    const quiet = await lintProject(['--quiet', '--include-hints']);
    expect(quiet.stdout).toBe('');
    expect(quiet.code).toBe(0);
  });
});

describe('the machine formats', () => {
  it.each([
    { format: 'json', hint: '"severity": "hint"', info: '"severity": "info"' },
    { format: 'sarif', hint: 'python:3.12', info: '"level": "note"' },
    { format: 'github', hint: 'python:3.12', info: '::notice file=valohai.yaml,line=7' },
    { format: 'gitlab', hint: 'python:3.12', info: '"severity": "info"' },
  ])('$format: infos by default, hints only with --include-hints', async ({ format, hint, info }) => {
    const without = await lintProject(['--format', format]);
    expect(without.stdout).toContain(info);
    expect(without.stdout).not.toContain(hint);
    const withHints = await lintProject(['--format', format, '--include-hints']);
    expect(withHints.stdout).toContain(hint);
  });

  it('json: the summary counts hints among infos and on their own', async () => {
    const summary = (out: string): unknown => (JSON.parse(out) as { summary: unknown }).summary;
    expect(summary((await lintProject(['--format', 'json'])).stdout)).toMatchObject({ errors: 0, warnings: 1, infos: 2, hints: 0 });
    expect(summary((await lintProject(['--format', 'json', '--include-hints'])).stdout)).toMatchObject({ errors: 0, warnings: 1, infos: 3, hints: 1 });
  });

  it('sarif: hints are notes, like infos', async () => {
    const log = JSON.parse((await lintProject(['--format', 'sarif', '--include-hints'])).stdout) as { runs: { results: { ruleId: string; level: string; message: { text: string } }[] }[] };
    const official = log.runs[0]!.results.find((r) => r.message.text.includes('"python:3.12"'));
    expect(official).toMatchObject({ ruleId: 'image-fully-qualified', level: 'note' });
  });
});

it('--fix qualifies official images too, although their hints are not shown', async () => {
  const r = await lintProject(['--fix']);
  expect(r.code).toBe(0);
  const fixed = readFileSync(join(r.dir, 'valohai.yaml'), 'utf8');
  expect(fixed).toContain('image: docker.io/library/python:3.12');
  expect(fixed).toContain('image: docker.io/myorg/train:1.0');
  // What is left: image-tag's warning, which has no fix.
  expect(r.stdout).toContain('1 problem (0 errors, 1 warning)');
});

it('--list-rules shows the other defaults of a rule whose findings differ in weight', async () => {
  const text = await runCli(['--list-rules']);
  expect(text.stdout).toMatch(/^image-fully-qualified +warning +.*\(info or hint by case, fixable\)$/m);
  const json = JSON.parse((await runCli(['--list-rules', '--format', 'json'])).stdout) as { id: string; messageSeverities?: Record<string, string> }[];
  expect(json.find((r) => r.id === 'image-fully-qualified')?.messageSeverities).toEqual({ officialImage: 'hint', namespaceImage: 'info' });
  expect(json.find((r) => r.id === 'yaml-syntax')?.messageSeverities).toBeUndefined();
});
