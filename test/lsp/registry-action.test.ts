// Protocol test over stdio against the bundled server: the quick fix "Add registry pattern … to .valohai-lint.yaml" on
// an image in a private registry. On a workspace without a configuration it creates the file (CreateFile, then its
// text), and the finding goes away as soon as the editor holds the new text, saved or not; on an existing file it
// inserts the pattern without touching a byte of what is there; without a client that can create files it is not
// offered where no file exists.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { applyTextEdits, editsFor, fileUri, TestClient } from '../helpers/lsp.js';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/train:1.0';
const AZURE = 'mlteam.azurecr.io/serving/api:2.0';
const VALOHAI = `- step:\n    name: train\n    image: ${ECR}\n    command: python train.py\n- step:\n    name: serve\n    image: ${AZURE}\n    command: python serve.py\n`;

/** A repository (a folder with .git) holding ml/valohai.yaml, and optionally a configuration at its root. */
function repository(config?: string): { root: string; valohai: string; configPath: string } {
  const root = mkdtempSync(join(tmpdir(), 'vl-lsp-registry-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'ml'));
  writeFileSync(join(root, 'ml/valohai.yaml'), VALOHAI);
  if (config !== undefined) writeFileSync(join(root, '.valohai-lint.yaml'), config);
  return { root, valohai: fileUri(join(root, 'ml/valohai.yaml')), configPath: join(root, '.valohai-lint.yaml') };
}

const coverage = (ds: Diagnostic[], image: string): Diagnostic[] => ds.filter((d) => d.code === 'image-registry-coverage' && typeof d.message === 'string' && d.message.includes(`"${image}"`));

function actionsFor(client: TestClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

let client: TestClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe('"Add registry pattern" on a workspace without a configuration', () => {
  it('creates .valohai-lint.yaml at the repository root, and the finding goes away once the editor holds the text', async () => {
    const repo = repository();
    client = await TestClient.start({ pull: true, settings: () => ({}), workspaceFolders: [fileUri(repo.root)], createFiles: true });
    await client.open(repo.valohai, VALOHAI);
    const before = await client.pull(repo.valohai);
    const [ecr] = coverage(before, ECR);
    expect(ecr?.severity).toBe(2);
    const actions = await actionsFor(client, repo.valohai, ecr!);
    const add = actions.find((a) => a.title.startsWith('Add registry pattern'));
    expect(add?.title).toBe('Add registry pattern "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/*" to .valohai-lint.yaml');
    const configUri = fileUri(repo.configPath);
    const [create, edit] = add!.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    expect(create).toEqual({ kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    expect(edit.textDocument).toEqual({ uri: configUri, version: null });

    // What VS Code does: create the (empty) file, then hold the edited text in an unsaved document.
    writeFileSync(repo.configPath, '');
    await client.filesChanged([{ uri: configUri, type: 1 }]);
    const configText = applyTextEdits('', edit.edits as never);
    expect(configText).toContain('\nregistries:\n  # AWS ECR: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/train:1.0"; make this the pattern set up in Valohai\n  - pattern: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/*\n');
    await client.open(configUri, configText);
    expect(await client.pull(configUri)).toEqual([]);
    const after = await client.pull(repo.valohai);
    expect(coverage(after, ECR)).toEqual([]);
    // With registries configured, the Azure image is now an error: the organization's credentials are known.
    const [azure] = coverage(after, AZURE);
    expect(azure?.severity).toBe(1);
    expect(readFileSync(repo.configPath, 'utf8')).toBe('');

    // The second pattern goes into the open document, at its version.
    const second = (await actionsFor(client, repo.valohai, azure!)).find((a) => a.title.startsWith('Add registry pattern'));
    expect(second?.title).toBe('Add registry pattern "mlteam.azurecr.io/serving/*" to .valohai-lint.yaml');
    const secondEdit = second!.edit!.documentChanges![0] as TextDocumentEdit;
    expect(secondEdit.textDocument).toEqual({ uri: configUri, version: 1 });
    const full = applyTextEdits(configText, editsFor(second!.edit!, configUri));
    await client.change(configUri, 2, [{ text: full }]);
    expect(coverage(await client.pull(repo.valohai), AZURE)).toEqual([]);

    // Saved and closed: the disk has the same text, and the findings stay away.
    writeFileSync(repo.configPath, full);
    await client.close(configUri);
    await client.filesChanged([{ uri: configUri, type: 2 }]);
    expect((await client.pull(repo.valohai)).filter((d) => d.code === 'image-registry-coverage')).toEqual([]);
  });

  it('is not offered where no file exists when the client cannot create files', async () => {
    const repo = repository();
    client = await TestClient.start({ pull: true, settings: () => ({}), workspaceFolders: [fileUri(repo.root)] });
    await client.open(repo.valohai, VALOHAI);
    const [ecr] = coverage(await client.pull(repo.valohai), ECR);
    const titles = (await actionsFor(client, repo.valohai, ecr!)).map((a) => a.title);
    expect(titles).toEqual(['Disable image-registry-coverage for this line', 'Show documentation for image-registry-coverage']);
    expect(existsSync(repo.configPath)).toBe(false);
  });
});

describe('"Add registry pattern" on an existing configuration', () => {
  it('inserts the pattern after the last entry, keeping comments and formatting, and the pushed finding goes away', async () => {
    const existing = '# Our registries (keep in sync with Valohai)\nregistries:\n    -   pattern: "docker.io/myorg/*"   # Docker Hub token\n\n# Images anyone can pull\npublic:\n    - docker.io/library/*\n';
    const repo = repository(existing);
    client = await TestClient.start({ pull: false, settings: () => ({}), workspaceFolders: [fileUri(repo.root)], createFiles: true });
    await client.open(repo.valohai, VALOHAI);
    const [azure] = coverage(await client.pushedFor(repo.valohai, 1), AZURE);
    expect(azure?.severity).toBe(1);
    const add = (await actionsFor(client, repo.valohai, azure!)).find((a) => a.title.startsWith('Add registry pattern'));
    const configUri = fileUri(repo.configPath);
    expect(add?.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { uri: configUri, version: null } });
    const updated = applyTextEdits(existing, editsFor(add!.edit!, configUri));
    expect(updated).toBe(
      '# Our registries (keep in sync with Valohai)\nregistries:\n    -   pattern: "docker.io/myorg/*"   # Docker Hub token\n    # Azure Container Registry: "mlteam.azurecr.io/serving/api:2.0"; make this the pattern set up in Valohai\n    - pattern: mlteam.azurecr.io/serving/*\n\n# Images anyone can pull\npublic:\n    - docker.io/library/*\n',
    );
    const pushes = client.pushed.length;
    writeFileSync(repo.configPath, updated);
    await client.filesChanged([{ uri: configUri, type: 2 }]);
    await client.waitFor('new diagnostics after the configuration changed', () => client!.pushed.length > pushes);
    expect(coverage(client.pushed.at(-1)!.diagnostics, AZURE)).toEqual([]);
    expect(coverage(client.pushed.at(-1)!.diagnostics, ECR)).toHaveLength(1);
  });
});
