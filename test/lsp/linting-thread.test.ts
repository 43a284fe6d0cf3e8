// The server lints on its own thread: the editor's requests are answered while a long lint runs, and an edit inside
// one step of a large file is linted again incrementally, with the same result as a fresh core lint of the new text.
import { describe, expect, it } from 'vitest';
import { expectedFromCore } from '../helpers/lsp-expected.js';
import { TestClient } from '../helpers/lsp.js';
import { generatedFile } from '../../scripts/bench-lsp.js';

describe('linting on the server thread of its own', () => {
  it('says it lints on a thread of its own', async () => {
    const client = await TestClient.start({ pull: true });
    const status = await client.request<{ linting: string }>('valohai-lint/status', {});
    expect(status.linting).toBe('thread');
    await client.stop();
  });

  it('answers completion right after an edit, before the lint of the edited text is done', async () => {
    const client = await TestClient.start({ pull: true });
    const uri = 'file:///workspace/large/valohai.yaml';
    const text = generatedFile(60_000);
    await client.open(uri, text);
    // The edit replaces the whole text, so the lint of this version starts from nothing (no kept items).
    const edited = text.replace('default: 0.001', 'default: 0.002');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const order: string[] = [];
    const diagnostics = client.request('textDocument/diagnostic', { textDocument: { uri } }).then(() => order.push('diagnostics'));
    const line = edited.slice(0, edited.indexOf('    image:')).split('\n').length - 1;
    const completion = client.request<{ label: string }[] | { items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } }).then((r) => {
      order.push('completion');
      return Array.isArray(r) ? r : r.items;
    });
    const items = await completion;
    await diagnostics;
    expect(items.map((i) => i.label)).toContain('environment');
    expect(order).toEqual(['completion', 'diagnostics']);
    await client.stop();
  });

  it('lints an edit inside one step of a large file incrementally, with the core lint result of the new text', async () => {
    const client = await TestClient.start({ pull: true });
    const uri = 'file:///workspace/typing/valohai.yaml';
    let text = generatedFile(20_000);
    await client.open(uri, text);
    await client.pull(uri);
    let version = 1;
    for (const edit of ['default: 0.0011', 'default: 0.00112', 'default: 0.0011']) {
      const at = text.indexOf('default: 0.001', text.length / 2);
      const end = text.indexOf('\n', at);
      text = text.slice(0, at) + edit + text.slice(end);
      version++;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      expect(await client.pull(uri)).toEqual(expectedFromCore(uri, text, version));
      // Counting work, not time: one item parsed and checked again, of all of them.
      const status = await client.request<{ lastLint: { whole: boolean; items: number; parsed: number; checked: number } }>('valohai-lint/status', {});
      expect(status.lastLint).toMatchObject({ whole: false, parsed: 1, checked: 1 });
      expect(status.lastLint.items).toBeGreaterThan(500);
    }
    await client.stop();
  });
});
