// Language server latency for `pnpm bench`: from didChange to diagnostics through the real bundled server over stdio
// (pulled, as VS Code does, and pushed, as Neovim gets them), next to the core's lint time for the same texts in the
// same run. A small hand-written JSON-RPC framer keeps the benchmark free of client libraries.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { lint } from '../packages/core/src/index.js';

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };

/** A minimal LSP client over a child process's stdio (Content-Length framing). */
class RpcClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly listeners: ((m: Message) => void)[] = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.read(chunk));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) this.pending.get(message.id)?.(message);
      else if (message.id !== undefined && message.method !== undefined) this.send({ id: message.id, result: message.method === 'workspace/configuration' ? [{}] : null });
      else for (const l of this.listeners) l(message);
    }
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  /** Resolves with the first notification that satisfies `match`. */
  next(match: (m: Message) => boolean): Promise<Message> {
    return new Promise((resolve) => {
      const listener = (m: Message): void => {
        if (!match(m)) return;
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(m);
      };
      this.listeners.push(listener);
    });
  }
}

async function startServer(root: string, pull: boolean): Promise<{ client: RpcClient; stop: () => void }> {
  const child = spawn(process.execPath, [join(root, 'packages/language-server/dist/server.js'), '--stdio'], { stdio: 'pipe' });
  const client = new RpcClient(child);
  const capabilities = { workspace: { configuration: true }, textDocument: pull ? { diagnostic: {} } : { publishDiagnostics: { versionSupport: true } } };
  await client.request('initialize', { processId: process.pid, rootUri: null, capabilities });
  client.notify('initialized', {});
  return { client, stop: () => child.kill() };
}

/** A generated valohai.yaml of about `lines` lines: steps with parameters and inputs, and pipelines joining them. */
export function generatedFile(lines: number): string {
  const out: string[] = [];
  let count = 0;
  let i = 0;
  while (count < lines * 0.8) {
    out.push(`- step:
    name: step-${i}
    image: docker.io/library/python:3.12
    command:
      - pip install -r requirements.txt
      - python step_${i}.py {parameters}
    parameters:
      - name: learning-rate
        type: float
        default: 0.001
      - name: epochs
        type: integer
        default: 10
    inputs:
      - name: dataset
        default: s3://bucket/data-${i}/*.csv
    outputs:
      - name: model`);
    count += 18;
    i++;
  }
  let p = 0;
  while (count < lines) {
    const a = (p * 2) % i;
    const b = (p * 2 + 1) % i;
    out.push(`- pipeline:
    name: pipeline-${p}
    nodes:
      - name: first
        type: execution
        step: step-${a}
      - name: second
        type: execution
        step: step-${b}
    edges:
      - [first.output.model, second.input.dataset]`);
    count += 11;
    p++;
  }
  return `${out.join('\n')}\n`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * The two texts an edit alternates between, on line 10 (the first step's `default: 0.001`), and the change that makes
 * each from the other. `replace` swaps the value for one of the same length (nothing after it moves); `type` types a
 * character after it and deletes it again, as keystrokes do: every item after the first step moves by one.
 */
function edits(text: string, edit: 'replace' | 'type'): { texts: [string, string]; changes: [unknown, unknown] } {
  const at = (character: number) => ({ line: 9, character });
  if (edit === 'replace') {
    const range = { start: at(17), end: at(22) };
    return { texts: [text, text.replace('default: 0.001', 'default: 0.002')], changes: [{ range, text: '0.001' }, { range, text: '0.002' }] };
  }
  return { texts: [text, text.replace('default: 0.001', 'default: 0.0011')], changes: [{ range: { start: at(22), end: at(23) }, text: '' }, { range: { start: at(22), end: at(22) }, text: '1' }] };
}

/**
 * Median latency from didChange to diagnostics through the server and median core lint time of the same texts,
 * measured alternately in the same run. The warm-up edits give the server's JIT the head start that this process's
 * core already has from the benchmarks before, as a long-running editor session would. With `pauseMs`, each edit and
 * each core lint comes after that long a pause, as keystrokes do: after a pause the processor's caches no longer hold
 * the document, which costs a short incremental lint more, in proportion, than a long full one.
 */
export async function measureLatency(root: string, text: string, runs: number, mode: 'pull' | 'push', warmup = Math.max(3, Math.floor(runs / 4)), pauseMs = 0, edit: 'replace' | 'type' = 'replace'): Promise<{ server: number; core: number }> {
  const pause = (): Promise<void> => (pauseMs > 0 ? new Promise((resolve) => setTimeout(resolve, pauseMs)) : Promise.resolve());
  const { client, stop } = await startServer(root, mode === 'pull');
  const uri = 'file:///bench/valohai.yaml';
  const { texts, changes } = edits(text, edit);
  let version = 1;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  if (mode === 'pull') await client.request('textDocument/diagnostic', { textDocument: { uri } });
  else await client.next((m) => m.method === 'textDocument/publishDiagnostics');
  const serverTimes: number[] = [];
  const coreTimes: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    await pause();
    version++;
    const which = (version + 1) % 2; // the first edit makes texts[1] from the text opened
    const started = performance.now();
    const published = mode === 'push' ? client.next((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { version?: number }).version === version) : undefined;
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [changes[which]] });
    if (mode === 'pull') await client.request('textDocument/diagnostic', { textDocument: { uri } });
    else await published;
    const serverMs = performance.now() - started;
    await pause();
    const t = performance.now();
    lint(texts[which]!);
    const coreMs = performance.now() - t;
    if (i >= warmup) {
      serverTimes.push(serverMs);
      coreTimes.push(coreMs);
    }
  }
  stop();
  return { server: median(serverTimes), core: median(coreTimes) };
}
