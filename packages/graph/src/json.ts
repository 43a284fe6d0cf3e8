// The JSON format: the core's pipeline graph view as it is (elements, sockets, problems, findings, source ranges),
// under a version number that changes only when a field changes meaning or goes away. Printed for people too: small
// objects (a range, a socket) on one line, everything else indented.
import type { PipelineGraph } from '@valohai-lint/core';

/** Bumped when a field is renamed, removed or changes meaning; new fields do not bump it. */
export const GRAPH_JSON_VERSION = 1;

export interface GraphJson {
  version: number;
  /** The file the pipelines come from, as the caller names it. */
  file?: string;
  pipelines: PipelineGraph[];
}

/** Objects and arrays whose one-line form is at most this long stay on one line. */
const INLINE_WIDTH = 120;

/** JSON on one line, with a space after each comma and colon. */
function oneLine(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(oneLine).join(', ')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
}

/** JSON with two-space indentation, except that short objects and arrays are written on one line. */
export function readableJson(value: unknown, indent = ''): string {
  const flat = oneLine(value);
  if (value === null || typeof value !== 'object' || flat.length <= INLINE_WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${readableJson(v, inner)}`).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${readableJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

export function renderJson(graphs: readonly PipelineGraph[], options: { file?: string } = {}): string {
  const out: GraphJson = { version: GRAPH_JSON_VERSION, ...(options.file === undefined ? {} : { file: options.file }), pipelines: [...graphs] };
  return `${readableJson(out)}\n`;
}
