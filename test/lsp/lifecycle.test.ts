// The LSP lifecycle over stdio against the bundled server (issue 10, item 16): before `initialize`, requests fail with
// ServerNotInitialized (-32002) and notifications are dropped; `initialize` is accepted once; after `shutdown`,
// requests fail with InvalidRequest (-32600); `exit` ends the process with 0 after a shutdown, 1 without one.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createProtocolConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureServerBuilt, SERVER } from '../helpers/lsp.js';

interface Raw {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
}

const running: Raw[] = [];

/** The server with a bare connection: nothing is sent until the test sends it. */
function start(): Raw {
  ensureServerBuilt();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const raw = { connection, child, exited };
  running.push(raw);
  return raw;
}

afterEach(() => {
  for (const r of running.splice(0)) {
    r.connection.dispose();
    r.child.kill();
  }
});

const URI = 'file:///project/valohai.yaml';
const TEXT = '- step:\n    name: train\n    image: docker.io/library/python:3.12\n    command: python train.py\n';
const hover = { textDocument: { uri: URI }, position: { line: 1, character: 6 } };
const initialize = { processId: null, rootUri: null, capabilities: {} };

/** The error a request ends with (or the result, when it succeeds). */
async function outcome(p: Promise<unknown>): Promise<{ code: number; message: string } | { result: unknown }> {
  try {
    return { result: await p };
  } catch (error) {
    if (error instanceof ResponseError) return { code: error.code, message: error.message };
    throw error;
  }
}

describe('before initialize', () => {
  it('requests fail with ServerNotInitialized, and notifications are dropped', async () => {
    const { connection } = start();
    expect(await outcome(connection.sendRequest('textDocument/hover', hover))).toEqual({ code: ErrorCodes.ServerNotInitialized, message: 'The server is not initialized: send "initialize" first.' });
    expect(await outcome(connection.sendRequest('valohai-lint/status'))).toMatchObject({ code: ErrorCodes.ServerNotInitialized });
    expect(await outcome(connection.sendRequest('shutdown'))).toMatchObject({ code: ErrorCodes.ServerNotInitialized });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
    await connection.sendRequest('initialize', initialize);
    await connection.sendNotification('initialized', {});
    // The document sent before initialize was dropped: the server has none open.
    expect(await connection.sendRequest('valohai-lint/status')).toMatchObject({ openDocuments: 0 });
  });
});

describe('initialize', () => {
  it('is accepted once; a second one is an InvalidRequest', async () => {
    const { connection } = start();
    expect(await outcome(connection.sendRequest('initialize', initialize))).toMatchObject({ result: { serverInfo: { name: 'valohai-lint' } } });
    expect(await outcome(connection.sendRequest('initialize', initialize))).toMatchObject({ code: ErrorCodes.InvalidRequest });
  });
});

describe('after shutdown', () => {
  it('requests fail with InvalidRequest, and exit ends the process with 0', async () => {
    const { connection, exited } = start();
    await connection.sendRequest('initialize', initialize);
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
    expect(await outcome(connection.sendRequest('textDocument/hover', hover))).toMatchObject({ result: expect.anything() });
    expect(await outcome(connection.sendRequest('shutdown'))).toEqual({ result: null });
    expect(await outcome(connection.sendRequest('textDocument/hover', hover))).toEqual({ code: ErrorCodes.InvalidRequest, message: 'The server has been shut down: only "exit" is accepted now.' });
    expect(await outcome(connection.sendRequest('textDocument/completion', hover))).toMatchObject({ code: ErrorCodes.InvalidRequest });
    expect(await outcome(connection.sendRequest('shutdown'))).toMatchObject({ code: ErrorCodes.InvalidRequest });
    await connection.sendNotification('exit');
    expect(await exited).toBe(0);
  });

  it('exit without shutdown ends the process with 1', async () => {
    const { connection, exited } = start();
    await connection.sendRequest('initialize', initialize);
    await connection.sendNotification('exit');
    expect(await exited).toBe(1);
  });
});
