// Protocol tests over stdio against the bundled server: code actions (fix, suggestions, disable for this line, show
// documentation, source.fixAll), applying their edits and linting again.
import { ruleDocsUrl } from '@valohai-lint/core';
import { FIX_ALL_COMMAND, FIX_ALL_KIND, SHOW_DOCUMENTATION_COMMAND } from '@valohai-lint/language-server';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTextEdits, editsFor, range, TestClient } from '../helpers/lsp.js';

let client: TestClient;
beforeAll(async () => {
  client = await TestClient.start({ pull: true, settings: () => ({}) });
});
afterAll(() => client.stop());

let n = 0;
async function openDoc(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = `file:///workspace/actions/${++n}/valohai.yaml`;
  await client.open(uri, text);
  return { uri, diagnostics: await client.pull(uri) };
}

function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const r = diagnostics[0]?.range ?? range(0, 0, 0, 0);
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: r, context: { diagnostics, ...(only ? { only } : {}) } });
}

/** Applies an action's edit to the server's copy of the document (as an editor would) and returns the new text. */
async function apply(uri: string, text: string, edit: WorkspaceEdit | undefined, version: number): Promise<string> {
  const next = applyTextEdits(text, editsFor(edit!, uri));
  await client.change(uri, version, [{ text: next }]);
  return next;
}

describe('quick fixes', () => {
  it('offers "disable for this line" and "show documentation" for a finding without a fix, and the disable works', async () => {
    const text = `- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    name: train-again\n`;
    const { uri, diagnostics } = await openDoc(text);
    const dup = diagnostics.filter((d) => d.code === 'yaml-duplicate-key');
    expect(dup).toHaveLength(1);
    const actions = await actionsFor(uri, dup);
    expect(actions.map((a) => a.title)).toEqual(['Disable yaml-duplicate-key for this line', 'Show documentation for yaml-duplicate-key']);
    expect(actions[0]).toEqual({
      title: 'Disable yaml-duplicate-key for this line',
      kind: 'quickfix',
      diagnostics: dup,
      edit: { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: range(4, 0, 4, 0), newText: '    # valohai-lint-disable-next-line yaml-duplicate-key\n' }] }] },
    });
    expect(actions[1]).toEqual({
      title: 'Show documentation for yaml-duplicate-key',
      kind: 'quickfix',
      diagnostics: dup,
      command: { title: 'Show documentation for yaml-duplicate-key', command: SHOW_DOCUMENTATION_COMMAND, arguments: [ruleDocsUrl('yaml-duplicate-key')] },
    });
    const after = await apply(uri, text, actions[0]!.edit, 2);
    expect(after).toBe(`- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    # valohai-lint-disable-next-line yaml-duplicate-key\n    name: train-again\n`);
    expect(await client.pull(uri)).toEqual([]);
  });

  it('adds a rule to the suppression comment already above the line', async () => {
    const text = `- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    # valohai-lint-disable-next-line yaml-ambiguous-value -- a reason\n    name: train-again\n`;
    const { uri, diagnostics } = await openDoc(text);
    const dup = diagnostics.filter((d) => d.code === 'yaml-duplicate-key');
    const disable = (await actionsFor(uri, dup)).find((a) => a.title.startsWith('Disable'));
    expect(editsFor(disable!.edit!, uri)).toEqual([{ range: range(4, 57, 4, 57), newText: ', yaml-duplicate-key' }]);
  });

  it('applies a fix (preferred) and the finding is gone', async () => {
    const text = `# valohai-lint-disable-next-line yaml-duplicate-key\n- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n`;
    const { uri, diagnostics } = await openDoc(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['suppression-unused']);
    const actions = await actionsFor(uri, diagnostics);
    const fix = actions[0]!;
    expect(fix).toMatchObject({ title: 'Remove the unused suppression comment', kind: 'quickfix', isPreferred: true });
    expect(editsFor(fix.edit!, uri)).toEqual([{ range: range(0, 0, 1, 0), newText: '' }]);
    await apply(uri, text, fix.edit, 2);
    expect(await client.pull(uri)).toEqual([]);
  });

  it('offers each suggestion, none preferred', async () => {
    // A pipeline parameter's default may be anything, so both readings of "yes" are possible and both are offered.
    const text = `- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py {parameters}\n    parameters:\n      - name: flag\n        type: flag\n- pipeline:\n    name: p\n    nodes:\n      - name: n\n        type: execution\n        step: train\n    edges: []\n    parameters:\n      - name: flag\n        targets: [n.parameter.flag]\n        default: yes\n`;
    const { uri, diagnostics } = await openDoc(text);
    const ambiguous = diagnostics.filter((d) => d.code === 'yaml-ambiguous-value');
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-ambiguous-value']);
    expect(ambiguous.map((d) => d.range)).toEqual([range(17, 17, 17, 20)]);
    const actions = await actionsFor(uri, ambiguous);
    const suggestions = actions.filter((a) => a.edit && !a.title.startsWith('Disable'));
    expect(suggestions.length).toBe(2);
    for (const s of suggestions) expect(s.isPreferred).toBeUndefined();
    const quote = suggestions.find((s) => s.title.startsWith('Quote'));
    expect(editsFor(quote!.edit!, uri)).toEqual([{ range: range(17, 17, 17, 20), newText: '"yes"' }]);
    await apply(uri, text, quote!.edit, 2);
    expect((await client.pull(uri)).filter((d) => d.code === 'yaml-ambiguous-value')).toEqual([]);
  });

  it('finds nothing for a stale diagnostic (another range) and nothing for diagnostics of other tools', async () => {
    const text = `- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n    name: train-again\n`;
    const { uri, diagnostics } = await openDoc(text);
    const dup = diagnostics.find((d) => d.code === 'yaml-duplicate-key')!;
    expect(await actionsFor(uri, [{ ...dup, range: range(3, 4, 3, 8) }])).toEqual([]);
    expect(await actionsFor(uri, [{ ...dup, source: 'another-linter' }])).toEqual([]);
  });

  it('does not offer a suppression comment inside a block scalar', async () => {
    const text = `- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: |\n      python train.py {parameter:missing}\n`;
    const { uri, diagnostics } = await openDoc(text);
    const placeholder = diagnostics.filter((d) => d.code === 'command-placeholder');
    expect(placeholder.map((d) => d.range)).toEqual([range(4, 33, 4, 40)]);
    const titles = (await actionsFor(uri, placeholder)).map((a) => a.title);
    expect(titles).toEqual(['Show documentation for command-placeholder']);
  });
});

describe('fix all', () => {
  const text = `# valohai-lint-disable-next-line yaml-duplicate-key\n- step:\n    name: train\n    # valohai-lint-disable-next-line yaml-ambiguous-value\n    image: docker.io/library/python:3.12\n    command: python train.py\n`;

  it('is offered as source.fixAll.valohai-lint with one minimal edit that fixes everything', async () => {
    const { uri, diagnostics } = await openDoc(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['suppression-unused', 'suppression-unused']);
    const actions = await actionsFor(uri, [], ['source.fixAll']);
    expect(actions).toEqual([
      {
        title: 'Fix all auto-fixable valohai-lint problems',
        kind: FIX_ALL_KIND,
        edit: { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: range(0, 0, 3, 57), newText: '- step:\n    name: train' }] }] },
      },
    ]);
    await apply(uri, text, actions[0]!.edit, 2);
    expect(await client.pull(uri)).toEqual([]);
  });

  it('is left out when only quick fixes are asked for, and quick fixes are left out when only source actions are', async () => {
    const { uri, diagnostics } = await openDoc(text);
    expect((await actionsFor(uri, diagnostics, ['quickfix'])).some((a) => a.kind === 'source.fixAll.valohai-lint')).toBe(false);
    expect((await actionsFor(uri, diagnostics, ['source'])).map((a) => a.kind)).toEqual(['source.fixAll.valohai-lint']);
  });

  it('applies every fix through the applyFixAll command', async () => {
    const { uri } = await openDoc(text);
    const before = client.appliedEdits.length;
    await client.request('workspace/executeCommand', { command: FIX_ALL_COMMAND, arguments: [uri] });
    await client.waitFor('workspace/applyEdit', () => client.appliedEdits.length > before);
    expect(applyTextEdits(text, editsFor(client.appliedEdits.at(-1)!, uri))).toBe('- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n');
  });
});

describe('commands', () => {
  it('opens a documentation page with window/showDocument', async () => {
    const url = ruleDocsUrl('yaml-duplicate-key');
    await client.request('workspace/executeCommand', { command: SHOW_DOCUMENTATION_COMMAND, arguments: [url] });
    await client.waitFor('window/showDocument', () => client.shownDocuments.length > 0);
    expect(client.shownDocuments).toEqual([{ uri: url, external: true }]);
  });
});
