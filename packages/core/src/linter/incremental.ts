// Linting a document again after an edit, doing again only what the edit can change (editors lint on every keystroke).
// The text is split into its top-level items (document/top-level-items.ts); each item's parse is kept by its text, and
// the findings of the rules that read one item at a time (every rule without `scope: 'document'`) are kept by the
// item's text and place in the list. They stay valid while the configuration and the kinds and names of all items are
// unchanged, which is all such a rule may read of other items. The rules that read across items run on the whole
// document every time, and suppressions and sorting are applied to the whole, as lint() does. The result equals lint()
// of the same text; when the text is not laid out simply enough to split, or an item does not parse on its own, the
// whole text is linted instead.
import { resolveConfig } from '../config/resolve.js';
import type { LintConfig } from '../config/types.js';
import type { Diagnostic, DiagnosticRelated, Fix } from '../diagnostic/types.js';
import type { ValohaiDocument } from '../document/document.js';
import type { DuplicateKeyFinding, Yaml11Finding } from '../document/findings.js';
import type { SeqNode, YNode } from '../document/nodes.js';
import { parseValohaiYaml, type ParseResult } from '../document/parse.js';
import { relocate, relocateDuplicateKey, relocateYaml11 } from '../document/relocate.js';
import { splitTopLevelItems, type ItemChunk } from '../document/top-level-items.js';
import { createAnalysisContext, itemAnalysisContext } from '../engine/context.js';
import { buildModel, foreignShape } from '../model/model.js';
import { SourceFile, type Span } from '../source/source-file.js';
import { getRules } from './catalog.js';
import { lint, runRule, settle, type LintResult } from './lint.js';

/** A finding of an item rule, its places relative to the item's chunk. */
interface KeptFinding {
  diagnostic: Diagnostic;
  /** The chunk's offset when it was found; places are moved by the difference. */
  at: number;
}

/** What one lint did, for tests and the benchmark: whole-text fallbacks, items parsed and items checked again. */
export interface IncrementalStats {
  whole: boolean;
  items: number;
  parsed: number;
  checked: number;
}

export class IncrementalLinter {
  private configKey: string | undefined;
  private signature: string | undefined;
  private parses = new Map<string, ParseResult>();
  /** Each item's tree moved to its place in the last text, by offset and text: reused while the item stays put. */
  private placed = new Map<string, YNode>();
  private kept = new Map<string, KeptFinding[]>();
  /** What the last call did. */
  stats: IncrementalStats = { whole: true, items: 0, parsed: 0, checked: 0 };

  /** Lints `text` as lint() does, reusing what is known from the earlier texts this linter saw. */
  lint(text: string, config?: LintConfig): LintResult {
    const resolved = resolveConfig(config);
    const configKey = JSON.stringify(resolved);
    if (configKey !== this.configKey) {
      this.configKey = configKey;
      this.kept = new Map();
    }
    const chunks = text.length > resolved.maxFileSize ? undefined : splitTopLevelItems(text);
    const parsed = chunks && this.parseChunks(chunks);
    if (!chunks || !parsed) return this.whole(text, config);

    const doc = this.assemble(text, chunks, parsed);
    // A file of another format is answered by one finding about the whole of it, which lint() gives.
    if (foreignShape(doc.root)) return this.whole(text, config);
    const model = buildModel(doc.root);
    const context = createAnalysisContext(doc, resolved, model);
    const signature = model.items.map((i) => `${i.kind ?? ''}\u0000${i.name?.value ?? ''}`).join('\u0001');
    if (signature !== this.signature) {
      this.signature = signature;
      this.kept = new Map();
    }
    const rules = getRules();
    const itemRules = rules.filter((r) => r.meta.scope !== 'document');
    const found: Diagnostic[] = [];
    const kept = new Map<string, KeptFinding[]>();
    let checked = 0;
    model.items.forEach((item, i) => {
      const chunk = chunks[i]!;
      const key = `${i}\u0000${chunk.text}`;
      let findings = this.kept.get(key);
      if (findings) kept.set(key, findings);
      else {
        checked++;
        const into: Diagnostic[] = [];
        const itemContext = itemAnalysisContext(context, item);
        for (const rule of itemRules) runRule(rule, itemContext, into);
        findings = into.map((diagnostic) => ({ diagnostic, at: chunk.start }));
        // A finding that points outside its item (none should) is not kept: it could not move with the item.
        if (findings.every((f) => within(f.diagnostic, chunk))) kept.set(key, findings);
      }
      for (const f of findings) found.push(moved(f, chunk.start, doc.source));
    });
    this.kept = kept;
    for (const rule of rules) if (rule.meta.scope === 'document') runRule(rule, context, found);
    this.stats = { whole: false, items: chunks.length, parsed: this.stats.parsed, checked };
    return { diagnostics: settle(doc, found, resolved), document: doc, model, context };
  }

  /** Each chunk's parse, from the ones kept or parsed now; undefined when one does not load cleanly on its own. */
  private parseChunks(chunks: readonly ItemChunk[]): ParseResult[] | undefined {
    const parses = new Map<string, ParseResult>();
    const out: ParseResult[] = [];
    let parsed = 0;
    for (const chunk of chunks) {
      let p = parses.get(chunk.text) ?? this.parses.get(chunk.text);
      if (!p) {
        p = parseValohaiYaml(chunk.text);
        parsed++;
      }
      parses.set(chunk.text, p);
      const root = p.root;
      if (p.syntax.length > 0 || root?.kind !== 'seq' || root.items.length !== 1) return undefined;
      out.push(p);
    }
    this.parses = parses;
    this.stats.parsed = parsed;
    return out;
  }

  /**
   * The whole document from its items' parses, each moved to where its chunk is. An item that did not move keeps its
   * tree from the last call, with its parent link pointed at the new list: a result's document is only valid until the
   * linter's next call.
   */
  private assemble(text: string, chunks: readonly ItemChunk[], parses: readonly ParseResult[]): ValohaiDocument {
    const root: SeqNode = { kind: 'seq', value: [], items: [], flow: false, span: { start: 0, end: 0 } };
    const duplicateKeys: DuplicateKeyFinding[] = [];
    const yaml11: Yaml11Finding[] = [];
    const placed = new Map<string, YNode>();
    let steps = 0;
    parses.forEach((p, i) => {
      const chunk = chunks[i]!;
      const by = chunk.start;
      const key = `${by}\u0000${chunk.text}`;
      let item = this.placed.get(key) ?? placed.get(key);
      if (item) {
        item.parent = root;
        item.key = i;
      } else item = relocate((p.root as SeqNode).items[0]!, by, root, i);
      placed.set(key, item);
      root.items.push(item);
      root.value.push(item.value);
      for (const f of p.duplicateKeys) duplicateKeys.push(relocateDuplicateKey(f, by));
      for (const f of p.yaml11) yaml11.push(relocateYaml11(f, by, item));
      steps += p.steps;
    });
    this.placed = placed;
    const first = parses[0]!.root!.span.start + chunks[0]!.start;
    const lastRoot = parses[parses.length - 1]!.root!;
    root.span = { start: first, end: lastRoot.span.end + chunks[chunks.length - 1]!.start };
    const parse: ParseResult = { root, syntax: [], duplicateKeys, yaml11, steps };
    return { source: new SourceFile(text), parse, root, hasSyntaxErrors: false };
  }

  private whole(text: string, config: LintConfig | undefined): LintResult {
    this.parses = new Map();
    this.placed = new Map();
    this.kept = new Map();
    this.signature = undefined;
    this.stats = { whole: true, items: 0, parsed: 0, checked: 0 };
    return lint(text, config);
  }
}

/** True when every place of a finding lies in the chunk, so that it moves with the chunk. */
function within(d: Diagnostic, chunk: ItemChunk): boolean {
  const inside = (s: Span): boolean => s.start >= chunk.start && s.end <= chunk.start + chunk.text.length;
  return inside(d.span) && (d.related ?? []).every((r) => inside(r.span)) && [d.fix, ...(d.suggestions ?? [])].every((fix) => !fix || fix.edits.every((e) => inside(e.span)));
}

/**
 * A kept finding at its chunk's new offset, with its positions read from the new text (even when the offset is the
 * same, the lines before it may not be).
 */
function moved(f: KeptFinding, at: number, source: SourceFile): Diagnostic {
  const by = at - f.at;
  const d = f.diagnostic;
  const span = { start: d.span.start + by, end: d.span.end + by };
  const out: Diagnostic = { ...d, span, ...positions(source, span) };
  if (d.related) out.related = d.related.map((r): DiagnosticRelated => ({ message: r.message, span: { start: r.span.start + by, end: r.span.end + by }, ...positions(source, { start: r.span.start + by, end: r.span.end + by }) }));
  const moveFix = (fix: Fix): Fix => ({ title: fix.title, edits: fix.edits.map((e) => ({ span: { start: e.span.start + by, end: e.span.end + by }, newText: e.newText })) });
  if (d.fix) out.fix = moveFix(d.fix);
  if (d.suggestions) out.suggestions = d.suggestions.map(moveFix);
  return out;
}

function positions(source: SourceFile, span: Span): Pick<Diagnostic, 'start' | 'end'> {
  const s = source.positionAt(span.start);
  const e = source.positionAt(span.end);
  return { start: { line: s.line + 1, column: s.character + 1 }, end: { line: e.line + 1, column: e.character + 1 } };
}

