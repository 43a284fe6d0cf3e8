// Maps positions inside a scalar's loaded string back to offsets in the source, so that a diagnostic can underline
// just part of a value (an image's tag, a placeholder in a command). Only exact for scalars whose text is written
// verbatim: plain and quoted scalars on one line without escapes. Otherwise it answers "whole value".
import type { SourceFile, Span } from '../source/source-file.js';
import type { YNode } from './nodes.js';
import { resolvePlain } from './scalars.js';

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

/**
 * The source span of `[from, to)` inside the loaded string, or the whole value's span when that cannot be exact (or the
 * range is empty, which no one could see).
 */
export function subSpan(node: YNode, text: string, from: number, to: number): Span {
  const start = verbatimStart(node, text);
  if (start === undefined || to <= from) return node.span;
  return { start: start + from, end: start + to };
}

// `y`/`n` are booleans to YAML 1.1 (not to PyYAML), so other tools could misread them: quote them too.
const SPECIAL = /^(?:y|Y|n|N)$/;

/**
 * True when `value` can be written as a plain scalar anywhere (flow context included) and still read back as this
 * string, under PyYAML's YAML 1.1 rules (so `10h` stays plain, while `300`, `yes` and `2020-01-01` get quotes).
 */
export function plainSafe(value: string): boolean {
  if (!/^[A-Za-z0-9_/(.][A-Za-z0-9_ ()/.*?+=~@$:-]*$/.test(value)) return false;
  if (value.endsWith(' ') || value.includes(' #') || value.includes(': ') || value.endsWith(':')) return false;
  return !SPECIAL.test(value) && resolvePlain(value) === value;
}

/** `value` as a quoted YAML scalar in the given style. */
export function quotedScalar(style: 'single' | 'double', value: string): string {
  return style === 'single' ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
}

/**
 * The replacement text for a scalar that keeps its quoting style: single- and double-quoted values stay quoted that
 * way, a plain value stays plain when that reads back as the same string, and is double-quoted otherwise.
 */
export function requoted(node: YNode, newValue: string): string {
  if (node.kind === 'scalar' && (node.style === 'single' || node.style === 'double')) return quotedScalar(node.style, newValue);
  return plainSafe(newValue) ? newValue : quotedScalar('double', newValue);
}

/**
 * The one way a rule edits a whole value: an edit writing `newText` in place of the scalar `node`. Undefined when
 * `node` is an alias (`*name`): the value is written at its anchor, and replacing the alias with a literal would cut
 * the link between the two places, so the fix belongs at the anchor (whose own finding carries it).
 */
export function scalarEdit(source: SourceFile, node: YNode, newText: string): { span: Span; newText: string } | undefined {
  if (source.text[node.span.start] === '*') return undefined;
  return { span: node.span, newText };
}

/** An edit replacing a whole scalar with a new string value, keeping its quoting style; undefined for an alias. */
export function replaceScalar(source: SourceFile, node: YNode, value: string): { span: Span; newText: string } | undefined {
  return scalarEdit(source, node, requoted(node, value));
}
