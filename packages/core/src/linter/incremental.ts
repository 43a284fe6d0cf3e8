// Linting a document again after an edit, doing again only what the edit can change (editors lint on every keystroke).
// The text is split into its top-level items (document/top-level-items.ts); each item's parse is kept by its text, and
// the findings of the rules that read one item at a time (every rule without `scope: 'document'`) are kept by the
// item's text and place in the list. They stay valid while the configuration and the kinds and names of all items are
// unchanged, which is all such a rule may read of other items, except that a pipeline's may also read what steps
// declare and which step each task runs (model/cross-item-facts.ts): pipelines are checked again when those change.
// The rules that read across items run on the whole document every time, and suppressions and sorting are applied to
// the whole, as lint() does. The result equals lint() of the same text; when the text is not laid out simply enough to
// split, or an item does not parse on its own, the whole text is linted instead. What an edit changed is found by
// comparing the text with the last one (a replacement between their common start and end): only the replaced lines
// are scanned for line ends and only the items around the replacement are split again, so that the work of an edit
// does not grow with the file beyond a few comparisons.
import { resolveConfig } from '../config/resolve.js';
import type { LintConfig } from '../config/types.js';
import { located, shiftedFix } from '../diagnostic/create.js';
import type { Diagnostic, DiagnosticRelated } from '../diagnostic/types.js';
import type { ValohaiDocument } from '../document/document.js';
import type { DuplicateKeyFinding, Yaml11Finding } from '../document/findings.js';
import type { SeqNode, YNode } from '../document/nodes.js';
import { parseValohaiYaml, type ParseResult } from '../document/parse.js';
import { relocate, relocateDuplicateKey, relocateYaml11, shiftInPlace, type Placed } from '../document/relocate.js';
import { splitAfterEdit, splitTopLevelItems, type EditedChunks, type ItemChunk } from '../document/top-level-items.js';
import { createAnalysisContext, itemAnalysisContext } from '../engine/context.js';
import { itemFacts, modelFacts, READS_CROSS_ITEM_FACTS } from '../model/cross-item-facts.js';
import { buildModel, foreignShape, modelItem, withReplacedItems, type Item, type ValohaiModel } from '../model/model.js';
import { SourceFile, type Span } from '../source/source-file.js';
import { detachedCopy, textDelta, type TextDelta } from '../source/text-delta.js';
import { withSuggestionBudget } from '../util/did-you-mean.js';
import { getRules } from './catalog.js';
import { lint, runRule, settle, type LintResult } from './lint.js';

/** Chunks found neither at their place counted from the start nor from the end before others are looked up by text. */
const MOVED_LOOKUP_AFTER = 4;

/** A finding of an item rule, its places relative to the item's chunk. */
interface KeptFinding {
  diagnostic: Diagnostic;
  /** The chunk's offset when it was found; places are moved by the difference. */
  at: number;
}

/**
 * What one lint did, for tests and the benchmark: whole-text fallbacks, items parsed and items checked again, and items
 * whose trees were copied to a new place (a tree already placed is moved in place when its item moves).
 */
export interface IncrementalStats {
  whole: boolean;
  items: number;
  parsed: number;
  checked: number;
  placed: number;
}

/** The change from the text of a linter's last call, when the caller knows it (the language server sends only that). */
export interface KnownChange {
  /** The text the change applies to: used only when it is the last text linted. */
  from: string;
  delta: TextDelta;
}

export class IncrementalLinter {
  private configKey: string | undefined;
  private signature: string | undefined;
  /** The last model's cross-item facts (see model/cross-item-facts.ts). */
  private facts: string | undefined;
  /** What is known of each item of the last text, in order. */
  private items: ItemState[] = [];
  /** The last text linted item by item, with its line index and chunks, so that the next lint finds what changed. */
  private last: { text: string; source: SourceFile; chunks: ItemChunk[] } | undefined;
  /** The last assembled document's list, to be updated in place by an edit that keeps the number of items. */
  private assembled: Assembled | undefined;
  /** The last lint's model, to be updated by an edit that keeps every item's kind and name. */
  private model: ValohaiModel | undefined;
  /** The model's items by their tree, reused while a tree is (see buildModel). */
  private readonly modelItems = new WeakMap<YNode, Item>();
  /** What the last call did. */
  stats: IncrementalStats = { whole: true, items: 0, parsed: 0, checked: 0, placed: 0 };

  /**
   * Lints `text` as lint() does, reusing what is known from the earlier texts this linter saw. `change`, the change
   * that made `text` from the last text, saves comparing the two (a whole text's length for an edit of one character).
   */
  lint(text: string, config?: LintConfig, change?: KnownChange): LintResult {
    const resolved = resolveConfig(config);
    const configKey = JSON.stringify(resolved);
    const configChanged = configKey !== this.configKey;
    this.configKey = configKey;
    let source: SourceFile | undefined;
    let chunks: ItemChunk[] | undefined;
    let edited: EditedChunks | undefined;
    const last = this.last;
    if (text.length <= resolved.maxFileSize) {
      // What changed since the last text: only its lines are scanned and its items split again.
      // Comparing the texts confirms a change given for the last text (the same string: no characters compared).
      const delta = last && (change && change.from === last.text ? change.delta : textDelta(last.text, text));
      source = last && delta ? SourceFile.afterEdit(last.source, text, delta) : new SourceFile(text);
      edited = last && delta ? splitAfterEdit(last.chunks, text, delta) : undefined;
      chunks = edited?.chunks ?? splitTopLevelItems(text, source.lineStarts);
    }
    // Known again only once this lint is through, so that the next one never pairs chunks with states of another text.
    this.last = undefined;
    const byPlace = edited && last && this.items.length === last.chunks.length ? edited : undefined;
    const states = chunks && (byPlace ? this.statesAfterEdit(byPlace) : this.statesOf(chunks));
    if (!source || !chunks || !states) return this.whole(text, config);

    let placed = 0;
    const onPlaced = (): void => void placed++;
    // An edit inside items (typing) leaves as many items as before: the last list is updated where they are.
    const inPlace = byPlace && byPlace.end === byPlace.previousEnd && this.assembled ? byPlace : undefined;
    const assembled = inPlace ? reassemble(this.assembled!, this.items, states, inPlace, onPlaced) : assemble(states, onPlaced);
    this.assembled = undefined;
    const lastModel = this.model;
    this.model = undefined;
    const doc = documentOf(source, assembled, states);
    // A file of another format is answered by one finding about the whole of it, which lint() gives.
    if (foreignShape(doc.root)) return this.whole(text, config);
    // Items edited in place that keep their kind and name leave the model as it was but for them.
    const replacements = inPlace && lastModel ? Array.from({ length: inPlace.end - inPlace.first }, (_, k) => modelItem(assembled.root.items[inPlace.first + k]!, inPlace.first + k, this.modelItems)) : undefined;
    // Pipelines' item rules also read what steps declare and which step each task runs (model/cross-item-facts.ts):
    // an update in place shows from the edited items alone whether that changed.
    const sameFacts = replacements?.every((r) => {
      const before = lastModel!.items[r.index];
      return before !== undefined && itemFacts(r) === itemFacts(before);
    });
    const updated = replacements && lastModel ? withReplacedItems(lastModel, replacements) : undefined;
    const model = updated ?? buildModel(doc.root, this.modelItems);
    const context = createAnalysisContext(doc, resolved, model);
    // Item rules may read which item valohai-yaml keeps under each name: kept findings hold while kinds and names do
    // (an updated model has the same ones by construction).
    const signature = updated ? this.signature : model.items.map((i) => `${i.kind ?? ''}\u0000${i.name?.value ?? ''}`).join('\u0001');
    const reusable = !configChanged && signature !== undefined && signature === this.signature;
    this.signature = signature;
    // Kept findings of pipelines hold while those facts do.
    const facts = updated && sameFacts && this.facts !== undefined ? this.facts : modelFacts(model);
    const factsHold = facts === this.facts;
    this.facts = facts;
    const rules = getRules();
    const itemRules = rules.filter((r) => r.meta.scope !== 'document');
    const found: Diagnostic[] = [];
    let checked = 0;
    // The budget for guesses covers the rules run now; findings kept from earlier lints were made under theirs, so past
    // the budget (thousands of unknown names, never in real files) an edit may bring guesses a full lint leaves out.
    withSuggestionBudget(() => {
      model.items.forEach((item, i) => {
        const state = states[i]!;
        if (!reusable || (!factsHold && READS_CROSS_ITEM_FACTS.has(item.kind)) || state.findingsIndex !== i || !state.findings) {
          checked++;
          const into: Diagnostic[] = [];
          const itemContext = itemAnalysisContext(context, item);
          for (const rule of itemRules) runRule(rule, itemContext, into);
          const findings = into.map((diagnostic) => ({ diagnostic, at: state.chunk.start }));
          // A finding that points outside its item (none should) is not kept: it could not move with the item.
          state.findings = findings.every((f) => within(f.diagnostic, state.chunk)) ? findings : undefined;
          state.findingsIndex = i;
          for (const f of findings) found.push(f.diagnostic);
        } else for (const f of state.findings) found.push(moved(f, state.chunk.start, doc.source));
      });
      for (const rule of rules) if (rule.meta.scope === 'document') runRule(rule, context, found);
    });
    this.items = states;
    this.assembled = assembled;
    this.model = model;
    this.last = { text, source, chunks };
    this.stats = { whole: false, items: chunks.length, parsed: this.stats.parsed, checked, placed };
    return { diagnostics: settle(doc, found, resolved), document: doc, model, context };
  }

  /**
   * What is known of each chunk: the state of the same text at the same place in the list counted from the start or
   * from the end (an edit inside one item, or items added or removed), else of the same text anywhere, else a new
   * parse. Undefined when a chunk does not load cleanly on its own.
   */
  private statesOf(chunks: readonly ItemChunk[]): ItemState[] | undefined {
    const old = this.items;
    let byText: Map<string, ItemState> | undefined;
    const used = new Set<ItemState>();
    const out: ItemState[] = [];
    let parsed = 0;
    let misses = 0;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      const fromStart = old[i];
      const fromEnd = old[old.length - (chunks.length - i)];
      let known = fromStart?.chunk.text === chunk.text ? fromStart : fromEnd?.chunk.text === chunk.text ? fromEnd : undefined;
      // Items moved elsewhere in the list are looked up by text, but only once several are: indexing every item's text
      // costs more than parsing a few items again, and an edit inside one item or a few added ones need no lookup.
      if (!known && ++misses > MOVED_LOOKUP_AFTER) {
        byText ??= new Map(old.map((s) => [s.chunk.text, s]));
        known = byText.get(chunk.text);
      }
      let state: ItemState;
      if (known && !used.has(known)) {
        used.add(known);
        state = moveTo(known, chunk);
      } else {
        const parse = known?.parse ?? parseValohaiYaml(detachedCopy(chunk.text));
        if (!known) parsed++;
        state = { chunk, parse };
      }
      if (!loadsAlone(state.parse)) return undefined;
      out.push(state);
    }
    this.stats.parsed = parsed;
    return out;
  }

  /**
   * statesOf() for chunks split again around an edit only: the states before and after the items split again are the
   * earlier ones, by place, with no text compared (an edit of one item of thousands touches the others only to move
   * them). The items split again take an earlier state of the same text among those they replace, or are parsed.
   */
  private statesAfterEdit({ chunks, first, end, previousEnd }: EditedChunks): ItemState[] | undefined {
    const old = this.items;
    const out = old.slice(0, first);
    const replaced = new Map<string, ItemState[]>();
    for (let i = first; i < previousEnd; i++) {
      const state = old[i]!;
      const same = replaced.get(state.chunk.text);
      if (same) same.push(state);
      else replaced.set(state.chunk.text, [state]);
    }
    let parsed = 0;
    for (let i = first; i < end; i++) {
      const chunk = chunks[i]!;
      const known = replaced.get(chunk.text)?.shift();
      let state: ItemState;
      if (known) state = moveTo(known, chunk);
      else {
        parsed++;
        state = { chunk, parse: parseValohaiYaml(detachedCopy(chunk.text)) };
      }
      if (!loadsAlone(state.parse)) return undefined;
      out.push(state);
    }
    for (let i = end; i < chunks.length; i++) out.push(moveTo(old[i - end + previousEnd]!, chunks[i]!));
    this.stats.parsed = parsed;
    return out;
  }

  /** Lints the whole text with lint(). The items' parses stay known: the next edit (say, one that closes a quote just
   * opened) may well split again, and then needs to parse only what it changed. */
  private whole(text: string, config: LintConfig | undefined): LintResult {
    this.last = undefined;
    this.assembled = undefined;
    this.model = undefined;
    this.signature = undefined;
    this.facts = undefined;
    this.stats = { whole: true, items: 0, parsed: 0, checked: 0, placed: 0 };
    return lint(text, config);
  }
}

/**
 * A state given the chunk of its text at its new place: the same tree serves, moved in place when the item moved
 * (typing moves every item after the cursor). Its findings serve while its index is the same (see lint()).
 */
function moveTo(state: ItemState, chunk: ItemChunk): ItemState {
  if (state.node && state.chunk.start !== chunk.start) shiftInPlace(state.node, chunk.start - state.chunk.start);
  state.chunk = chunk;
  return state;
}

/** True when a chunk parsed as one list item with no syntax error: only then is it linted on its own. */
function loadsAlone(parse: ParseResult): boolean {
  const root = parse.root;
  return parse.syntax.length === 0 && root?.kind === 'seq' && root.items.length === 1;
}

/** What is known of one item: its chunk, its parse, its tree placed in the text, and its item rules' findings. */
interface ItemState {
  chunk: ItemChunk;
  parse: ParseResult;
  /** The tree placed at `chunk.start`, moved with the chunk. */
  node?: Placed | undefined;
  findings?: KeptFinding[] | undefined;
  /** The item's index when its findings were found (messages may name it). */
  findingsIndex?: number;
}

/**
 * The document's list of items, kept from one lint to the next: the trees placed at their chunks, the indices of the
 * items whose parses have findings of their own (duplicate keys, YAML 1.1 values), and the parses' units of work.
 */
interface Assembled {
  root: SeqNode;
  withFindings: number[];
  steps: number;
}

/**
 * The whole document's list from its items' parses, each placed where its chunk is. An item placed before keeps its
 * tree from the last call (moved in place, see moveTo), with its parent link pointed at the new list: a result's
 * document is only valid until the linter's next call. `onPlaced` counts the trees copied to a place.
 */
function assemble(states: readonly ItemState[], onPlaced: () => void): Assembled {
  const root: SeqNode = { kind: 'seq', value: [], items: [], flow: false, span: { start: 0, end: 0 } };
  const withFindings: number[] = [];
  let steps = 0;
  states.forEach((state, i) => {
    const item = placedItem(state, root, i, onPlaced);
    root.items.push(item);
    root.value.push(item.value);
    if (hasFindings(state.parse)) withFindings.push(i);
    steps += state.parse.steps;
  });
  return { root, withFindings, steps };
}

/**
 * The last list after an edit that split again as many items as it replaced: only those are placed in it again; the
 * others are where they were in the list (their trees moved in place). The list changes in place: the last result's
 * document is no longer valid, as promised.
 */
function reassemble(last: Assembled, previous: readonly ItemState[], states: readonly ItemState[], edited: EditedChunks, onPlaced: () => void): Assembled {
  const { root } = last;
  let steps = last.steps;
  const withFindings = last.withFindings.filter((i) => i < edited.first || i >= edited.end);
  for (let i = edited.first; i < edited.end; i++) {
    const state = states[i]!;
    const item = placedItem(state, root, i, onPlaced);
    root.items[i] = item;
    root.value[i] = item.value;
    if (hasFindings(state.parse)) withFindings.push(i);
    steps += state.parse.steps - previous[i]!.parse.steps;
  }
  withFindings.sort((a, b) => a - b);
  return { root, withFindings, steps };
}

/** The state's tree, placed at its chunk when it has none yet, as item `i` of `root`. */
function placedItem(state: ItemState, root: SeqNode, i: number, onPlaced: () => void): YNode {
  if (!state.node) {
    state.node = relocate((state.parse.root as SeqNode).items[0]!, state.chunk.start, root, i);
    onPlaced();
  }
  const item = state.node.node;
  item.parent = root;
  item.key = i;
  return item;
}

function hasFindings(parse: ParseResult): boolean {
  return parse.duplicateKeys.length > 0 || parse.yaml11.length > 0;
}

/** The document of the assembled list: its span, and the findings of the items' parses moved to their places. */
function documentOf(source: SourceFile, { root, withFindings, steps }: Assembled, states: readonly ItemState[]): ValohaiDocument {
  const duplicateKeys: DuplicateKeyFinding[] = [];
  const yaml11: Yaml11Finding[] = [];
  for (const i of withFindings) {
    const { chunk, parse, node } = states[i]!;
    for (const f of parse.duplicateKeys) duplicateKeys.push(relocateDuplicateKey(f, chunk.start));
    for (const f of parse.yaml11) yaml11.push(relocateYaml11(f, chunk.start, node!.node));
  }
  const first = states[0]!;
  const last = states[states.length - 1]!;
  root.span = { start: first.parse.root!.span.start + first.chunk.start, end: last.parse.root!.span.end + last.chunk.start };
  const parse: ParseResult = { root, syntax: [], duplicateKeys, yaml11, steps };
  return { source, parse, root, hasSyntaxErrors: false };
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
  if (d.fix) out.fix = shiftedFix(d.fix, by);
  if (d.suggestions) out.suggestions = d.suggestions.map((s) => shiftedFix(s, by));
  return out;
}

function positions(source: SourceFile, span: Span): Pick<Diagnostic, 'start' | 'end'> {
  const { start, end } = located(source, span);
  return { start, end };
}

