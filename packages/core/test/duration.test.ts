// Durations read as valohai-yaml's utils/duration.py reads them (its crashes included; corpus p04–p07,
// p28, p29, p40–p43), with the precise problem for every value it cannot read.
import { describe, expect, it } from 'vitest';
import { formatSeconds, parseDuration, parseDurationString, pythonFloat } from '../src/duration/duration.js';

describe('values valohai-yaml reads', () => {
  it.each([
    { what: 'integer seconds (timeouts example)', value: 300 as unknown, seconds: 300 },
    { what: 'a day in seconds', value: 86400, seconds: 86400 },
    { what: '0 is accepted as 0 seconds (p29)', value: 0, seconds: 0 },
    { what: 'negative integers are taken as they are', value: -60, seconds: -60 },
    { what: '1:30 arrives as the base-60 integer 90 (p41)', value: 90, seconds: 90 },
    { what: 'empty string: no value', value: '', seconds: undefined },
    { what: 'whitespace-only string: no value (p41)', value: ' ', seconds: undefined },
    { what: 'Python whitespace includes NBSP and \\x1c', value: '\u00a0\x1c\t', seconds: undefined },
    { what: 'hours and minutes (p05)', value: '1h 30m', seconds: 5400 },
    { what: 'minutes as a word (p05)', value: '90min', seconds: 5400 },
    { what: 'three parts (timeouts example)', value: '1h 30m 5s', seconds: 5405 },
    { what: 'no spaces between parts', value: '1h30m', seconds: 5400 },
    { what: 'words, plural and abbreviated (p42)', value: '2 hours 5 mins', seconds: 7500 },
    { what: 'fraction, and a unit followed by non-ASCII letters (p42)', value: '1.5d 2hörs', seconds: 136_800 },
    { what: 'long unit word', value: '60 minutes', seconds: 3600 },
    { what: 'weeks', value: '2w', seconds: 1_209_600 },
    { what: 'text between matches is ignored', value: 'abc 5m', seconds: 300 },
    { what: '"10 ms" means ten minutes (p43)', value: '10 ms', seconds: 600 },
    { what: 'a minus sign is ignored text', value: '-5m', seconds: 300 },
    { what: 'leading dot number', value: '.5h', seconds: 1800 },
    { what: 'trailing dot number', value: '5.m', seconds: 300 },
    { what: 'Unicode digits count, as Python \\d and float() do', value: '\u0663m', seconds: 180 },
    { what: 'spaces between number and unit may be any Python whitespace', value: '5\u2003m', seconds: 300 },
    { what: 'parts that sum positive', value: '0s 1s', seconds: 1 },
  ])('$what', ({ value, seconds }) => {
    const r = parseDuration(value);
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    if (seconds === undefined) expect(r.seconds).toBeUndefined();
    else expect(r.seconds).toBeCloseTo(seconds);
  });
});

describe('values valohai-yaml cannot read (it raises a Python exception)', () => {
  it.each([
    { what: 'digits only in a string (p04: IndexError)', value: '"300"', code: 'noUnit', at: '300' },
    { what: 'upper-case unit (p28: IndexError)', value: '10H', code: 'upperCaseUnit', at: '10H' },
    { what: 'upper-case unit after a space', value: '10 H', code: 'upperCaseUnit', at: '10 H' },
    { what: 'upper-case word', value: '10Hours', code: 'upperCaseUnit', at: '10Hours' },
    { what: 'second part without a unit', value: '5m 30', code: 'noUnit', at: '30' },
    { what: 'zero without a unit is no-unit, not zero', value: '0', code: 'noUnit', at: '0' },
    { what: 'quoted base-60 is a string without units', value: '1:30', code: 'noUnit', at: '1' },
    { what: 'non-ASCII letter as the unit', value: '10ö', code: 'noUnit', at: '10' },
    { what: 'unknown unit (p06: Unknown duration suffix)', value: '5x', code: 'unknownUnit', at: '5x' },
    { what: 'unit that starts with an unknown letter', value: '2 years', code: 'unknownUnit', at: '2 years' },
    { what: 'exponent letter is a unit', value: '1e3s', code: 'unknownUnit', at: '1e' },
    { what: 'zero total (p29: Could not parse positive duration)', value: '0s', code: 'notPositive' },
    { what: 'no number at all', value: 'soon', code: 'notPositive' },
    { what: 'malformed number (float conversion fails)', value: '1..5h', code: 'badNumber', at: '1..5' },
    { what: 'a lone dot is a number match', value: '5m.', code: 'badNumber', at: '.' },
    { what: 'too long for timedelta (OverflowError)', value: '99999999999999w', code: 'tooLong' },
    { what: 'a number Python reads as infinity', value: `${'9'.repeat(400)}s`, code: 'tooLong' },
  ])('$what', ({ value, code, at }) => {
    const text = value === '"300"' ? '300' : value;
    const r = parseDurationString(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe(code);
    if (at !== undefined && 'start' in r.problem) expect(text.slice(r.problem.start, r.problem.end)).toBe(at);
  });

  it.each([
    { what: 'a whole float (p40: Could not parse duration from 1.0)', value: 1, isFloat: true },
    { what: 'a fractional float (p07; a schema error upstream)', value: 1.5, isFloat: false },
    { what: 'infinity', value: Infinity, isFloat: true },
    { what: 'NaN', value: NaN, isFloat: true },
  ])('$what', ({ value, isFloat }) => {
    const r = parseDuration(value, isFloat);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.problem.code).toBe('float');
  });

  it('integers beyond timedelta are too long', () => {
    expect(parseDuration(86_400 * 1_000_000_000)).toMatchObject({ ok: false, problem: { code: 'tooLong' } });
    expect(parseDuration(86_400 * 999_999_999)).toMatchObject({ ok: true });
  });

  it('other types are left to the schema rules', () => {
    for (const v of [null, undefined, true, [], {}]) expect(parseDuration(v)).toBeUndefined();
  });
});

describe('helpers', () => {
  it.each([
    { what: 'plain', text: '1.5', value: 1.5 },
    { what: 'trailing dot', text: '5.', value: 5 },
    { what: 'leading dot', text: '.5', value: 0.5 },
    { what: 'two dots', text: '1..5', value: NaN },
    { what: 'only a dot', text: '.', value: NaN },
    { what: 'Arabic-Indic digits', text: '\u0661\u0660', value: 10 },
    { what: 'mathematical bold digits (astral)', text: '\u{1D7D7}', value: 9 },
  ])('pythonFloat: $what', ({ text, value }) => {
    expect(pythonFloat(text)).toEqual(value);
  });

  it('formatSeconds', () => {
    expect(formatSeconds(5400)).toBe('1h 30m');
    expect(formatSeconds(136_800)).toBe('1d 14h');
    expect(formatSeconds(0)).toBe('0s');
    expect(formatSeconds(61)).toBe('1m 1s');
  });

  it('is linear on long input', () => {
    const start = performance.now();
    const r = parseDurationString('1m '.repeat(50_000));
    expect(r).toMatchObject({ ok: true, seconds: 3_000_000 });
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
