// Entry point of `valohai-language-server --stdio` (also --node-ipc, --socket=PORT or --pipe=NAME, which
// vscode-languageserver reads from the command line). The same script is the server's linting thread when the server
// starts it as one (lint-runner.ts).
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection } from 'vscode-languageserver/node';
import { LINT_WORKER_ROLE } from './lint-runner.js';
import { serveLintRequests } from './lint-worker.js';
import { startServer } from './server.js';

const USAGE = `Usage: valohai-language-server --stdio

The valohai-lint language server for valohai.yaml. Start it from an editor, which talks to it over stdin and stdout
(--stdio), Node IPC (--node-ipc), a socket (--socket=PORT) or a named pipe (--pipe=NAME).
`;

function serveEditor(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    process.stderr.write(`valohai-language-server: say how the editor connects.\n\n${USAGE}`);
    process.exit(2);
  }

  // A bug must never take the editor's linting down with it: log to stderr (stdout carries the protocol) and go on.
  process.on('uncaughtException', (error) => {
    process.stderr.write(`valohai-language-server: uncaught exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  });
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`valohai-language-server: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
  });

  // This very script (the entry point, bundled into one file) is what the linting thread runs.
  startServer(createConnection(), { workerScript: process.argv[1] });
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === LINT_WORKER_ROLE) serveLintRequests();
else serveEditor();
