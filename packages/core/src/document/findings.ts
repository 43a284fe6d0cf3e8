// What parsing finds besides the tree: syntax errors, duplicate keys and YAML 1.1 surprises. A leaf, so the parser and
// its helpers can share these shapes without importing each other.
import type { Span } from '../source/source-file.js';
import type { ScalarNode } from './nodes.js';

/** A YAML syntax problem at an exact place. */
export interface SyntaxFinding {
  code: string;
  message: string;
  span: Span;
}

/** A mapping key written twice: PyYAML silently keeps the last value. */
export interface DuplicateKeyFinding {
  key: string;
  span: Span;
  firstSpan: Span;
}

/** A plain scalar that YAML 1.1 reads differently from what it looks like (`yes`, `1:30`, `017`). */
export interface Yaml11Finding {
  text: string;
  kind: 'boolean' | 'sexagesimal' | 'octal';
  span: Span;
  isKey: boolean;
  value: unknown;
  /** The value's node (for values, not keys), so checks can ask what its place expects. */
  node?: ScalarNode;
}
