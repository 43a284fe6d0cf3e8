// The plugin's syntax tree as ESLint sees it: one Document node spanning the file (rules read the core's document and
// model from the SourceCode instead of visiting nodes) and the YAML comments, which carry ESLint's directives.
import type { SourceLocation } from '@eslint/core';

export interface DocumentNode {
  type: 'Document';
  range: [number, number];
  loc: SourceLocation;
}

export interface CommentNode {
  type: 'Comment';
  /** The text after `#`. */
  value: string;
  range: [number, number];
  loc: SourceLocation;
}
