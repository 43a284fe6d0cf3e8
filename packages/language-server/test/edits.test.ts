// Text edits the server computes: applying clamped LSP changes to open documents, the minimal fix-all edit, suppression comments.
import { applyDelta, SourceFile } from '@valohai-lint/core';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { disableEdit, minimalEdit } from '../src/code-actions.js';
import { DocumentStore } from '../src/documents.js';

const apply = (text: string, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }) =>
  TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), [edit]);

describe('DocumentStore.change', () => {
  it.each([
    { what: 'an insertion', text: 'ab\ncd', changes: [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: 'X' }], out: 'ab\ncXd' },
    { what: 'a reversed range', text: 'abcd', changes: [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 1 } }, text: '' }], out: 'ad' },
    { what: 'a position past the end of a line', text: 'ab\ncd', changes: [{ range: { start: { line: 0, character: 99 }, end: { line: 0, character: 99 } }, text: '!' }], out: 'ab!\ncd' },
    { what: 'a line past the end of the text', text: 'ab', changes: [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: '!' }], out: 'ab!' },
    { what: 'a position between the halves of a surrogate pair', text: '😀', changes: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'x' }], out: '\uD83Dx\uDE00' },
    { what: 'a position inside a CRLF', text: 'a\r\nb', changes: [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'x' }], out: 'ax\r\nb' },
    { what: 'a full replacement then an edit', text: 'old', changes: [{ text: 'new' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'N' }], out: 'New' },
    { what: 'malformed changes are skipped', text: 'abc', changes: [{ text: 5 }, null, { range: { start: { line: 'x' }, end: {} }, text: 'Z' }], out: 'Zabc' },
  ])('$what', ({ text, changes, out }) => {
    const store = new DocumentStore();
    store.open('file:///x/valohai.yaml', 1, text);
    // Twice: the line index TextDocument keeps between changes must stay right.
    const doc = store.change('file:///x/valohai.yaml', 2, changes);
    expect(doc?.getText()).toBe(out);
    expect(store.change('file:///x/valohai.yaml', 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '>' }])?.getText()).toBe(`>${out}`);
  });
});

describe('DocumentStore against the protocol library', () => {
  it('applies any sequence of changes as TextDocument.update applies each to the text, its line index patched per edit', () => {
    // Texts and insertions with every line ending, a byte-order mark and a surrogate pair; positions anywhere, past
    // the ends, negative, reversed; sometimes several changes at once or a full replacement.
    const pieces = fc.constantFrom('', 'a', 'bc', '\n', '\r\n', '\r', '\ufeff', '😀', '- step:\n    name: x\n', '  ');
    const text = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));
    const position = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
    const change = fc.oneof(
      { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
      { weight: 1, arbitrary: fc.record({ text }) },
    );
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 25 }), (initial, batches) => {
        const store = new DocumentStore();
        store.open('file:///x/valohai.yaml', 1, initial);
        let expected = initial;
        batches.forEach((changes, k) => {
          // Each change applied to a document made afresh from the text: TextDocument's own incremental line index goes
          // wrong after a change at a line past the end (it writes the new line's offset at that line's index).
          for (const change of changes) {
            const reference = TextDocument.create('file:///x/valohai.yaml', 'yaml', 1, expected);
            TextDocument.update(reference, [change], 2);
            expected = reference.getText();
          }
          const before = store.get('file:///x/valohai.yaml')!.getText();
          const doc = store.change('file:///x/valohai.yaml', k + 2, changes);
          expect(doc?.getText()).toBe(expected);
          expect(doc?.version).toBe(k + 2);
          // One edit: the change that made the text from the one before (what the linting thread is sent).
          if (changes.length === 1 && 'range' in changes[0]!) {
            expect(doc?.lastChange?.from).toBe(before);
            expect(applyDelta(before, doc!.lastChange!.delta)).toBe(expected);
          } else expect(doc?.lastChange).toBeUndefined();
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('minimalEdit', () => {
  it.each([
    { from: 'a: 1\nb: 2\n', to: 'a: 1\nb: 3\n' },
    { from: '# x\n- step:\n', to: '- step:\n' },
    { from: 'x😀y', to: 'x😁y' },
    { from: 'a\r\nb', to: 'a\nb' },
    { from: 'same', to: 'same' },
  ])('turns $from into $to', ({ from, to }) => {
    const edit = minimalEdit(new SourceFile(from), from, to);
    expect(apply(from, edit)).toBe(to);
  });
  it('keeps the common prefix and suffix out of the edit', () => {
    expect(minimalEdit(new SourceFile('a: 1\nb: 2\n'), 'a: 1\nb: 2\n', 'a: 1\nb: 3\n')).toEqual({ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, newText: '3' });
  });
});

describe('disableEdit', () => {
  it('inserts a comment with the line indentation and the file line ending', () => {
    expect(disableEdit(new SourceFile('a:\r\n  b: 1\r\n'), 1, 'r-1')).toEqual({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '  # valohai-lint-disable-next-line r-1\r\n' });
  });
  it('adds the rule to an existing directive, before its reason', () => {
    const source = new SourceFile('# valohai-lint-disable-next-line a-b, c -- why\nx: 1\n');
    expect(disableEdit(source, 1, 'd')).toEqual({ range: { start: { line: 0, character: 39 }, end: { line: 0, character: 39 } }, newText: ', d' });
  });
});
