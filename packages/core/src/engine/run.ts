// The lint pipeline: parse → rules → suppressions → severities → sorted diagnostics with 1-based positions.
import { createDocument, type ValohaiDocument } from '../document/document.js';
import { buildModel } from '../model/model.js';
import { allRules } from '../rules/index.js';
import type { DecodedSource } from '../source/decode.js';
import { SourceFile } from '../source/source-file.js';
import { boundMessage } from '../util/text.js';
import { formatMessage } from './define-rule.js';
import { EditTrail } from './edit-trail.js';
import { applyFixes } from './fixes.js';
import { isSuppressed, parseDirectives } from './suppressions.js';
import type { Diagnostic, Fix, LintConfig, ReportDescriptor, ResolvedConfig, Rule, Severity, SeveritySetting, TextEdit } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;

/** Rules whose findings the engine itself produces. */
const ENGINE_RULES = new Set(['config-invalid', 'config-registry-pattern', 'file-encoding', 'file-too-large', 'internal-error', 'suppression-malformed', 'suppression-unused']);

export interface LintResult {
  diagnostics: Diagnostic[];
  /** The parsed document (absent when the file was too large to analyze). */
  document?: ValohaiDocument;
}

export function resolveConfig(config: LintConfig | undefined): ResolvedConfig {
  return {
    rules: { ...(config?.rules ?? {}) },
    registries: [...(config?.registries ?? [])],
    public: [...(config?.public ?? [])],
    maxFileSize: config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  };
}

const rulesById = new Map<string, Rule>(allRules.map((r) => [r.meta.id, r as Rule]));

/** Every rule, sorted by id. */
export function getRules(): readonly Rule[] {
  return allRules as readonly Rule[];
}

export function getRule(id: string): Rule | undefined {
  return rulesById.get(id);
}

function severityOf(rule: Rule, config: ResolvedConfig): SeveritySetting {
  return config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
}

function toDiagnostic(source: SourceFile, rule: Rule, severity: Severity, r: ReportDescriptor): Diagnostic {
  const start = source.clamp(r.span.start);
  const end = Math.max(start, source.clamp(r.span.end));
  const template = rule.meta.messages[r.messageId];
  if (template === undefined) throw new Error(`Rule "${rule.meta.id}" reported unknown messageId "${r.messageId}".`);
  if (r.fix && !rule.meta.fixable) throw new Error(`Rule "${rule.meta.id}" reported a fix but is not marked fixable.`);
  if (r.suggestions?.length && !rule.meta.hasSuggestions) throw new Error(`Rule "${rule.meta.id}" reported suggestions but does not declare hasSuggestions.`);
  const s = source.positionAt(start);
  const e = source.positionAt(end);
  const d: Diagnostic = {
    ruleId: rule.meta.id,
    messageId: r.messageId,
    message: boundMessage(formatMessage(template, r.data)),
    severity,
    span: { start, end },
    start: { line: s.line + 1, column: s.character + 1 },
    end: { line: e.line + 1, column: e.character + 1 },
  };
  if (r.related?.length) d.related = r.related;
  if (r.fix) d.fix = r.fix;
  if (r.suggestions?.length) d.suggestions = r.suggestions;
  if (r.tags?.length) d.tags = r.tags;
  if (r.data) d.data = Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, String(v)]));
  return d;
}

export interface LintOptions {
  /** Rules run after the built-in ones (for embedders and for testing the engine itself). */
  extraRules?: readonly Rule[];
}

const knownRuleIds: ReadonlySet<string> = new Set(rulesById.keys());

/** Adds a finding of `rule` to `into`, at the configured severity, unless the rule is off. */
function emitInto(resolved: ResolvedConfig, into: Diagnostic[], rule: Rule | undefined, r: ReportDescriptor, source: SourceFile): void {
  if (!rule) return;
  const severity = severityOf(rule, resolved);
  if (severity !== 'off') into.push(toDiagnostic(source, rule, severity, r));
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
  emitInto(resolved, diagnostics, rulesById.get('file-too-large'), { messageId: unit === 'bytes' ? 'tooLargeBytes' : 'tooLarge', data: { size, limit: resolved.maxFileSize }, span: { start: 0, end: 0 } }, new SourceFile(''));
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
  emitInto(resolveConfig(config), diagnostics, rulesById.get('file-encoding'), report, new SourceFile(decoded.text));
  return { diagnostics };
}

/** Lints valohai.yaml text. Pure and synchronous; never throws. */
export function lint(text: string, config?: LintConfig, options?: LintOptions): LintResult {
  const resolved = resolveConfig(config);
  const emit = (into: Diagnostic[], rule: Rule | undefined, r: ReportDescriptor, source: SourceFile): void => emitInto(resolved, into, rule, r, source);

  if (text.length > resolved.maxFileSize) return tooLargeResult(text.length, config);

  const doc = createDocument(text);
  const model = buildModel(doc.root);
  const found: Diagnostic[] = [];
  for (const rule of [...(allRules as readonly Rule[]), ...(options?.extraRules ?? [])]) {
    if (ENGINE_RULES.has(rule.meta.id) || severityOf(rule, resolved) === 'off') continue;
    if (doc.hasSyntaxErrors && rule.meta.area !== 'yaml') continue;
    try {
      rule.check({ doc, model, config: resolved, report: (r) => emit(found, rule, r, doc.source) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      emit(found, rulesById.get('internal-error'), { messageId: 'crashed', data: { rule: rule.meta.id, message }, span: { start: 0, end: 0 } }, doc.source);
    }
  }

  // Suppressions apply after every rule has run, so unused ones can be told apart.
  const { directives, malformed } = parseDirectives(doc.source, knownRuleIds);
  const diagnostics = directives.length === 0 ? found : found.filter((d) => !isSuppressed(directives, d.ruleId, d.start.line - 1));
  const malformedRule = rulesById.get('suppression-malformed');
  const unusedRule = rulesById.get('suppression-unused');
  for (const m of malformed) {
    emit(diagnostics, malformedRule, { messageId: m.problem, data: { text: m.text, suggestion: m.suggestion ?? '' }, span: m.span }, doc.source);
  }
  for (const d of directives) {
    const unused = d.rules.filter((r) => !d.used.has(r.id));
    if (d.rules.length === 0 ? d.used.size > 0 : unused.length === 0) continue;
    if (d.rules.length > 0 && unused.length < d.rules.length) {
      for (const r of unused) emit(diagnostics, unusedRule, { messageId: 'unusedRule', data: { rule: r.id }, span: r.span, tags: ['unnecessary'] }, doc.source);
      continue;
    }
    const whole: ReportDescriptor = d.rules.length === 0 ? { messageId: 'unusedAll', span: d.span } : { messageId: 'unused', data: { rules: unused.map((r) => `"${r.id}"`).join(', ') }, span: d.span };
    emit(diagnostics, unusedRule, { ...whole, fix: removalFix(doc.source, d.span), tags: ['unnecessary'] }, doc.source);
  }

  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  return { diagnostics, document: doc };
}

/** A fix deleting a directive comment: the whole line when the comment is alone on it. */
function removalFix(source: SourceFile, span: { start: number; end: number }): Fix {
  const pos = source.positionAt(span.start);
  const lineStart = source.lineStarts[pos.line] ?? 0;
  const before = source.text.slice(lineStart, span.start);
  if (before.trim() === '') {
    const next = source.lineStarts[pos.line + 1] ?? source.text.length;
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
