// The shapes every finding shares, whoever reports it (a rule, the engine, the configuration parser): severities, text
// edits, fixes, the diagnostic itself and the metadata that declares a kind of finding. A leaf: it imports only spans.
import type { Span } from '../source/source-file.js';

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

/** A related location of a built diagnostic, with its positions computed like the diagnostic's own. */
export interface DiagnosticRelated extends RelatedLocation {
  start: LineColumn;
  end: LineColumn;
}

export type DiagnosticTag = 'unnecessary' | 'deprecated';

export interface Diagnostic {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  span: Span;
  /** 1-based start and end (end exclusive, i.e. the column after the last character). */
  start: LineColumn;
  end: LineColumn;
  related?: DiagnosticRelated[];
  fix?: Fix;
  suggestions?: Fix[];
  tags?: DiagnosticTag[];
  data?: Record<string, string>;
}

export type FindingArea = 'yaml' | 'schema' | 'structure' | 'step' | 'pipeline' | 'task' | 'image' | 'suppression' | 'config';

/** Declares a kind of finding: its stable id (the rule id users configure and suppress), its messages and defaults. */
export interface FindingMeta<M extends string = string> {
  id: string;
  area: FindingArea;
  description: string;
  defaultSeverity: Severity;
  /**
   * Default severities of particular messages, for a kind whose findings differ in weight (an official image written
   * short is a hint, a namespaced one a warning once Docker Hub credentials are configured): the rule says which case
   * it found by its messageId, and the weight of each case is declared here, not decided in code. Messages not listed
   * have `defaultSeverity`. A severity the user configures for the kind replaces all of them.
   */
  messageSeverities?: Partial<Record<M, Severity>>;
  /** True when a finding may carry a safe fix. Reports with a fix of a kind that does not say so are refused. */
  fixable: boolean;
  hasSuggestions: boolean;
  messages: Record<M, string>;
  /** True when the finding mirrors a check valohai-yaml makes (or a place where valohai-yaml crashes). */
  parity: boolean;
  /**
   * What a rule reads to decide about one top-level item. Unset: that item alone, plus which item valohai-yaml keeps
   * under each name (the model's lookups) and, deciding about a pipeline, the names the steps declare under `inputs`
   * and `parameters` and the step each task runs (model/cross-item-facts.ts), so it can run one item at a time and its
   * findings on an unchanged item can be kept while another is edited. "document": any other content of other items,
   * items compared with each other, the YAML parser's findings, or the file as a whole; it runs on the whole document
   * every time.
   */
  scope?: 'document';
}

/** What a reporter says about one finding; positions, message text and severity are filled in by createDiagnostic. */
export interface ReportDescriptor<M extends string = string> {
  messageId: M;
  data?: Record<string, string | number>;
  span: Span;
  fix?: Fix;
  suggestions?: Fix[];
  related?: RelatedLocation[];
  tags?: DiagnosticTag[];
}
