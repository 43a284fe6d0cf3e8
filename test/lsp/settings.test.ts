// Protocol tests over stdio against the bundled server: editor settings (workspace/configuration per folder, pushed
// settings, initializationOptions) and `.valohai-lint.yaml`, and their precedence (docs/language-server.md):
// rules: defaults < file < editor; registries and public: the file's plus the editor's; configFile replaces discovery.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, range, TestClient } from '../helpers/lsp.js';

const DOC = `- step:
    name: train
    image: docker.io/library/python:3.12
    command: python train.py
    name: train-again
    parameters:
      - name: flag
        type: string
        default: no
`;

const severities = (items: Diagnostic[]): Record<string, number | undefined> => Object.fromEntries(items.map((d) => [String(d.code), d.severity]));

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vl-lsp-settings-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder with `.git` (so discovery stops there), an optional `.valohai-lint.yaml` and a valohai.yaml. */
function project(name: string, config?: string): { dir: string; uri: string; folder: string } {
  const dir = join(root, name);
  mkdirSync(join(dir, '.git'), { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, '.valohai-lint.yaml'), config);
  writeFileSync(join(dir, 'valohai.yaml'), DOC);
  return { dir, uri: fileUri(join(dir, 'valohai.yaml')), folder: fileUri(dir) };
}

const FILE_CONFIG = `rules:
  yaml-duplicate-key: error
  yaml-ambiguous-value: off
registries:
  - pattern: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/*
    type: aws-ecr
public:
  - docker.io/library/*
`;

describe('precedence between .valohai-lint.yaml and editor settings', () => {
  let client: TestClient;
  let editor: Record<string, unknown> = {};
  let p: ReturnType<typeof project>;
  beforeAll(async () => {
    p = project('precedence', FILE_CONFIG);
    client = await TestClient.start({ pull: true, settings: () => editor, workspaceFolders: [p.folder] });
    await client.open(p.uri, DOC);
  });
  afterAll(() => client.stop());

  it('rules: the configuration file overrides the defaults', async () => {
    const s = severities(await client.pull(p.uri));
    expect(s['yaml-duplicate-key']).toBe(1);
    expect(s['yaml-ambiguous-value']).toBeUndefined();
  });

  it('rules: editor settings override the configuration file, after didChangeConfiguration and a refresh', async () => {
    editor = { rules: { 'yaml-duplicate-key': 'hint', 'yaml-ambiguous-value': 'info' } };
    const refreshes = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('workspace/diagnostic/refresh', () => client.refreshes > refreshes);
    const s = severities(await client.pull(p.uri));
    expect(s['yaml-duplicate-key']).toBe(4);
    expect(s['yaml-ambiguous-value']).toBe(3);
  });

  it('registries and public: the editor adds to the configuration file', async () => {
    editor = { registries: [{ pattern: 'europe-docker.pkg.dev/my-project/*', type: 'gcp-artifact-registry' }], public: ['ghcr.io/open/*'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = p.uri.replace('valohai.yaml', 'images.valohai.yaml');
    await client.open(uri, '- step:\n    name: a\n    image: \n');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 11 } });
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/', 'registry credentials (aws-ecr)'],
      ['europe-docker.pkg.dev/my-project/', 'registry credentials (gcp-artifact-registry)'],
      ['docker.io/library/', 'public images'],
      ['ghcr.io/open/', 'public images'],
    ]);
  });

  it('a changed configuration file is read again when the client reports it', async () => {
    editor = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    writeFileSync(join(p.dir, '.valohai-lint.yaml'), 'rules:\n  yaml-duplicate-key: off\n');
    const refreshes = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(p.dir, '.valohai-lint.yaml')), type: 2 }] });
    await client.waitFor('workspace/diagnostic/refresh', () => client.refreshes > refreshes);
    const s = severities(await client.pull(p.uri));
    expect(s['yaml-duplicate-key']).toBeUndefined();
    expect(s['yaml-ambiguous-value']).toBe(2);
  });

  it('valohaiLint.configFile replaces discovery (relative to the workspace folder)', async () => {
    mkdirSync(join(p.dir, 'lint'), { recursive: true });
    writeFileSync(join(p.dir, 'lint/strict.yaml'), 'rules:\n  yaml-ambiguous-value: error\n');
    editor = { configFile: 'lint/strict.yaml' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const s = severities(await client.pull(p.uri));
    expect(s['yaml-ambiguous-value']).toBe(1);
    // The discovered file (which turns yaml-duplicate-key off) no longer applies.
    expect(s['yaml-duplicate-key']).toBe(2);
  });

  it('an unreadable configFile is reported on the document, which is linted with the editor settings', async () => {
    editor = { configFile: 'lint/missing.yaml', rules: { 'yaml-duplicate-key': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const items = await client.pull(p.uri);
    expect(items[0]).toMatchObject({ code: 'config-invalid', severity: 1, range: range(0, 0, 0, 0), source: 'valohai-lint' });
    expect(items[0]!.message).toContain(join(p.dir, 'lint/missing.yaml'));
    expect(severities(items)['yaml-duplicate-key']).toBe(1);
  });

  it('enable: false turns the diagnostics off', async () => {
    editor = { enable: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(await client.pull(p.uri)).toEqual([]);
  });
});

describe('configuration problems', () => {
  it('an invalid .valohai-lint.yaml is reported at the top of the document with links into the file', async () => {
    const p = project('invalid', 'rules:\n  yaml-duplicate-key: loud\n  no-such-rule: off\n');
    const client = await TestClient.start({ pull: true, settings: () => ({}), workspaceFolders: [p.folder] });
    await client.open(p.uri, DOC);
    const items = await client.pull(p.uri);
    const configUri = fileUri(join(p.dir, '.valohai-lint.yaml'));
    expect(items[0]).toMatchObject({
      code: 'config-invalid',
      range: range(0, 0, 0, 0),
      relatedInformation: [
        { location: { uri: configUri, range: range(1, 22, 1, 26) }, message: expect.stringContaining('severity of "yaml-duplicate-key"') },
        { location: { uri: configUri, range: range(2, 2, 2, 14) }, message: expect.stringContaining('"no-such-rule" is not a valohai-lint rule') },
      ],
    });
    expect(items[0]!.message).toContain('has 2 problems');
    // The configuration file itself, opened in the editor, shows the same problems at their places.
    await client.open(configUri, 'rules:\n  yaml-duplicate-key: loud\n');
    const own = await client.pull(configUri);
    expect(own.map((d) => [d.code, d.range])).toEqual([['config-invalid', range(1, 22, 1, 26)]]);
    await client.stop();
  });
});

describe('settings per workspace folder', () => {
  it('asks for the settings of each document and applies them to that document only', async () => {
    const a = project('folder-a');
    const b = project('folder-b');
    const asked: (string | undefined)[] = [];
    const client = await TestClient.start({
      pull: true,
      workspaceFolders: [a.folder, b.folder],
      settings: (scopeUri) => {
        asked.push(scopeUri);
        return scopeUri?.startsWith(a.folder) ? { rules: { 'yaml-duplicate-key': 'error' } } : { rules: { 'yaml-duplicate-key': 'off' } };
      },
    });
    await client.open(a.uri, DOC);
    await client.open(b.uri, DOC);
    expect(severities(await client.pull(a.uri))['yaml-duplicate-key']).toBe(1);
    expect(severities(await client.pull(b.uri))['yaml-duplicate-key']).toBeUndefined();
    expect(asked).toEqual([a.uri, b.uri]);
    await client.stop();
  });
});

describe('clients that cannot be asked for settings', () => {
  it('use initializationOptions, then settings pushed with didChangeConfiguration', async () => {
    const p = project('pushed');
    const client = await TestClient.start({ pull: false, workspaceFolders: [p.folder], initializationOptions: { valohaiLint: { rules: { 'yaml-duplicate-key': 'error' } } } });
    await client.open(p.uri, DOC);
    expect(severities(await client.pushedFor(p.uri, 1))['yaml-duplicate-key']).toBe(1);
    const count = client.pushed.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { valohaiLint: { rules: { 'yaml-duplicate-key': 'hint' } } } });
    await client.waitFor('a new publish', () => client.pushed.length > count);
    expect(severities(client.pushed.at(-1)!.diagnostics)['yaml-duplicate-key']).toBe(4);
    await client.stop();
  });
});

describe('an edited .valohai-lint.yaml reaches every feature, not only diagnostics', () => {
  it('an image hover shows the credential verdict of the configuration as it is now (the document is unchanged)', async () => {
    const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
    const text = `- step:\n    name: train\n    image: ${ECR}/ml/train:2.1\n    command: python train.py\n`;
    const p = project('hover-after-config-edit', `registries:\n  - pattern: ${ECR}/ml/*\n    type: aws-ecr\n`);
    writeFileSync(join(p.dir, 'valohai.yaml'), text);
    const client = await TestClient.start({ pull: true, workspaceFolders: [p.folder] });
    await client.open(p.uri, text);
    const hoverText = async (): Promise<string> => {
      await client.pull(p.uri);
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: p.uri }, position: { line: 2, character: 20 } });
      return JSON.stringify(h?.contents ?? null);
    };
    expect(await hoverText()).toContain(`Covered by the aws-ecr credentials pattern \\"${ECR}/ml/*\\"`);
    writeFileSync(join(p.dir, '.valohai-lint.yaml'), `registries:\n  - pattern: ${ECR}/other/*\n    type: aws-ecr\n`);
    const refreshes = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(p.dir, '.valohai-lint.yaml')), type: 2 }] });
    await client.waitFor('workspace/diagnostic/refresh', () => client.refreshes > refreshes);
    const after = await hoverText();
    expect(after).not.toContain(`${ECR}/ml/*`);
    expect(after).toContain(`no configured pattern covers it (tried \\"${ECR}/other/*\\")`);
    await client.stop();
  });
});

describe('the output (window/logMessage), which VS Code shows in the "valohai-lint" output channel', () => {
  it('says that the server started, with its version, and which .valohai-lint.yaml applies to each opened file', async () => {
    const configured = project('output-configured', FILE_CONFIG);
    const plain = project('output-plain');
    const broken = project('output-broken', 'rules:\n  no-such-rule: error\n');
    const client = await TestClient.start({ pull: true, workspaceFolders: [configured.folder, plain.folder, broken.folder] });
    const infos = (): string[] => client.logs.filter((l) => l.type === 3).map((l) => l.message);
    await client.waitFor('the start-up line', () => infos().length > 0);
    expect(infos()[0]).toBe(`valohai-lint language server ${client.initializeResult.serverInfo?.version} started (Node.js ${process.version}).`);
    expect(client.initializeResult.serverInfo?.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const p of [configured, plain, broken]) await client.open(p.uri, DOC);
    await client.waitFor('a line per opened file', () => infos().length >= 4);
    expect(infos().slice(1).sort()).toEqual(
      [
        `${join(configured.dir, 'valohai.yaml')}: configuration ${join(configured.dir, '.valohai-lint.yaml')}.`,
        `${join(plain.dir, 'valohai.yaml')}: no .valohai-lint.yaml applies, so the defaults are used.`,
        `${join(broken.dir, 'valohai.yaml')}: configuration ${join(broken.dir, '.valohai-lint.yaml')}, which has problems (they are shown in the editor).`,
      ].sort(),
    );
    await client.stop();
  });
});
