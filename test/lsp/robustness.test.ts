// No input crashes the bundled server: 1,000 random edits in a row (positions inside surrogate pairs and CRLFs, past
// the end, huge pastes) with requests in between, each answered, and final diagnostics equal to a fresh core lint of the
// final text; a 20 MB document gets file-too-large at once; requests can be cancelled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFromCore } from '../helpers/lsp-expected.js';
import { TestClient } from '../helpers/lsp.js';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXAMPLE = readFileSync(join(import.meta.dirname, '../../examples/valohai.yaml'), 'utf8');
const FRAGMENTS = [
  '- step:\n    name: x\n',
  '    image: python:3.12\n',
  '😀',
  '\r\n',
  '\r',
  '\n',
  ': ',
  '- ',
  '[a.output.b, c.input.d]',
  '"',
  "'",
  '{parameter:',
  '\t',
  '\uD800',
  '&a *a ',
  '# valohai-lint-disable-next-line yaml-duplicate-key\n',
  '    name: dup\n    name: dup\n',
  '\u0000',
];

/** Applies changes the way LSP defines them (and the server applies them): positions clamped to the text. */
function applyChanges(text: string, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): string {
  let current = text;
  for (const c of changes) {
    if (!c.range) {
      current = c.text;
      continue;
    }
    const doc = TextDocument.create('file:///x', 'yaml', 0, current);
    let s = doc.offsetAt(c.range.start);
    let e = doc.offsetAt(c.range.end);
    if (s > e) [s, e] = [e, s];
    current = current.slice(0, s) + c.text + current.slice(e);
  }
  return current;
}

function randomChange(rand: () => number, text: string): { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const lines = text.split('\n').length;
  const position = (): { line: number; character: number } => {
    const r = rand();
    // Mostly real places, sometimes past the end of a line or of the document, sometimes inside a surrogate pair.
    if (r < 0.05) return { line: lines + Math.floor(rand() * 5), character: Math.floor(rand() * 50) };
    if (r < 0.1) return { line: Math.floor(rand() * lines), character: 500 + Math.floor(rand() * 100) };
    if (r < 0.15) {
      const emoji = text.indexOf('😀');
      if (emoji >= 0) return TextDocument.create('file:///x', 'yaml', 0, text).positionAt(emoji + 1);
    }
    return { line: Math.floor(rand() * lines), character: Math.floor(rand() * 40) };
  };
  const kind = rand();
  if (kind < 0.01) return { text: EXAMPLE };
  if (kind < 0.013) return { range: { start: position(), end: position() }, text: EXAMPLE.repeat(60 + Math.floor(rand() * 60)) }; // a huge paste (100–200 KB)
  if (kind < 0.2) return { range: { start: position(), end: position() }, text: '' };
  const piece = rand() < 0.5 ? FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]! : EXAMPLE.slice(Math.floor(rand() * EXAMPLE.length), Math.floor(rand() * EXAMPLE.length));
  const start = position();
  return { range: { start, end: rand() < 0.7 ? start : position() }, text: piece };
}

describe('random edits', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ pull: false, settings: () => ({}) });
  });
  afterAll(() => client.stop());

  it('survives 1,000 random edits with requests in between, and ends with the core lint of the final text', async () => {
    const seed = 20240611;
    const rand = prng(seed);
    const uri = 'file:///workspace/fuzz/valohai.yaml';
    let text = EXAMPLE;
    await client.open(uri, text, 0);
    const answers: Promise<unknown>[] = [];
    let longest = 0;
    let surrogateSplits = 0;
    const methods = ['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/rename'];
    for (let version = 1; version <= 1000; version++) {
      // Keep the text from growing without end: huge pastes are followed by large deletions.
      const changes = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => randomChange(rand, text));
      if (text.length > 400_000) changes.push({ range: { start: { line: 0, character: 0 }, end: { line: Math.floor(rand() * 20000), character: 0 } }, text: '' });
      text = applyChanges(text, changes);
      longest = Math.max(longest, text.length);
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) surrogateSplits++;
      void client.change(uri, version, changes);
      if (rand() < 0.3) {
        const method = methods[Math.floor(rand() * methods.length)]!;
        const position = { line: Math.floor(rand() * 60) - 5, character: Math.floor(rand() * 60) - 5 };
        const params = { textDocument: { uri }, position, range: { start: position, end: position }, context: { diagnostics: [], includeDeclaration: true }, newName: 'renamed' };
        answers.push(client.request(method, params).then((r) => ({ ok: r }), (e: { code?: number }) => ({ error: e.code })));
      }
    }
    const results = await Promise.all(answers);
    // Every request got an answer; the only errors allowed are a refused rename (invalid params).
    expect(results.length).toBeGreaterThan(200);
    for (const r of results) if ('error' in (r as object)) expect((r as { error: number }).error).toBe(-32602);
    const final = await client.pushedFor(uri, 1000);
    // The run did reach the corners it is meant to: huge texts and broken surrogate pairs.
    expect(longest).toBeGreaterThan(100_000);
    expect(surrogateSplits).toBeGreaterThan(0);
    expect(final).toEqual(expectedFromCore(uri, text, 1000));
    expect(client.stderr).toBe('');
  });
});

describe('limits', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ pull: true, settings: () => ({}) });
  });
  afterAll(() => client.stop());

  it('reports file-too-large for a 20 MB document instead of hanging, and still answers requests', async () => {
    const uri = 'file:///workspace/huge/valohai.yaml';
    const line = '- step:\n    name: a\n    image: docker.io/library/python:3.12\n    command: x\n';
    const text = line.repeat(Math.ceil(20_000_000 / line.length));
    await client.open(uri, text);
    const items = await client.pull(uri);
    expect(items.map((d) => [d.code, d.range])).toEqual([['file-too-large', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]]);
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } })).toBeNull();
    expect(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 5 } })).toEqual([]);
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    // An edit to it is handled as quickly.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
    expect((await client.pull(uri)).map((d) => d.code)).toEqual(['file-too-large']);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('cancels a request that has not started yet', async () => {
    // A slow lint keeps the server busy while the next request and its cancellation queue up behind it.
    const uri = 'file:///workspace/slow/valohai.yaml';
    const step = (i: number) => `- step:\n    name: s${i}\n    image: docker.io/library/python:3.12\n    command: python x.py {parameters}\n    parameters:\n      - name: p\n        type: integer\n        default: 1\n`;
    await client.open(uri, Array.from({ length: 6000 }, (_, i) => step(i)).join(''));
    const slow = client.pull(uri);
    const source = new CancellationTokenSource();
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } }, source.token);
    source.cancel();
    await expect(hover).rejects.toMatchObject({ code: -32800 });
    expect(Array.isArray(await slow)).toBe(true);
  });
});
