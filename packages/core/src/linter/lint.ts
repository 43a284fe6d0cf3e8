// The lint pipeline: parse → analysis context → rules → suppressions → severities → sorted diagnostics.
import { resolveConfig } from '../config/resolve.js';
import type { LintConfig, ResolvedConfig } from '../config/types.js';
import { createDiagnostic } from '../diagnostic/create.js';
import { severityOf } from '../diagnostic/severity.js';
import type { Diagnostic, FindingMeta, Fix, ReportDescriptor, TextEdit } from '../diagnostic/types.js';
import { createDocument, type ValohaiDocument } from '../document/document.js';
import { createAnalysisContext, type AnalysisContext } from '../engine/context.js';
import { applyFixes } from '../engine/fixes.js';
import { EditTrail } from '../engine/edit-trail.js';
import { fileEncoding, fileNotValohai, fileTooLarge, internalError, suppressionMalformed, suppressionUnused } from '../engine/findings.js';
import { parseDirectives, suppressionTest } from '../engine/suppressions.js';
import type { Rule } from '../engine/types.js';
import { foreignShape, type ValohaiModel } from '../model/model.js';
import type { DecodedSource } from '../source/decode.js';
import { SourceFile, type Span } from '../source/source-file.js';
import { withSuggestionBudget } from '../util/did-you-mean.js';
import { compareStrings, quotedList } from '../util/text.js';
import { getRules, KNOWN_IDS } from './catalog.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  /** The parsed document (absent when the file was too large to analyze). */
  document?: ValohaiDocument;
  /** The document's model, as the rules saw it (absent with the document). */
  model?: ValohaiModel;
  /** The run's analysis context, for adapters that want its shared analyses (hovers, graphs) without recomputing. */
  context?: AnalysisContext;
}

export interface LintOptions {
  /** Rules run after the built-in ones (for embedders and for testing the engine itself). */
  extraRules?: readonly Rule[];
  /** The document already parsed from exactly this text (an editor may hold one), so it is not parsed again. */
  document?: ValohaiDocument;
  /** Adds where the lint's time went to these totals (the CLI's `VALOHAI_LINT_TIMING`, the benchmark). */
  timings?: LintTimings;
}

/** Milliseconds spent per stage, summed over the lints they were passed to. */
export interface LintTimings {
  /** Parsing the text into the document tree (through `yaml` and converting, when the fast path gives up). */
  parse: number;
  /** Validating against the JSON Schema. */
  schema: number;
  /** The rules, the schema's validation left out. */
  rules: number;
  /** Applying suppressions and sorting. */
  settle: number;
}

/** A kind is off only when the user says so: every default severity is a severity. */
function enabled(meta: FindingMeta, config: ResolvedConfig): boolean {
  return config.rules[meta.id] !== 'off';
}

/** Adds a finding of kind `meta` to `into`, at the configured severity, unless it is off. */
function emitInto(resolved: ResolvedConfig, into: Diagnostic[], meta: FindingMeta, r: ReportDescriptor, source: SourceFile): void {
  const severity = severityOf(meta, r.messageId, resolved.rules[meta.id]);
  if (severity !== 'off') into.push(createDiagnostic(source, meta, severity, r));
}

/**
 * The result for a file over the size limit, which is not analyzed: `size` in characters, or in bytes when the caller
 * did not even read the file (a file of more than three bytes per allowed character certainly has too many); a string
 * such as "more than 15000000" when only a bound is known (a stream that was not read to its end).
 */
export function tooLargeResult(size: number | string, config?: LintConfig, unit: 'characters' | 'bytes' = 'characters'): LintResult {
  const resolved = resolveConfig(config);
  const diagnostics: Diagnostic[] = [];
  // Indexing the lines of a huge text is itself work; the finding sits at the very start anyway.
  emitInto(resolved, diagnostics, fileTooLarge.meta, { messageId: unit === 'bytes' ? 'tooLargeBytes' : 'tooLarge', data: { size, limit: resolved.maxFileSize }, span: { start: 0, end: 0 } }, new SourceFile(''));
  return { diagnostics };
}

/** The result for bytes that are not UTF-8 text (see decodeSource): one finding at the first bad byte, nothing else. */
export function encodingResult(decoded: Extract<DecodedSource, { ok: false }>, config?: LintConfig): LintResult {
  const { problem } = decoded;
  const report: ReportDescriptor =
    problem.kind === 'invalidUtf8'
      ? { messageId: 'invalidUtf8', data: { byte: problem.byte }, span: { start: problem.offset, end: problem.offset } }
      : { messageId: 'foreignEncoding', data: { encoding: problem.kind === 'utf16' ? 'UTF-16' : 'UTF-32' }, span: { start: 0, end: 0 } };
  const diagnostics: Diagnostic[] = [];
  emitInto(resolveConfig(config), diagnostics, fileEncoding.meta, report, new SourceFile(decoded.text));
  return { diagnostics };
}

/** Lints valohai.yaml text. Pure and synchronous; never throws. */
export function lint(text: string, config?: LintConfig, options?: LintOptions): LintResult {
  const resolved = resolveConfig(config);

  if (text.length > resolved.maxFileSize) return tooLargeResult(text.length, config);

  const timings = options?.timings;
  const clock = timings ? stopwatch() : undefined;
  const doc = options?.document?.source.text === text ? options.document : createDocument(text);
  if (timings && clock) timings.parse += clock();
  const context = createAnalysisContext(doc, resolved);
  const found: Diagnostic[] = [];
  // A file of another format gets one finding saying so; every rule would only add noise about it.
  if (!notValohai(doc, found, resolved)) {
    const checked = timings ? withTimedSchema(context, timings) : context;
    const schemaBefore = timings?.schema ?? 0;
    withSuggestionBudget(() => {
      for (const rule of [...getRules(), ...(options?.extraRules ?? [])]) runRule(rule, checked, found);
    });
    if (timings && clock) timings.rules += clock() - (timings.schema - schemaBefore);
  }
  const diagnostics = settle(doc, found, resolved);
  if (timings && clock) timings.settle += clock();
  return { diagnostics, document: doc, model: context.model, context };
}

/** A function giving the milliseconds since it was made or last called. */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return elapsed;
  };
}

/** The context with its (once computed) schema validation timed into `timings.schema`. */
function withTimedSchema(context: AnalysisContext, timings: LintTimings): AnalysisContext {
  return {
    ...context,
    schema: () => {
      const started = performance.now();
      try {
        return context.schema();
      } finally {
        timings.schema += performance.now() - started;
      }
    },
  };
}

/** Reports file-not-valohai into `found` when the document defines nothing Valohai reads; true when it did. */
export function notValohai(doc: ValohaiDocument, found: Diagnostic[], resolved: ResolvedConfig): boolean {
  const foreign = doc.hasSyntaxErrors ? undefined : foreignShape(doc.root);
  if (!foreign) return false;
  emitInto(resolved, found, fileNotValohai.meta, { messageId: foreign.shape, data: { keys: quotedList(foreign.keys, 'and', 5) }, span: foreign.span }, doc.source);
  return true;
}

/** Runs one rule on a context (unless it is off, or the YAML is broken and the rule is not about YAML). Never throws. */
export function runRule(rule: Rule, context: AnalysisContext, into: Diagnostic[]): void {
  const resolved = context.config;
  if (!enabled(rule.meta, resolved)) return;
  const doc = context.doc;
  if (doc.hasSyntaxErrors && rule.meta.area !== 'yaml') return;
  try {
    // Written out rather than spread: a spread per rule and file was the CLI's costliest line of its own on a batch.
    const { model, schema, images, pipelines } = context;
    rule.check({ doc, model, config: resolved, schema, images, pipelines, report: (r) => emitInto(resolved, into, rule.meta, r, doc.source) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    emitInto(resolved, into, internalError.meta, { messageId: 'crashed', data: { rule: rule.meta.id, message }, span: { start: 0, end: 0 } }, doc.source);
  }
}

/**
 * What the rules found, made final: suppressed findings dropped, malformed and unused suppressions reported, sorted.
 * Suppressions apply after every rule has run, so unused ones can be told apart.
 */
export function settle(doc: ValohaiDocument, found: Diagnostic[], resolved: ResolvedConfig): Diagnostic[] {
  const emit = (into: Diagnostic[], meta: FindingMeta, r: ReportDescriptor, source: SourceFile): void => emitInto(resolved, into, meta, r, source);
  const { directives, malformed } = parseDirectives(doc.source, KNOWN_IDS);
  const suppressed = suppressionTest(directives);
  const diagnostics = directives.length === 0 ? found : found.filter((d) => !suppressed(d.ruleId, d.start.line - 1));
  for (const m of malformed) {
    emit(diagnostics, suppressionMalformed.meta, { messageId: m.problem, data: { text: m.text, suggestion: m.suggestion ?? '' }, span: m.span }, doc.source);
  }
  for (const d of directives) {
    const unused = d.rules.filter((r) => !d.used.has(r.id));
    if (d.rules.length === 0 ? d.used.size > 0 : unused.length === 0) continue;
    if (d.rules.length > 0 && unused.length < d.rules.length) {
      for (const r of unused) emit(diagnostics, suppressionUnused.meta, { messageId: 'unusedRule', data: { rule: r.id }, span: r.span, tags: ['unnecessary'] }, doc.source);
      continue;
    }
    const whole: ReportDescriptor = d.rules.length === 0 ? { messageId: 'unusedAll', span: d.span } : { messageId: 'unused', data: { rules: unused.map((r) => `"${r.id}"`).join(', ') }, span: d.span };
    emit(diagnostics, suppressionUnused.meta, { ...whole, fix: removalFix(doc.source, d.span), tags: ['unnecessary'] }, doc.source);
  }

  diagnostics.sort(compareDiagnostics);
  return diagnostics;
}

/** File order, then rule id and message, compared by code unit (the same order on every machine and locale). */
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message);
}

/** A fix deleting a directive comment: the whole line when the comment is alone on it. */
function removalFix(source: SourceFile, span: Span): Fix {
  const pos = source.positionAt(span.start);
  const lineStart = source.lineStart(pos.line) ?? 0;
  const before = source.text.slice(lineStart, span.start);
  if (before.trim() === '') {
    const next = source.lineStart(pos.line + 1) ?? source.text.length;
    return { title: 'Remove the unused suppression comment', edits: [{ span: { start: lineStart, end: next }, newText: '' }] };
  }
  let start = span.start;
  while (start > lineStart && (source.text[start - 1] === ' ' || source.text[start - 1] === '\t')) start--;
  return { title: 'Remove the unused suppression comment', edits: [{ span: { start, end: span.end }, newText: '' }] };
}

export interface FixResult {
  text: string;
  /** The lint of the text as given, before any fix. */
  initial: LintResult;
  /** How many fixes were applied over all passes. */
  applied: number;
  passes: number;
  result: LintResult;
  /** Every change from the given text to `text`, as sorted, non-overlapping edits on the given text (for diffs). */
  edits: TextEdit[];
}

/** Applies safe fixes until nothing changes (at most 10 passes). A file with YAML syntax errors is left alone. */
export function fixText(text: string, config?: LintConfig): FixResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  const initial = lint(current, config);
  let result = initial;
  const trail = new EditTrail(text.length);
  while (passes < 10) {
    if (result.document?.hasSyntaxErrors) break;
    const fixes = result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    if (fixes.length === 0) break;
    const next = applyFixes(current, fixes);
    if (next.applied === 0 || next.text === current) break;
    const relinted = lint(next.text, config);
    // Never trade a loadable file for a broken one.
    if (relinted.document?.hasSyntaxErrors) break;
    current = next.text;
    trail.apply(next.edits);
    applied += next.applied;
    passes++;
    result = relinted;
  }
  return { text: current, initial, applied, passes, result, edits: trail.edits() };
}
