// Entry point of the bundled `valohai-lint` executable.
import { tuneJitFor } from './jit.js';
import { run } from './main.js';

/** Reads standard input, keeping at most `maxBytes`: a larger (or endless) stream is not read to its end. */
async function readStdin(maxBytes: number): Promise<Uint8Array | { tooLarge: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return { tooLarge: `more than ${maxBytes}` };
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

// The run that writes the code cache keeps V8's flags as they start: a cache made under other flags is rejected.
const jitTuning = process.env['VALOHAI_LINT_WRITE_CODE_CACHE'] === '1' ? undefined : tuneJitFor;

// `valohai-lint | head` closes the pipe early; that is the reader's choice, not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, readStdin, beforeLint: jitTuning }).then(
  (code) => {
    process.exitCode = code;
    exitOnceWritten();
  },
  (error: unknown) => {
    process.stderr.write(`valohai-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
    exitOnceWritten();
  },
);

/**
 * Ends the process once what it wrote is out (an empty write's callback comes after every earlier write's). Left to end
 * by itself, Node would first wait for V8's background work, such as the garbage collector's concurrent marking and the
 * full collection it ends in: 10-20 ms of a batch run spent on a heap that is about to be thrown away.
 */
function exitOnceWritten(): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}
