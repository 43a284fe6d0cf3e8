// Protocol tests over stdio against the bundled server: initialize, didOpen/didChange, pulled and pushed diagnostics
// with exact ranges, codes, documentation links, related information and tags, and the per-version cache.
import { ruleDocsUrl } from '@valohai-lint/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFromCore } from '../helpers/lsp-expected.js';
import { range, TestClient } from '../helpers/lsp.js';
import languageServerManifest from '../../packages/language-server/package.json' with { type: 'json' };

const SERVER_VERSION = languageServerManifest.version;

const DUPLICATE = `- step:
    name: train
    image: docker.io/library/python:3.12
    command: python train.py
    name: train-again
`;

const EXPECTED_DUPLICATE = {
  range: range(4, 4, 4, 8),
  severity: 2,
  code: 'yaml-duplicate-key',
  codeDescription: { href: ruleDocsUrl('yaml-duplicate-key') },
  source: 'valohai-lint',
  message: 'Key "name" is repeated in this mapping; Valohai keeps only this last value and ignores the earlier one.',
  relatedInformation: [{ location: { uri: 'URI', range: range(1, 4, 1, 8) }, message: '"name" first written here' }],
  data: { ruleId: 'yaml-duplicate-key', version: 1, fixable: false, suggestions: 0 },
};

function expectedDuplicate(uri: string, version: number): unknown {
  return {
    ...EXPECTED_DUPLICATE,
    relatedInformation: [{ ...EXPECTED_DUPLICATE.relatedInformation[0]!, location: { uri, range: range(1, 4, 1, 8) } }],
    data: { ...EXPECTED_DUPLICATE.data, version },
  };
}

describe('pull diagnostics', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ pull: true, settings: () => ({}) });
  });
  afterAll(() => client.stop());

  it('initializes with pull diagnostics and every feature', async () => {
    expect(client.initializeResult).toEqual({
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: 2 },
        diagnosticProvider: { identifier: 'valohai-lint', interFileDependencies: false, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.valohai-lint'], resolveProvider: false },
        executeCommandProvider: { commands: ['valohai-lint.showDocumentation', 'valohai-lint.applyFixAll'] },
        completionProvider: { triggerCharacters: ['.', ':'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'valohai-lint' },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        experimental: { pipelineGraphProvider: true },
      },
      serverInfo: { name: 'valohai-lint', version: SERVER_VERSION },
    });
    expect((await client.request<{ pullDiagnostics: boolean }>('valohai-lint/status', {})).pullDiagnostics).toBe(true);
    // Configuration changes and configuration files are watched.
    await client.waitFor('registrations', () => client.registrations.length >= 2);
    expect(JSON.stringify(client.registrations)).toContain('**/.valohai-lint.yaml');
  });

  it('initializes without a diagnostic provider for a client that cannot pull', async () => {
    const other = await TestClient.start({ pull: false });
    expect(other.initializeResult.capabilities['diagnosticProvider']).toBeUndefined();
    expect((await other.request<{ pullDiagnostics: boolean }>('valohai-lint/status', {})).pullDiagnostics).toBe(false);
    await other.stop();
  });

  it('reports a duplicate key with its exact range, code, docs link and related location', async () => {
    const uri = 'file:///workspace/pull/valohai.yaml';
    await client.open(uri, DUPLICATE);
    const items = await client.pull(uri);
    expect(items.filter((d) => d.code === 'yaml-duplicate-key')).toEqual([expectedDuplicate(uri, 1)]);
  });

  it('follows incremental changes, including a YAML syntax error and its repair', async () => {
    const uri = 'file:///workspace/pull2/valohai.yaml';
    await client.open(uri, DUPLICATE);
    // Delete the second `name:` line entirely.
    await client.change(uri, 2, [{ range: range(4, 0, 5, 0), text: '' }]);
    expect(await client.pull(uri)).toEqual([]);
    // Open a quote that is never closed (a YAML syntax error).
    await client.change(uri, 3, [{ range: range(3, 13, 3, 13), text: '"' }]);
    const broken = await client.pull(uri);
    expect(broken.map((d) => d.code)).toContain('yaml-syntax');
    const text = `- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: "python train.py\n`;
    expect(broken).toEqual(expectedFromCore(uri, text, 3));
    await client.change(uri, 4, [{ range: range(3, 13, 3, 14), text: '' }]);
    expect(await client.pull(uri)).toEqual([]);
  });

  it('answers "unchanged" for a result id that is still current, and never lints one version twice', async () => {
    const uri = 'file:///workspace/pull3/valohai.yaml';
    await client.open(uri, DUPLICATE);
    const before = await client.request<{ lintRuns: number }>('valohai-lint/status', {});
    const first = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(first.kind).toBe('full');
    const second = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    expect(second).toEqual({ kind: 'unchanged', resultId: first.resultId });
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: range(4, 4, 4, 8), context: { diagnostics: [] } });
    const after = await client.request<{ lintRuns: number }>('valohai-lint/status', {});
    expect(after.lintRuns - before.lintRuns).toBe(1);
  });

  it('marks unused suppressions as unnecessary', async () => {
    const uri = 'file:///workspace/pull4/valohai.yaml';
    const text = `# valohai-lint-disable-next-line yaml-duplicate-key\n- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n`;
    await client.open(uri, text);
    const items = await client.pull(uri);
    expect(items).toEqual([
      {
        range: range(0, 0, 0, 51),
        severity: 2,
        code: 'suppression-unused',
        codeDescription: { href: ruleDocsUrl('suppression-unused') },
        source: 'valohai-lint',
        message: expect.stringContaining('yaml-duplicate-key'),
        tags: [1],
        data: { ruleId: 'suppression-unused', version: 1, fixable: true, suggestions: 0 },
      },
    ]);
  });

  it('returns an empty report for a document that is not open', async () => {
    expect(await client.pull('file:///workspace/never-opened/valohai.yaml')).toEqual([]);
  });
});

describe('pushed diagnostics', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ pull: false });
  });
  afterAll(() => client.stop());

  it('publishes on open and after each change, with the document version', async () => {
    const uri = 'file:///workspace/push/valohai.yaml';
    await client.open(uri, DUPLICATE);
    expect((await client.pushedFor(uri, 1)).filter((d) => d.code === 'yaml-duplicate-key')).toEqual([expectedDuplicate(uri, 1)]);
    await client.change(uri, 2, [{ range: range(4, 4, 4, 8), text: 'description' }]);
    expect(await client.pushedFor(uri, 2)).toEqual([]);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///workspace/push2/valohai.yaml';
    await client.open(uri, DUPLICATE);
    expect((await client.pushedFor(uri, 1)).length).toBeGreaterThan(0);
    const count = client.pushed.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.waitFor('the clearing publish', () => client.pushed.length > count && client.pushed.at(-1)?.uri === uri);
    expect(client.pushed.at(-1)?.diagnostics).toEqual([]);
  });

  it('coalesces a burst of changes and lints the last version', async () => {
    const uri = 'file:///workspace/push3/valohai.yaml';
    await client.open(uri, DUPLICATE);
    await client.pushedFor(uri, 1);
    for (let v = 2; v <= 40; v++) await client.change(uri, v, [{ range: range(3, 28, 3, 28), text: ' ' }]);
    await client.pushedFor(uri, 40);
    const text = DUPLICATE.replace('python train.py', `python train.py${' '.repeat(39)}`);
    expect(client.pushed.filter((p) => p.uri === uri).at(-1)?.diagnostics).toEqual(expectedFromCore(uri, text, 40));
  });
});
