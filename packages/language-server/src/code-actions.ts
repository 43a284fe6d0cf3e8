// Code actions, computed from a fresh lint of the document's current text (never from state kept since the diagnostics
// were published): each fix (preferred), each suggestion, "Add registry pattern … to .valohai-lint.yaml" on an uncovered
// image, "Disable <rule> for this line", "Show documentation for <rule>", and `source.fixAll.valohai-lint`, which
// applies every safe fix to a fixpoint as one minimal edit.
import { ruleDocsUrl, type Diagnostic as CoreDiagnostic, type Fix, type LintConfig, type LintResult, type SourceFile, type YNode } from '@valohai-lint/core';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, SHOW_DOCUMENTATION_COMMAND } from './protocol.js';
import { diagnosticRange, toLspEdits } from './to-lsp.js';
import { addRegistryAction, type ConfigTarget } from './registry-action.js';
import { nodeAt } from './tree.js';

export interface CodeActionInput {
  uri: string;
  version: number;
  text: string;
  /** The fresh lint of `text` (absent when linting is disabled). */
  result?: LintResult;
  /** Line index of `text`. */
  source: SourceFile;
  /** The parsed tree of `text` (parsed on first use: linting happens on another thread). */
  root(): YNode | undefined;
  config: LintConfig;
  /** `text` with every safe fix applied to a fixpoint; memoized by the caller, as code actions are asked for often. */
  fixedText(): string;
  /** The diagnostics the client sent as context. */
  diagnostics: readonly Diagnostic[];
  /** `context.only` from the request. */
  only?: readonly string[];
  /** Whether the client can apply versioned edits (documentChanges). */
  documentChanges: boolean;
  /** Where "Add registry pattern" would write, when the request concerns an uncovered image. */
  registryTarget?: ConfigTarget;
}

/** True when an action of `kind` is wanted under `only` (a kind matches itself and its sub-kinds). */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function workspaceEdit(input: CodeActionInput, edits: TextEdit[]): WorkspaceEdit {
  if (input.documentChanges) return { documentChanges: [{ textDocument: { uri: input.uri, version: input.version }, edits }] };
  return { changes: { [input.uri]: edits } };
}

/** The core diagnostics a client diagnostic stands for: same rule, same range (stale ones match nothing). */
function matching(input: CodeActionInput, d: Diagnostic): CoreDiagnostic[] {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || !input.result) return [];
  const all = input.result.diagnostics.filter((c) => c.ruleId === d.code && sameRange(diagnosticRange(c), d.range));
  const sameMessage = all.filter((c) => c.message === d.message);
  return sameMessage.length > 0 ? sameMessage : all;
}

function fixAction(input: CodeActionInput, fix: Fix, d: Diagnostic, preferred: boolean): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(input, toLspEdits(input.source, fix.edits)) };
  if (preferred) action.isPreferred = true;
  return action;
}

/** True when a comment line cannot be put before `line` (it starts inside a multi-line scalar such as a block `|`). */
function insideScalar(input: CodeActionInput, line: number): boolean {
  const root = input.root();
  const lineStart = input.source.lineStart(line) ?? 0;
  const text = input.source.lineText(line);
  const at = lineStart + (text.length - text.trimStart().length);
  const hit = nodeAt(root, at);
  const scalar: YNode | undefined = hit?.node;
  return scalar !== undefined && scalar.kind === 'scalar' && scalar.span.start < lineStart && scalar.span.end > lineStart;
}

const DIRECTIVE_PREFIX = /^\s*#\s*valohai-lint-disable-next-line\s+/;

/** Where the rule list of a `disable-next-line` comment ends (before ` -- reason`), or undefined for another line. */
function ruleListEnd(line: string): number | undefined {
  const prefix = DIRECTIVE_PREFIX.exec(line);
  if (!prefix) return undefined;
  const reason = line.indexOf('--', prefix[0].length);
  const list = line.slice(prefix[0].length, reason < 0 ? line.length : reason).trimEnd();
  // An empty list suppresses every rule already.
  return list === '' ? undefined : prefix[0].length + list.length;
}

/** An edit that adds `rule` to the suppression comment above `line`, or inserts one with the line's indentation. */
export function disableEdit(source: SourceFile, line: number, rule: string): TextEdit {
  const text = source.lineText(line);
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const end = line > 0 ? ruleListEnd(source.lineText(line - 1)) : undefined;
  if (end !== undefined) {
    const at = { line: line - 1, character: end };
    return { range: { start: at, end: at }, newText: `, ${rule}` };
  }
  const eol = /\r\n/.test(source.text) ? '\r\n' : source.text.includes('\r') && !source.text.includes('\n') ? '\r' : '\n';
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${indent}# valohai-lint-disable-next-line ${rule}${eol}` };
}

/** The smallest single edit turning `from` into `to` (common prefix and suffix left alone). */
export function minimalEdit(source: SourceFile, from: string, to: string): TextEdit {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF between the kept and replaced parts.
  while (start > 0 && (isLowSurrogate(from.charCodeAt(start)) || (from[start - 1] === '\r' && from[start] === '\n'))) start--;
  while (end > 0 && (isLowSurrogate(from.charCodeAt(from.length - end)) || (from[from.length - end - 1] === '\r' && from[from.length - end] === '\n'))) end--;
  return { range: { start: source.positionAt(start), end: source.positionAt(from.length - end) }, newText: to.slice(start, to.length - end) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The `source.fixAll.valohai-lint` action, or undefined when no safe fix changes anything. */
export function fixAllAction(input: CodeActionInput): CodeAction | undefined {
  if (!input.result?.diagnostics.some((d) => d.fix)) return undefined;
  const fixed = input.fixedText();
  if (fixed === input.text) return undefined;
  return { title: 'Fix all auto-fixable valohai-lint problems', kind: FIX_ALL_KIND, edit: workspaceEdit(input, [minimalEdit(input.source, input.text, fixed)]) };
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const quick: CodeAction[] = [];
  const seen = new Set<string>();
  const disables: CodeAction[] = [];
  const docs: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, input.only)) {
    for (const d of input.diagnostics) {
      for (const c of matching(input, d)) {
        if (c.fix) quick.push(fixAction(input, c.fix, d, true));
        for (const s of c.suggestions ?? []) quick.push(fixAction(input, s, d, false));
        const addPattern = input.registryTarget ? addRegistryAction(input.registryTarget, c, d) : undefined;
        if (addPattern && !seen.has(`pattern:${addPattern.title}`)) {
          seen.add(`pattern:${addPattern.title}`);
          quick.push(addPattern);
        }
        const line = c.start.line - 1;
        const disableKey = `disable:${c.ruleId}:${line}`;
        if (!c.ruleId.startsWith('suppression-') && !seen.has(disableKey) && !insideScalar(input, line)) {
          seen.add(disableKey);
          disables.push({ title: `Disable ${c.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(input, [disableEdit(input.source, line, c.ruleId)]) });
        }
        if (!seen.has(`docs:${c.ruleId}`)) {
          seen.add(`docs:${c.ruleId}`);
          const url = ruleDocsUrl(c.ruleId);
          const title = `Show documentation for ${c.ruleId}`;
          docs.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [url] } });
        }
      }
    }
  }
  const out = [...quick, ...disables, ...docs];
  const explicitlyAsked = input.only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`)) ?? false;
  if (explicitlyAsked || (!input.only && input.diagnostics.length > 0)) {
    const all = fixAllAction(input);
    if (all) out.push(all);
  }
  return out;
}
