// Stable identities of findings for CI systems (SARIF partialFingerprints, GitLab Code Quality fingerprints) and the
// repository-relative paths CI systems want. A fingerprint must survive unrelated edits (lines inserted above, a step
// added before), so it hashes what is reported, never where: the rule, the file, the YAML path of the reported node
// (list items named by their `name`, never by their index), the reported text and the text of the line it starts on
// (both with whitespace collapsed), and a counter that tells apart identical findings.
import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic, YNode } from '@valohai-lint/core';
import { sourceOf, type FileResult } from './types.js';

const contains = (span: { start: number; end: number }, offset: number): boolean => offset >= span.start && (offset < span.end || offset === span.start);

/**
 * How a list item is named in a path: by its `name` (`[train]`), by `kind: {name}` (`[step:train]`), else not at all
 * (`[]`): an index would change whenever an item is inserted before it.
 */
function itemSegment(item: YNode): string {
  if (item.kind === 'map') {
    const name = item.entries.get('name');
    if (name?.kind === 'scalar' && typeof name.value === 'string') return `[${name.value}]`;
    if (item.entries.size === 1) {
      const [kind, inner] = [...item.entries][0]!;
      const innerName = inner.kind === 'map' ? inner.entries.get('name') : undefined;
      if (innerName?.kind === 'scalar' && typeof innerName.value === 'string') return `[${kind}:${innerName.value}]`;
    }
  }
  return '[]';
}

/** The path of the innermost node whose key or value contains the offset, e.g. `[step:train].parameters[lr].default`. */
export function yamlPathAt(root: YNode | undefined, offset: number): string {
  let path = '';
  let node = root;
  const seen = new Set<YNode>();
  while (node && !seen.has(node)) {
    seen.add(node);
    let next: YNode | undefined;
    if (node.kind === 'map') {
      for (const [key, value] of node.entries) {
        if (value.keySpan && contains(value.keySpan, offset)) return `${path}.${key}`;
        if (contains(value.span, offset)) {
          path += `.${key}`;
          next = value;
          break;
        }
      }
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => contains(item.span, offset));
      if (index >= 0) {
        path += itemSegment(node.items[index]!);
        next = node.items[index];
      }
    }
    node = next;
  }
  return path;
}

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** How much of the reported text and of its line is hashed: enough to tell findings apart, bounded on one-line files. */
const MAX_HASHED = 1024;

/**
 * One fingerprint per diagnostic (same order): 32 hex digits of a SHA-256 over the rule, its message id, the reported
 * path of the file, the YAML path, the normalized reported text and start line, and an occurrence counter. Unique
 * within a file (and, as the path is part of it, within a run).
 */
export function fingerprints(result: FileResult, reportedPath: string): string[] {
  if (result.diagnostics.length === 0) return [];
  const source = sourceOf(result);
  const doc = result.document;
  // With syntax errors the tree is a guess that shifts with unrelated edits; the texts and the counter must do. A file
  // too large to analyze has no tree at all.
  const root = doc && !doc.hasSyntaxErrors ? doc.root : undefined;
  const seen = new Map<string, number>();
  return result.diagnostics.map((d: Diagnostic) => {
    const reported = normalize(result.text.slice(d.span.start, Math.min(d.span.end, d.span.start + MAX_HASHED)));
    const lineIndex = source.positionAt(d.span.start).line;
    const lineStart = source.lineStart(lineIndex) ?? 0;
    const line = normalize(result.text.slice(lineStart, Math.min(source.lineEnd(lineIndex), lineStart + MAX_HASHED)));
    const key = [d.ruleId, d.messageId, reportedPath, yamlPathAt(root, d.span.start), reported, line].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    // Loaded on first use: only the SARIF and GitLab reports need it, and loading it costs every run a few ms.
    return process.getBuiltinModule('node:crypto').createHash('sha256').update(`valohai-lint/v1\0${key}\0${occurrence}`).digest('hex').slice(0, 32);
  });
}

/**
 * The path to report for CI: relative to the CI system's checkout (e.g. GITHUB_WORKSPACE, CI_PROJECT_DIR) when the file
 * lies inside it, else relative to the working directory. Forward slashes always.
 */
export function checkoutPath(result: FileResult, root: string | undefined): string {
  if (root) {
    const rel = relative(root, result.path);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return result.relativePath;
}

/** The last line a diagnostic touches: a range ending at the very start of a line does not touch that line. */
export function lastLine(d: Diagnostic): number {
  return d.end.line > d.start.line && d.end.column === 1 ? d.end.line - 1 : d.end.line;
}
