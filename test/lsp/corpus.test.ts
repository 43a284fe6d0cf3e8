// The server publishes exactly what the core (and so the CLI) reports for the same text and configuration, over the
// whole shared corpus: every file opened in the bundled server, diagnostics pulled from one client and pushed to
// another, compared with a fresh core lint converted independently of the server's own code.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { corpusFiles, corpusPath } from '../helpers/corpus.js';
import { describeCorpus } from '../helpers/corpus-suite.js';
import { TestClient } from '../helpers/lsp.js';
import { expectedFromCore } from '../helpers/lsp-expected.js';

const files = corpusFiles();

/** A client for the corpus: every file is linted with the default configuration, as `valohai-lint FILE` would. */
function corpusUri(file: string): string {
  // Not a file: URI, so no .valohai-lint.yaml on this machine can apply.
  return `untitled:corpus/${relative(corpusPath(), file)}`;
}

describeCorpus('server diagnostics equal core diagnostics over the shared corpus', () => {
  let pull: TestClient;
  let push: TestClient;
  beforeAll(async () => {
    pull = await TestClient.start({ pull: true, settings: () => ({}) });
    push = await TestClient.start({ pull: false });
  });
  afterAll(async () => {
    await pull.stop();
    await push.stop();
  });

  it('covers the corpus', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('pulled', async () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const uri = corpusUri(file);
      await pull.open(uri, text);
      expect(await pull.pull(uri), relative(corpusPath(), file)).toEqual(expectedFromCore(uri, text, 1));
      await pull.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  });

  it('pushed', async () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const uri = corpusUri(file);
      await push.open(uri, text, 7);
      expect(await push.pushedFor(uri, 7), relative(corpusPath(), file)).toEqual(expectedFromCore(uri, text, 7));
      await push.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  });
});
