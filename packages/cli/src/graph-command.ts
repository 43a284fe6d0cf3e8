// `valohai-lint graph [FILE] [--pipeline NAME] [--format mermaid|dot|svg|json]`: draws the pipelines of one
// valohai.yaml, with the findings of a normal lint (under the same configuration) marked on the graph.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeSource, DEFAULT_MAX_FILE_SIZE, lint, pipelineGraphs, type LintConfig, type PipelineGraph } from '@valohai-lint/core';
import { drawPipelines, renderDot, renderJson, renderMermaidMarkdown, renderSvg, sceneOf } from '@valohai-lint/graph';
import { ConfigResolver, describeError, readRegularFile } from '@valohai-lint/node';
import { maxBytesFor, relativePath } from './files.js';
import type { Io } from './main.js';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export const GRAPH_HELP = `valohai-lint graph: draw the pipelines of a valohai.yaml.

Usage: valohai-lint graph [FILE] [--pipeline NAME] [--format FORMAT]

FILE defaults to valohai.yaml (or valohai.yml) in the current folder; - reads standard input.
Findings of the lint (with the nearest .valohai-lint.yaml) are drawn in their colour.

Options:
  -f, --format FORMAT   mermaid (Markdown with a mermaid block per pipeline, which GitHub
                        and GitLab draw), dot (Graphviz), svg (self-contained), json.
                        Default: mermaid
  -p, --pipeline NAME   Only this pipeline (repeatable)
  -c, --config FILE     Use this configuration instead of the nearest .valohai-lint.yaml
  -h, --help            Show this help

Exit codes: 0 drawn (whatever the findings); 2 usage error, unreadable file or unknown pipeline.

Examples:
  valohai-lint graph --format svg > pipeline.svg
  valohai-lint graph valohai.yaml --pipeline train-and-evaluate --format dot | dot -Tpng -o pipeline.png
`;

interface GraphOptions {
  file?: string;
  pipelines: string[];
  format: GraphFormat;
  config?: string;
  help: boolean;
}

function parseGraphArgs(argv: readonly string[]): GraphOptions {
  // parseArgs throws on unknown options and missing values; runGraph reports any error here as a usage error.
  const parsed = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      pipeline: { type: 'string', short: 'p', multiple: true },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { values: v, positionals } = parsed;
  if (positionals.length > 1) throw new Error(`graph draws one file; got ${positionals.length}: ${positionals.map((p) => `"${p}"`).join(', ')}.`);
  const format = v.format ?? 'mermaid';
  if (!(GRAPH_FORMATS as readonly string[]).includes(format)) throw new Error(`Unknown graph format "${format}"; expected one of ${GRAPH_FORMATS.map((f) => `"${f}"`).join(', ')}.`);
  const options: GraphOptions = { pipelines: v.pipeline ?? [], format: format as GraphFormat, help: Boolean(v.help) };
  if (positionals[0] !== undefined) options.file = positionals[0];
  if (v.config !== undefined) options.config = v.config;
  return options;
}

/** The graphs drawn in a format. */
export function renderGraphs(graphs: readonly PipelineGraph[], format: GraphFormat, file: string): string {
  if (format === 'json') return renderJson(graphs, { file });
  if (format === 'mermaid') return renderMermaidMarkdown(graphs.map(sceneOf), { file });
  if (format === 'dot') return graphs.map((g) => renderDot(sceneOf(g))).join('\n');
  return renderSvg(drawPipelines(graphs));
}

function configFor(path: string, explicit: string | undefined, io: Io): LintConfig | undefined {
  const resolver = new ConfigResolver();
  const loaded = explicit ? resolver.load(explicit) : resolver.forFile(path);
  for (const d of loaded.diagnostics) io.stderr.write(`${loaded.path ?? '.valohai-lint.yaml'}:${d.start.line}:${d.start.column}: ${d.severity}: ${d.message} (${d.ruleId})\n`);
  return loaded.diagnostics.some((d) => d.severity === 'error') ? undefined : loaded.config;
}

/** Runs `valohai-lint graph …` (argv without the word `graph`) and resolves to the exit code. */
export async function runGraph(argv: readonly string[], io: Io): Promise<number> {
  let options: GraphOptions;
  try {
    options = parseGraphArgs(argv);
  } catch (error) {
    io.stderr.write(`valohai-lint graph: ${(error as Error).message}\nRun valohai-lint graph --help for usage.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(GRAPH_HELP);
    return 0;
  }
  const fail = (message: string): number => {
    io.stderr.write(`valohai-lint graph: ${message}\n`);
    return 2;
  };
  const explicitConfig = options.config === undefined ? undefined : resolve(io.cwd, options.config);
  if (explicitConfig !== undefined && !existsSync(explicitConfig)) return fail(`the configuration file "${options.config}" does not exist.`);

  let path: string;
  // Read as the lint reads: a regular file only, never more than the size limit allows, and strictly UTF-8.
  const maxBytes = maxBytesFor(DEFAULT_MAX_FILE_SIZE);
  let bytes: Uint8Array;
  if (options.file === '-') {
    path = resolve(io.cwd, 'valohai.yaml');
    const input = await io.readStdin(maxBytes);
    if (!(input instanceof Uint8Array)) return fail(`standard input has ${input.tooLarge} bytes, too many to draw.`);
    bytes = input;
  } else {
    const candidates = options.file !== undefined ? [options.file] : ['valohai.yaml', 'valohai.yml'];
    const found = candidates.map((c) => resolve(io.cwd, c)).find((c) => existsSync(c));
    if (found === undefined) return fail(options.file !== undefined ? `"${options.file}" does not exist.` : 'no valohai.yaml or valohai.yml in the current folder; name the file to draw.');
    path = found;
    const read = readRegularFile(path, maxBytes);
    if (read.kind === 'error') return fail(`cannot read "${options.file ?? path}": ${describeError(read.error)}`);
    if (read.kind === 'not-a-file') return fail(`cannot draw "${options.file ?? path}": it is ${read.what}, not a regular file.`);
    if (read.kind === 'too-large') return fail(`"${options.file ?? path}" is too large to analyze.`);
    bytes = read.bytes;
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return fail(`"${options.file ?? path}" is not UTF-8 text, so it cannot be drawn; save it as UTF-8.`);
  const text = decoded.text;
  const config = configFor(path, explicitConfig, io);
  if (!config) return 2;
  const result = lint(text, config);
  if (!result.document) return fail(`"${options.file ?? path}" is too large to analyze.`);
  let graphs = pipelineGraphs(result.document, { diagnostics: result.diagnostics });
  if (options.pipelines.length > 0) {
    const unknown = options.pipelines.filter((name) => !graphs.some((g) => g.name === name));
    if (unknown.length > 0) {
      const known = graphs.length === 0 ? 'it has no pipelines' : `its pipelines are ${graphs.map((g) => `"${g.name}"`).join(', ')}`;
      return fail(`no pipeline ${unknown.map((n) => `"${n}"`).join(', ')} in "${relativePath(io.cwd, path)}"; ${known}.`);
    }
    graphs = graphs.filter((g) => options.pipelines.includes(g.name));
  }
  if (graphs.length === 0) io.stderr.write(`valohai-lint graph: "${relativePath(io.cwd, path)}" has no pipelines.\n`);
  io.stdout.write(renderGraphs(graphs, options.format, relativePath(io.cwd, path)));
  return 0;
}
