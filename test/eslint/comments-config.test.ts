// How the plugin behaves where ESLint and valohai-lint meet, through the real eslint command: ESLint's directives as
// YAML comments, valohai-lint's own suppression comments beside them, rule severities, `.valohai-lint.yaml` and
// `settings.valohai`, a BOM, and custom rules reading the core's model from the SourceCode.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundledCli } from '../helpers/cli.js';
import { eslintProject, RECOMMENDED_CONFIG, runEslint } from '../helpers/eslint.js';

interface Message {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
}

/** Lints one file of a fresh project and returns its messages as "line:column severity rule message". */
function lintFile(files: Record<string, string>, file: string, options: { config?: string; args?: string[] } = {}): string[] {
  const dir = eslintProject({ 'eslint.config.js': options.config ?? RECOMMENDED_CONFIG, ...files });
  const run = runEslint('10.15.0', ['--format', 'json', ...(options.args ?? []), file], dir);
  expect(run.stderr).toBe('');
  const [result] = JSON.parse(run.stdout) as { messages: Message[] }[];
  return result!.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId ?? '-'} ${m.message}`);
}

const configWith = (rules: string, settings = ''): string =>
  `import valohai from 'eslint-plugin-valohai';\nexport default [valohai.configs.recommended, { files: ['**/*.yaml'], rules: {${rules}}${settings ? `, settings: { valohai: ${settings} }` : ''} }];\n`;

const STEP = (image: string): string => `- step:\n    name: train\n    image: ${image}\n    command: python train.py\n`;
const UNTAGGED = 'Image "docker.io/library/python" has no tag, so it means "docker.io/library/python:latest", which changes over time; pin a version tag or a digest.';

describe("ESLint's directives as YAML comments", () => {
  it('eslint-disable-next-line with a reason suppresses one rule on the next line', () => {
    const text = '- step:\n    name: train\n    # eslint-disable-next-line valohai/image-tag -- the base image is rebuilt nightly\n    image: myorg/train\n    command: x\n';
    expect(lintFile({ 'valohai.yaml': text }, 'valohai.yaml')).toEqual(['4:12 1 valohai/image-fully-qualified Image "myorg/train" is not written by its full name "docker.io/myorg/train", so a credential pattern such as "docker.io/myorg/*" would not match it, and if it is private Valohai would pull it without credentials.']);
  });

  it('eslint-disable / eslint-enable cover the lines between them', () => {
    const text = `# eslint-disable valohai/image-tag\n${STEP('docker.io/library/python')}# eslint-enable valohai/image-tag\n${STEP('docker.io/library/python').replace('train', 'eval')}`;
    expect(lintFile({ 'valohai.yaml': text }, 'valohai.yaml')).toEqual([`9:12 1 valohai/image-tag ${UNTAGGED}`]);
  });

  it('eslint-disable-line at the end of a line suppresses findings on that line', () => {
    const text = STEP('docker.io/library/python').replace('python\n', 'python # eslint-disable-line valohai/image-tag\n');
    expect(lintFile({ 'valohai.yaml': text }, 'valohai.yaml')).toEqual([]);
  });

  it('an unused directive is reported, as ESLint reports its own', () => {
    const text = `# eslint-disable-next-line valohai/image-tag\n${STEP('docker.io/library/python:3.12')}`;
    expect(lintFile({ 'valohai.yaml': text }, 'valohai.yaml', { args: ['--report-unused-disable-directives-severity', 'error'] })).toEqual(["1:1 2 - Unused eslint-disable directive (no problems were reported from 'valohai/image-tag')."]);
  });

  it('`# eslint valohai/<id>: off` turns a rule off for the file', () => {
    const text = `# eslint valohai/image-tag: off\n${STEP('docker.io/library/python')}`;
    expect(lintFile({ 'valohai.yaml': text }, 'valohai.yaml')).toEqual([]);
  });

  it('linterOptions.noInlineConfig ignores them and says so', () => {
    const text = `# eslint-disable-next-line valohai/image-tag\n${STEP('docker.io/library/python')}`;
    const config = "import valohai from 'eslint-plugin-valohai';\nexport default [valohai.configs.recommended, { linterOptions: { noInlineConfig: true } }];\n";
    expect(lintFile({ 'valohai.yaml': text }, 'valohai.yaml', { config })).toEqual([
      "1:1 1 - '# eslint-disable-next-line valohai/image-tag' has no effect because you have 'noInlineConfig' setting in your config.",
      `4:12 1 valohai/image-tag ${UNTAGGED}`,
    ]);
  });
});

describe("valohai-lint's own suppression comments beside ESLint's", () => {
  const text = `- step:\n    name: train\n    # valohai-lint-disable-next-line image-tag -- pinned by digest upstream\n    image: docker.io/library/python\n    command: x\n`;

  it('keep working, and a finding they suppress never reaches ESLint (an ESLint directive for it is unused)', () => {
    expect(lintFile({ 'valohai.yaml': text }, 'valohai.yaml')).toEqual([]);
    const both = text.replace('    # valohai-lint', '    # eslint-disable-next-line valohai/image-tag\n    # valohai-lint');
    expect(lintFile({ 'valohai.yaml': both }, 'valohai.yaml', { args: ['--report-unused-disable-directives-severity', 'warn'] })).toEqual(["3:5 1 - Unused eslint-disable directive (no problems were reported from 'valohai/image-tag')."]);
  });

  it('a rule turned off in ESLint does not run, so its suppression is unused, as with valohai-lint --rule <id>=off', () => {
    const eslint = lintFile({ 'valohai.yaml': text }, 'valohai.yaml', { config: configWith("'valohai/image-tag': 'off'") });
    const dir = eslintProject({ 'valohai.yaml': text });
    const cli = JSON.parse(runBundledCli(['--format', 'json', '--rule', 'image-tag=off', 'valohai.yaml'], { cwd: dir }).stdout) as { files: { diagnostics: { line: number; column: number; ruleId: string; message: string }[] }[] };
    const fromCli = cli.files[0]!.diagnostics.map((d) => `${d.line}:${d.column} 1 valohai/${d.ruleId} ${d.message}`);
    expect(fromCli).toEqual(['3:5 1 valohai/suppression-unused This suppression of "image-tag" suppresses nothing; remove it.']);
    expect(eslint).toEqual(fromCli);
  });
});

describe('severities', () => {
  it("ESLint's configuration decides them", () => {
    expect(lintFile({ 'valohai.yaml': STEP('docker.io/library/python') }, 'valohai.yaml', { config: configWith("'valohai/image-tag': 'error'") })).toEqual([`3:12 2 valohai/image-tag ${UNTAGGED}`]);
  });

  it('configs.all makes every rule an error', () => {
    const config = "import valohai from 'eslint-plugin-valohai';\nexport default [valohai.configs.all];\n";
    expect(lintFile({ 'valohai.yaml': STEP('docker.io/library/python') }, 'valohai.yaml', { config })).toEqual([`3:12 2 valohai/image-tag ${UNTAGGED}`]);
  });
});

describe('.valohai-lint.yaml and settings.valohai', () => {
  // Written without its registry: covered by the pattern only once qualified, which the coverage rule reports.
  const PRIVATE = STEP('myorg/trainer:1.0');
  const COVERAGE = '3:12 2 valohai/image-registry-coverage';
  const UNQUALIFIED = '3:12 1 valohai/image-fully-qualified';
  const brief = (messages: string[]): string[] => messages.map((m) => m.split(' ').slice(0, 3).join(' '));
  const REGISTRIES = 'registries:\n  - pattern: docker.io/myorg/*\n    type: docker-hub\n';

  it('the nearest .valohai-lint.yaml is used, found as the CLI finds it', () => {
    const files = { '.valohai-lint.yaml': REGISTRIES, 'ml/valohai.yaml': PRIVATE };
    expect(brief(lintFile(files, 'ml/valohai.yaml'))).toEqual([COVERAGE]);
    expect(brief(lintFile({ 'ml/valohai.yaml': PRIVATE }, 'ml/valohai.yaml'))).toEqual([UNQUALIFIED]);
  });

  it('in a long-lived ESLint (an editor\'s), an edited configuration file counts within two seconds', async () => {
    const dir = eslintProject({ 'eslint.config.js': RECOMMENDED_CONFIG, '.valohai-lint.yaml': REGISTRIES, 'valohai.yaml': PRIVATE });
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: dir });
    const ids = async (): Promise<(string | null)[]> => (await eslint.lintFiles(['valohai.yaml']))[0]!.messages.map((m) => m.ruleId);
    expect(await ids()).toEqual(['valohai/image-registry-coverage']);
    // One run over many files reads each folder's configuration once; an edit is seen once that reading is 2 s old.
    writeFileSync(join(dir, '.valohai-lint.yaml'), 'rules: {}\n');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await ids()).toEqual(['valohai/image-fully-qualified']);
  });

  it('an error in it is reported at its line in the configuration file, as the CLI prints it', () => {
    const broken = `${REGISTRIES}rulez:\n  image-tag: off\n`;
    const dir = eslintProject({ '.valohai-lint.yaml': broken, 'valohai.yaml': PRIVATE });
    const cli = runBundledCli(['valohai.yaml'], { cwd: dir });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe('.valohai-lint.yaml:4:1: error: Unknown configuration key "rulez". Did you mean "rules"? (config-invalid)\n');
    const eslint = lintFile({ '.valohai-lint.yaml': broken }, '.valohai-lint.yaml');
    expect(eslint).toEqual(['4:1 2 valohai/config-invalid Unknown configuration key "rulez". Did you mean "rules"?']);
  });

  it('and once at the top of each valohai.yaml it applies to, whose check goes on with its valid parts', () => {
    const broken = `${REGISTRIES}rulez:\n  image-tag: off\n`;
    const found = lintFile({ '.valohai-lint.yaml': broken, 'valohai.yaml': PRIVATE }, 'valohai.yaml');
    expect(found[0]).toBe('1:1 2 valohai/config-invalid The configuration file ".valohai-lint.yaml" has an error at line 4 (Unknown configuration key "rulez". Did you mean "rules"?); only its valid parts are used.');
    expect(brief(found.slice(1))).toEqual([COVERAGE]);
  });

  it('settings.valohai overrides it, or turns it off', () => {
    const files = { '.valohai-lint.yaml': REGISTRIES, 'valohai.yaml': PRIVATE };
    const found = (config: string): string[] => brief(lintFile(files, 'valohai.yaml', { config }));
    // Declared public, the image needs no credentials, so its short name is fine.
    expect(found(configWith('', "{ public: ['docker.io/myorg/*'] }"))).toEqual([]);
    expect(found(configWith('', '{ configFile: false }'))).toEqual([UNQUALIFIED]);
    expect(found(configWith('', "{ configFile: 'elsewhere.yaml' }"))).toEqual(['1:1 2 valohai/config-invalid', UNQUALIFIED]);
  });

  it('a wrong setting is a finding with the message a wrong configuration file gets', () => {
    const config = configWith('', "{ registries: [{ pattern: 'docker.io/myorg/*', type: 'dockerhub' }], maxFilesize: 10 }");
    expect(lintFile({ 'valohai.yaml': STEP('docker.io/library/python:3.12') }, 'valohai.yaml', { config })).toEqual([
      '1:1 2 valohai/config-invalid Unknown key "maxFilesize" in settings.valohai; use "configFile", "registries", "public" or "maxFileSize".',
      '1:1 2 valohai/config-invalid settings.valohai: Unknown registry type "dockerhub" (leave "type" out to infer it from the pattern\'s host). Did you mean "docker-hub"?',
    ]);
  });
});

describe('positions', () => {
  it('on the first line of a file with a BOM, columns do not count the BOM, in ESLint as in the CLI', () => {
    const text = '\uFEFF- stepp:\n    name: a\n';
    const eslint = lintFile({ 'valohai.yaml': text }, 'valohai.yaml');
    expect(eslint.map((m) => m.split(' ').slice(0, 3).join(' '))).toEqual(['1:3 2 valohai/file-not-valohai']);
    // The CLI keeps the BOM in the file (fixes never drop it) but, as editors do, gives it no column.
    const cli = JSON.parse(runBundledCli(['--format', 'json', '--stdin'], { input: text }).stdout) as { files: { diagnostics: { column: number }[] }[] };
    expect(cli.files[0]!.diagnostics.map((d) => d.column)).toEqual([3]);
  });
});

describe('the SourceCode', () => {
  it("gives custom rules the core's document and model", () => {
    const config = `import valohai from 'eslint-plugin-valohai';
const local = { rules: { 'count-steps': { meta: { messages: { n: '{{n}} steps, {{lines}} lines' } }, create(context) {
  return { Document(node) {
    const steps = context.sourceCode.model.items.filter((i) => i.kind === 'step').length;
    context.report({ node, messageId: 'n', data: { n: String(steps), lines: String(context.sourceCode.lines.length) } });
  } };
} } } };
export default [valohai.configs.recommended, { files: ['**/valohai.yaml'], plugins: { local }, rules: { 'local/count-steps': 'warn' } }];
`;
    const text = `${STEP('docker.io/library/python:3.12')}${STEP('docker.io/library/python:3.12').replace('train', 'eval')}`;
    expect(lintFile({ 'valohai.yaml': text }, 'valohai.yaml', { config })).toEqual(['1:1 1 local/count-steps 2 steps, 9 lines']);
  });
});
