// The core's public types: rules, diagnostics, fixes and configuration, shared by every surface (CLI, LSP, extension).
import type { Span } from '../source/source-file.js';
import type { ValohaiDocument } from '../document/document.js';
import type { ValohaiModel } from '../model/model.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** One replacement in the original text. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A titled set of edits: a safe fix (applied by --fix) or a suggestion (offered by editors). */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

/** A 1-based line and column (UTF-16 code units), as the CLI, SARIF and GitHub show them. */
export interface LineColumn {
  line: number;
  column: number;
}

export interface Diagnostic {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  span: Span;
  /** 1-based start and end (end exclusive, i.e. the column after the last character). */
  start: LineColumn;
  end: LineColumn;
  related?: RelatedLocation[];
  fix?: Fix;
  suggestions?: Fix[];
  tags?: ('unnecessary' | 'deprecated')[];
  data?: Record<string, string>;
}

export type RuleArea = 'yaml' | 'schema' | 'structure' | 'step' | 'pipeline' | 'task' | 'image' | 'suppression' | 'config';

export interface RuleMeta<M extends string = string> {
  id: string;
  area: RuleArea;
  description: string;
  defaultSeverity: Severity;
  /** True when the rule may attach a safe fix. The engine refuses fixes from rules that do not say so. */
  fixable: boolean;
  hasSuggestions: boolean;
  messages: Record<M, string>;
  /** True when the rule mirrors a check valohai-yaml makes (or a place where valohai-yaml crashes). */
  parity: boolean;
}

export interface ReportDescriptor<M extends string = string> {
  messageId: M;
  data?: Record<string, string | number>;
  span: Span;
  fix?: Fix;
  suggestions?: Fix[];
  related?: RelatedLocation[];
  tags?: ('unnecessary' | 'deprecated')[];
}

export interface RuleContext<M extends string = string> {
  readonly doc: ValohaiDocument;
  readonly model: ValohaiModel;
  readonly config: ResolvedConfig;
  report(descriptor: ReportDescriptor<M>): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(context: RuleContext<M>): void;
}

/** A registry pattern mirroring one of the organization's Valohai registry credentials. */
export interface RegistryPattern {
  pattern: string;
  type: string;
  description?: string;
}

/** Configuration the core understands. Loading it from files is the CLI's and language server's job. */
export interface LintConfig {
  rules?: Record<string, SeveritySetting>;
  registries?: RegistryPattern[];
  public?: string[];
  /** Files larger than this many UTF-16 code units are not analyzed (default 5,000,000). */
  maxFileSize?: number;
}

export interface ResolvedConfig {
  rules: Record<string, SeveritySetting>;
  registries: RegistryPattern[];
  public: string[];
  maxFileSize: number;
}
