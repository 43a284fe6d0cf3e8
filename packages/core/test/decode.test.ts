// Bytes to text: strict UTF-8 (the first bad byte found exactly, checked against Node's own strict decoder on random
// bytes), byte-order marks, and the characters YAML forbids in text that decoded fine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource, encodingResult, fixText, lint } from '../src/index.js';
import { firstInvalidUtf8 } from '../src/source/decode.js';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeSource', () => {
  it.each([
    ['a Latin-1 "é"', bytes('name: caf', [0xe9], '\n'), 9],
    ['a lone continuation byte', bytes('a', [0x80]), 1],
    ['an overlong "/"', bytes([0xc0, 0xaf]), 0],
    ['an overlong three-byte form', bytes('ab', [0xe0, 0x80, 0xaf]), 2],
    ['an encoded surrogate', bytes([0xed, 0xa0, 0x80]), 0],
    ['a code point above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a sequence cut off by the end of the file', bytes('ok ', [0xe2, 0x82]), 3],
    ['0xFF', bytes('x: ', [0xff]), 3],
  ])('%s: reported at the first bad byte', (_what, input, at) => {
    const decoded = decodeSource(input);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.problem).toMatchObject({ kind: 'invalidUtf8', byteOffset: at });
    expect(decoded.text).toBe(Buffer.from(input.subarray(0, at)).toString('utf8'));
    expect(decoded.problem.offset).toBe(decoded.text.length);
  });

  it('keeps a UTF-8 byte-order mark and every valid character', () => {
    const text = '\uFEFF- step:\r\n    name: café 日本 😀\n';
    expect(decodeSource(Buffer.from(text, 'utf8'))).toEqual({ ok: true, text });
  });

  it('names UTF-16 and UTF-32 files by their byte-order mark', () => {
    for (const [input, kind] of [[[0xff, 0xfe, 0x2d, 0], 'utf16'], [[0xfe, 0xff, 0, 0x2d], 'utf16'], [[0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0], 'utf32'], [[0, 0, 0xfe, 0xff], 'utf32']] as const) {
      const decoded = decodeSource(Uint8Array.from(input));
      expect(decoded.ok ? 'ok' : decoded.problem.kind).toBe(kind);
    }
  });

  it('agrees with a strict decoder on random bytes, and the text before the problem decodes on its own', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (input) => {
        let valid = true;
        try {
          strict.decode(input);
        } catch {
          valid = false;
        }
        const at = firstInvalidUtf8(input);
        expect(at < 0).toBe(valid);
        if (at >= 0) expect(() => strict.decode(input.subarray(0, at))).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  it('becomes one file-encoding error at the line and column of the bad byte', () => {
    const decoded = decodeSource(bytes('- step:\n    name: caf', [0xe9], '\n'));
    if (decoded.ok) return expect.fail('decoded');
    const [d, ...rest] = encodingResult(decoded).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'file-encoding', severity: 'error', start: { line: 2, column: 14 } });
    expect(d!.message).toBe('The byte "0xE9" is not valid UTF-8, and Valohai reads valohai.yaml as UTF-8, so it rejects this file; save the file as UTF-8.');
    expect(encodingResult(decoded, { rules: { 'file-encoding': 'off' } }).diagnostics).toEqual([]);
  });
});

describe('characters YAML forbids', () => {
  it.each([
    ['NUL in a value', '- step:\n    name: a\u0000b\n', '2:12', 'U+0000 (NUL)'],
    ['ESC in a comment', '# \u001b[31mred\n- step: {}\n', '1:3', 'U+001B (ESC)'],
    ['DEL', 'a: b\u007f\n', '1:5', 'U+007F (DEL)'],
    ['a C1 control', 'a: \u009b\n', '1:4', 'U+009B (a control character)'],
    ['a lone surrogate', 'a: "\ud800"\n', '1:5', 'U+D800 (half of a surrogate pair)'],
    ['a noncharacter', 'a: \uffff\n', '1:4', 'U+FFFF (a noncharacter)'],
  ])('%s: a yaml-syntax error at the first one, and --fix leaves the file alone', (_what, text, at, named) => {
    const found = lint(text).diagnostics.filter((d) => d.message.includes('is not allowed anywhere'));
    expect(found.map((d) => `${d.ruleId} ${d.start.line}:${d.start.column}`)).toEqual([`yaml-syntax ${at}`]);
    expect(found[0]!.message).toContain(named);
    expect(fixText(`# valohai-lint-disable-next-line yaml-duplicate-key\n${text}`).text).toBe(`# valohai-lint-disable-next-line yaml-duplicate-key\n${text}`);
  });

  it('allows tab, line breaks, NEL, a byte-order mark, non-breaking spaces and emoji', () => {
    const text = '\uFEFF- step:\r\n    name: "a\tb\u0085c\u00a0d 😀"\n    image: docker.io/library/python:3.12\n    command: x\n';
    expect(lint(text).diagnostics).toEqual([]);
  });
});
