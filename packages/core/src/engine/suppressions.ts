// Inline suppressions: `# valohai-lint-disable-next-line <rule-id>[, <rule-id>] -- reason` and the whole-file
// `# valohai-lint-disable <rule-id> -- reason`. Directives that suppress nothing, or cannot be read, are findings too.
import type { SourceFile, Span } from '../source/source-file.js';
import { findComments } from './comments.js';

export interface Directive {
  kind: 'next-line' | 'file';
  /** Rule ids; empty means every rule. */
  rules: { id: string; span: Span }[];
  reason?: string;
  span: Span;
  /** Zero-based line the directive covers (next-line only). */
  line?: number;
  used: Set<string>;
}

export interface MalformedDirective {
  span: Span;
  problem: 'unknownDirective' | 'unknownRule';
  text: string;
  suggestion?: string;
}

export interface Directives {
  directives: Directive[];
  malformed: MalformedDirective[];
}

const PREFIX = 'valohai-lint-';
const DIRECTIVES = ['disable-next-line', 'disable'] as const;

export function parseDirectives(source: SourceFile, knownRules: ReadonlySet<string>): Directives {
  const result: Directives = { directives: [], malformed: [] };
  if (!source.contains(PREFIX)) return result;
  for (const comment of findComments(source.text)) {
    const leading = comment.text.length - comment.text.trimStart().length;
    const body = comment.text.trimStart();
    if (!body.startsWith(PREFIX)) continue;
    const bodyStart = comment.span.start + 1 + leading;
    const word = /^valohai-lint-[\w-]*/.exec(body)?.[0] ?? PREFIX;
    const name = word.slice(PREFIX.length);
    if (!(DIRECTIVES as readonly string[]).includes(name)) {
      const suggestion = name.startsWith('disable') ? 'valohai-lint-disable-next-line' : undefined;
      result.malformed.push({ span: { start: bodyStart, end: bodyStart + word.length }, problem: 'unknownDirective', text: word, ...(suggestion ? { suggestion } : {}) });
      continue;
    }
    const rest = body.slice(word.length);
    const reasonAt = rest.indexOf('--');
    const list = reasonAt >= 0 ? rest.slice(0, reasonAt) : rest;
    const reason = reasonAt >= 0 ? rest.slice(reasonAt + 2).trim() : undefined;
    const rules: Directive['rules'] = [];
    const listStart = bodyStart + word.length;
    const re = /[^\s,]+/g;
    let bad = false;
    for (let m = re.exec(list); m; m = re.exec(list)) {
      const span = { start: listStart + m.index, end: listStart + m.index + m[0].length };
      if (!knownRules.has(m[0])) {
        result.malformed.push({ span, problem: 'unknownRule', text: m[0] });
        bad = true;
        continue;
      }
      rules.push({ id: m[0], span });
    }
    if (bad && rules.length === 0) continue;
    const directive: Directive = { kind: name === 'disable' ? 'file' : 'next-line', rules, span: comment.span, used: new Set() };
    if (reason) directive.reason = reason;
    if (directive.kind === 'next-line') directive.line = source.positionAt(comment.span.start).line + 1;
    result.directives.push(directive);
  }
  return result;
}

/**
 * A test "is a finding of this rule on this line suppressed?" that marks the directives it uses. Next-line directives
 * are indexed by line, so a file with a suppression on every step costs one lookup per finding, not one per directive.
 * `work` counts the directives looked at (the linear-growth test reads it).
 */
export function suppressionTest(directives: readonly Directive[], work?: { examined: number }): (ruleId: string, line: number) => boolean {
  const fileWide = directives.filter((d) => d.kind === 'file');
  const byLine = new Map<number, Directive[]>();
  for (const d of directives) {
    if (d.kind !== 'next-line' || d.line === undefined) continue;
    const list = byLine.get(d.line);
    if (list) list.push(d);
    else byLine.set(d.line, [d]);
  }
  return (ruleId, line) => {
    let suppressed = false;
    for (const list of [fileWide, byLine.get(line) ?? []]) {
      for (const d of list) {
        if (work) work.examined++;
        if (d.rules.length > 0 && !d.rules.some((r) => r.id === ruleId)) continue;
        d.used.add(d.rules.length === 0 ? '*' : ruleId);
        suppressed = true;
      }
    }
    return suppressed;
  };
}
