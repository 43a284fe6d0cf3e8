// The SourceCode of a valohai.yaml (or .valohai-lint.yaml) in ESLint: the text and its lines (split where YAML splits
// them: CRLF, LF and a lone CR), the core's parsed document and model for custom rules, the YAML comments that carry
// ESLint's directives, and the core's lint of the file, shared by every rule.
import type { FileProblem, RulesConfig, SourceLocation, TraversalStep } from '@eslint/core';
import { TextSourceCodeBase, VisitNodeStep, type Directive } from '@eslint/plugin-kit';
import { buildModel, findComments, type SourceFile, type ValohaiDocument, type ValohaiModel } from '@valohai-lint/core';
import { FileAnalysis } from './analysis.js';
import { disableDirectives, inlineConfigComments, inlineRuleConfigs } from './directives.js';
import type { CommentNode, DocumentNode } from './nodes.js';

export class ValohaiSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: DocumentNode;
  SyntaxElementWithLoc: DocumentNode | CommentNode;
  ConfigNode: CommentNode;
}> {
  /** The core's parse of the text: undefined for a `.valohai-lint.yaml`, or a text too large to parse up front. */
  readonly document: ValohaiDocument | undefined;
  readonly isConfigFile: boolean;
  /** The core's lint of this file, run once for all the plugin's rules. */
  readonly analysis: FileAnalysis;
  private readonly positions: SourceFile;
  private commentNodes: CommentNode[] | undefined;
  private modelCache: ValohaiModel | undefined;

  constructor(options: { text: string; ast: DocumentNode; document: ValohaiDocument | undefined; positions: SourceFile; isConfigFile: boolean }) {
    super({ text: options.text, ast: options.ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.document = options.document;
    this.isConfigFile = options.isConfigFile;
    this.positions = options.positions;
    this.analysis = new FileAnalysis(options.text, options.document, options.isConfigFile);
  }

  /** The core's model of the valohai.yaml (steps, pipelines, tasks, …), built on first use. */
  get model(): ValohaiModel | undefined {
    if (!this.document) return undefined;
    this.modelCache ??= buildModel(this.document.root);
    return this.modelCache;
  }

  /** Line and column index of the text, as the core counts them. */
  get sourceFile(): SourceFile {
    return this.positions;
  }

  /** Every YAML comment (never a `#` inside a quoted or block scalar). */
  get comments(): readonly CommentNode[] {
    this.commentNodes ??= findComments(this.text).map((c) => ({ type: 'Comment', value: c.text, range: [c.span.start, c.span.end], loc: this.locOf(c.span.start, c.span.end) }));
    return this.commentNodes;
  }

  locOf(start: number, end: number): SourceLocation {
    const s = this.positions.positionAt(start);
    const e = this.positions.positionAt(end);
    return { start: { line: s.line + 1, column: s.character }, end: { line: e.line + 1, column: e.character } };
  }

  override getParent(node: DocumentNode | CommentNode): DocumentNode | undefined {
    return node.type === 'Comment' ? this.ast : undefined;
  }

  override *traverse(): Iterable<TraversalStep> {
    yield new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, undefined] });
    yield new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, undefined] });
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    return disableDirectives(this.directiveCandidates());
  }

  getInlineConfigNodes(): CommentNode[] {
    return inlineConfigComments(this.directiveCandidates());
  }

  applyInlineConfig(): { configs: { config: { rules: RulesConfig }; loc: SourceLocation }[]; problems: FileProblem[] } {
    return inlineRuleConfigs(this.directiveCandidates());
  }

  /**
   * The comments that could be ESLint directives. Every directive's label starts with "eslint", so a text without that
   * word has none, and ESLint's three calls per file cost no lexing of it (most valohai.yaml files have no directive).
   */
  private directiveCandidates(): readonly CommentNode[] {
    return this.text.includes('eslint') ? this.comments : [];
  }
}
