// Maps positions inside a scalar's loaded string back to offsets in the source, so that a diagnostic can underline
// just part of a value (an image's tag, a placeholder in a command). Only exact for scalars whose text is written
// verbatim: plain and quoted scalars on one line without escapes. Otherwise it answers "whole value".
import type { Span } from '../source/source-file.js';
import type { YNode } from './nodes.js';

/** The source offset of the loaded string's first character, when the mapping is exact; otherwise undefined. */
export function verbatimStart(node: YNode, text: string): number | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const raw = text.slice(node.span.start, node.span.end);
  const value = node.value;
  if (node.style === 'plain') return raw === value ? node.span.start : undefined;
  if (node.style === 'single' || node.style === 'double') {
    const inner = raw.slice(1, -1);
    if (raw.length >= 2 && inner === value && !inner.includes('\n') && !(node.style === 'double' && inner.includes('\\')) && !(node.style === 'single' && inner.includes("''"))) return node.span.start + 1;
  }
  return undefined;
}

/** The source span of `[from, to)` inside the loaded string, or the whole value's span when that cannot be exact. */
export function subSpan(node: YNode, text: string, from: number, to: number): Span {
  const start = verbatimStart(node, text);
  if (start === undefined) return node.span;
  return { start: start + from, end: start + to };
}

/**
 * The replacement text for a scalar that keeps its quoting style: plain stays plain when the new value is safe
 * unquoted, single-quoted stays single-quoted (with '' escapes), double-quoted stays double-quoted (with \ escapes).
 */
export function requoted(node: YNode, newValue: string): string {
  if (node.kind === 'scalar' && node.style === 'single') return `'${newValue.replace(/'/g, "''")}'`;
  if (node.kind === 'scalar' && node.style === 'double') return JSON.stringify(newValue);
  return /^[^\s#:'"{}[\],&*!|>%@`-][^#]*$/.test(newValue) && !/:\s|\s$/.test(newValue) ? newValue : JSON.stringify(newValue);
}
