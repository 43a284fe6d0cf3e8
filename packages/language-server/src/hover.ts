// Hover: the documentation of the key under the cursor, from the schema's descriptions (with its type and allowed
// values); on an image reference, its parts, registry and the credential pattern that covers it; on a step or node
// name, the step that runs there (step-hover.ts).
import { descriptionOf, documentImageAt, enumValuesOf, instanceOf, schemasForChain, typesOf, type Instance, type LintConfig, type SchemaNode } from '@valohai-lint/core';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Parsed } from './analysis.js';
import { stepHover } from './step-hover.js';
import { spanToRange } from './to-lsp.js';
import { nodeAt } from './tree.js';

/** Markdown documentation of a key: its description, JSON type and allowed values. */
export function keyDocumentation(key: string, schemas: readonly SchemaNode[], inst: Instance = {}): string | undefined {
  const description = descriptionOf(schemas, inst);
  if (!description) return undefined;
  const types = typesOf(schemas, inst);
  const values = enumValuesOf(schemas, inst);
  const lines = [`**${key}**${types.length ? ` · ${types.join(' | ')}` : ''}`, '', description];
  if (values.length > 0 && !(types.length === 1 && types[0] === 'boolean')) lines.push('', `Allowed: ${values.map((v) => `\`${String(v)}\``).join(', ')}`);
  return lines.join('\n');
}

/** What an image hover gets to work with. */
export interface ImageHoverInput {
  /** The parsed document, as the core analyzes images in their context (owner, configuration). */
  parsed: Parsed;
  /** An offset inside the image value. */
  offset: number;
  /** The configuration the document is linted with (registries, public patterns). */
  config: LintConfig;
}

/** Hover text for an image reference: its parts, normalized name, registry and the credential pattern covering it. */
export function imageHover({ parsed, offset, config }: ImageHoverInput): string | undefined {
  const d = documentImageAt(parsed.model, offset, config);
  if (!d) return undefined;
  const lines = [`**Image** \`${d.value}\``, ''];
  if (d.templated) lines.push('A template, filled in when the execution is created; not checked.');
  else if (d.error) lines.push(`Not a valid reference: ${d.error}`);
  else {
    lines.push(`- Registry: ${d.registry ?? 'unknown'} (\`${d.domain}\`)`);
    lines.push(`- Repository: \`${d.path}\``);
    lines.push(`- Tag: ${d.tag === undefined ? (d.digest === undefined ? 'none (means `latest`)' : 'none') : `\`${d.tag}\``}`);
    if (d.digest !== undefined) lines.push(`- Digest: \`${d.digest}\``);
    lines.push(`- Fully qualified: \`${d.normalized}\`${d.fullyQualified ? '' : ' (not written this way)'}`);
    lines.push('', `**Credentials:** ${d.credentials}`);
  }
  return lines.join('\n');
}

export function hover(parsed: Parsed, offset: number, config: LintConfig): Hover | null {
  const step = stepHover(parsed, offset);
  if (step) return { contents: { kind: MarkupKind.Markdown, value: step.text }, range: spanToRange(parsed.source, step.span) };
  const hit = nodeAt(parsed.doc.root, offset);
  if (!hit || hit.chain.length < 2) return null;
  const node = hit.node;
  if (hit.onKey && node.keySpan) {
    const parent = hit.chain[hit.chain.length - 2]!;
    const schemas = schemasForChain(hit.chain);
    const doc = keyDocumentation(String(node.key ?? ''), schemas, instanceOf(node));
    if (!doc || parent.kind !== 'map') return null;
    return { contents: { kind: MarkupKind.Markdown, value: doc }, range: spanToRange(parsed.source, node.keySpan) };
  }
  if (node.key === 'image' && node.kind === 'scalar' && typeof node.value === 'string') {
    const text = imageHover({ parsed, offset, config });
    if (text) return { contents: { kind: MarkupKind.Markdown, value: text }, range: spanToRange(parsed.source, node.span) };
  }
  return null;
}
