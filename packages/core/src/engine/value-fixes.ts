// Fixes and suggestions that replace a whole value, built one way for every rule: the quoting style is kept, and an
// alias (`*name`) is never replaced by a literal (the fix belongs at its anchor), so no fix can cut an alias.
import type { Fix } from '../diagnostic/types.js';
import { replaceScalar, scalarEdit } from '../document/scalar-text.js';
import type { YNode } from '../document/nodes.js';
import type { SourceFile } from '../source/source-file.js';

/** A fix writing the string `value` in place of `node`, quoted as `node` is; undefined for an alias. */
export function valueFix(source: SourceFile, node: YNode, value: string, title: string): Fix | undefined {
  const edit = replaceScalar(source, node, value);
  return edit ? { title, edits: [edit] } : undefined;
}

/** A fix writing `newText` verbatim (already valid YAML) in place of `node`; undefined for an alias. */
export function textFix(source: SourceFile, node: YNode, newText: string, title: string): Fix | undefined {
  const edit = scalarEdit(source, node, newText);
  return edit ? { title, edits: [edit] } : undefined;
}

/** The fixes that exist, as a suggestion list. */
export function present(...fixes: (Fix | undefined)[]): Fix[] {
  return fixes.filter((f): f is Fix => f !== undefined);
}
