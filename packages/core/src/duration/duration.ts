// Reads a `time-limit` / `no-output-timeout` value exactly as valohai-yaml's utils/duration.py does, and says precisely
// why a value it cannot read fails (there valohai-yaml raises an uncaught Python exception instead of a message).
// Facts: valohai-yaml's utils/duration.py (what it accepts, and where it crashes); test/duration.test.ts has the cases.
//
// valohai-yaml's reading: an integer is that many seconds (0 and negative numbers included); a string that is empty or
// only whitespace means "no value"; any other string is scanned for every match of a number (`[.\d]+`), optional
// whitespace and lower-case ASCII letters; each match adds number × unit, where only the unit's FIRST letter counts
// (s, m, h, d, w); text between matches is ignored; the total must be positive. Any other value (a float) fails.

/** The step keys whose value is a duration. */
export const DURATION_KEYS = ['time-limit', 'no-output-timeout'] as const;

/** Seconds per unit, by the unit's first letter. */
export const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Unit words that read as what they say; any other word is read by its first letter only (`ms` → minutes). */
export const KNOWN_UNIT_WORDS: ReadonlySet<string> = new Set([
  's', 'sec', 'secs', 'second', 'seconds',
  'm', 'min', 'mins', 'minute', 'minutes',
  'h', 'hr', 'hrs', 'hour', 'hours',
  'd', 'day', 'days',
  'w', 'wk', 'wks', 'week', 'weeks',
]);

/** The seconds Python's `datetime.timedelta` can hold: beyond ±999,999,999 days it raises OverflowError. */
const MAX_SECONDS = 86_400 * 1_000_000_000;
const MIN_SECONDS = -86_400 * 999_999_999;

/** One `number [spaces] letters` match, with offsets into the string. */
export interface DurationPart {
  start: number;
  end: number;
  /** The number as written (`[.\d]+`). */
  number: string;
  numberEnd: number;
  /** The lower-case ASCII letters after it (may be empty). */
  unit: string;
  unitStart: number;
  /** number × unit, when both are readable. */
  seconds?: number;
}

export type DurationProblem =
  /** A number without unit letters: `"300"`, or the `30` of `"5m 30"`. */
  | { code: 'noUnit'; start: number; end: number; number: string; wholeValueIsNumber: boolean }
  /** A number followed by an upper-case unit: `10H`. `unit` is the letters as written. */
  | { code: 'upperCaseUnit'; start: number; end: number; unit: string }
  /** A unit whose first letter is not s, m, h, d or w: `5x`. */
  | { code: 'unknownUnit'; start: number; end: number; unit: string }
  /** `[.\d]+` that is not a number: `1..5`, `.`. */
  | { code: 'badNumber'; start: number; end: number; number: string }
  /** The matches add up to zero or less, or there are none: `"0s"`, `"soon"`. */
  | { code: 'notPositive'; matches: number }
  /** Longer than Python's timedelta can hold. */
  | { code: 'tooLong' }
  /** A YAML float (`1.0`, `.inf`): valohai-yaml reads integers and strings only. */
  | { code: 'float'; value: number };

export type DurationResult =
  | { ok: true; /** undefined: no value (empty or whitespace-only string). */ seconds: number | undefined; parts: DurationPart[] }
  | { ok: false; problem: DurationProblem; parts: DurationPart[] };

/** Python's `str.isspace()` characters, which `\s` and `str.strip()` use for str patterns. */
const PY_SPACE = '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_SPACE_RE = new RegExp(`[${PY_SPACE}]`, 'u');
/** `(?P<value>[.\d]+)\s*(?P<suffix>[a-z]*)` with Python's Unicode `\d` and `\s`. */
const MATCH_RE = new RegExp(`([.\\p{Nd}]+)[${PY_SPACE}]*([a-z]*)`, 'gu');
const DIGIT_RE = /^\p{Nd}$/u;

function isBlank(text: string): boolean {
  for (const ch of text) if (!PY_SPACE_RE.test(ch)) return false;
  return true;
}

/**
 * The value of a Unicode decimal digit. Unicode encodes every decimal digit set as runs of ten consecutive code points
 * from 0 to 9, so the value is the distance from the start of the run of digits the character belongs to, modulo 10.
 */
function digitValue(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 48;
  let first = cp;
  while (first > 0 && DIGIT_RE.test(String.fromCodePoint(first - 1))) first--;
  return (cp - first) % 10;
}

/** Python `float()` of a `[.\d]+` string: digits, at most one dot, at least one digit. NaN when Python raises. */
export function pythonFloat(number: string): number {
  let ascii = '';
  let dots = 0;
  let digits = 0;
  for (const ch of number) {
    if (ch === '.') {
      dots++;
      ascii += '.';
    } else {
      digits++;
      ascii += String(digitValue(ch.codePointAt(0) ?? 48));
    }
  }
  if (dots > 1 || digits === 0) return NaN;
  return Number(ascii);
}

/** Scans a duration string into its matches (no validation). */
export function durationParts(text: string): DurationPart[] {
  const parts: DurationPart[] = [];
  for (const m of text.matchAll(MATCH_RE)) {
    const number = m[1] ?? '';
    const unit = m[2] ?? '';
    const start = m.index;
    const end = start + m[0].length;
    const part: DurationPart = { start, end, number, numberEnd: start + number.length, unit, unitStart: end - unit.length };
    const value = pythonFloat(number);
    const mul = DURATION_UNITS[unit.charAt(0)];
    if (!Number.isNaN(value) && unit !== '' && mul !== undefined) part.seconds = value * mul;
    parts.push(part);
  }
  return parts;
}

/** The letters right after a match that `[a-z]*` did not take (upper-case or non-ASCII), as written. */
function lettersAfter(text: string, from: number): string {
  const m = /^\p{L}+/u.exec(text.slice(from, from + 64));
  return m ? m[0] : '';
}

/** Reads a duration string the way valohai-yaml does (first problem in its order). */
export function parseDurationString(text: string): DurationResult {
  if (isBlank(text)) return { ok: true, seconds: undefined, parts: [] };
  const parts = durationParts(text);
  let total = 0;
  for (const p of parts) {
    // Python's order per match: float(value) first, then suffix[0] (IndexError when empty), then the suffix table.
    if (Number.isNaN(pythonFloat(p.number))) return { ok: false, problem: { code: 'badNumber', start: p.start, end: p.numberEnd, number: p.number }, parts };
    if (p.unit === '') {
      const letters = lettersAfter(text, p.end);
      if (letters !== '' && /^[A-Z]/.test(letters)) return { ok: false, problem: { code: 'upperCaseUnit', start: p.start, end: p.end + letters.length, unit: letters }, parts };
      const trimmedEnd = p.numberEnd;
      return { ok: false, problem: { code: 'noUnit', start: p.start, end: trimmedEnd, number: p.number, wholeValueIsNumber: text.trim() === p.number }, parts };
    }
    if (DURATION_UNITS[p.unit.charAt(0)] === undefined) return { ok: false, problem: { code: 'unknownUnit', start: p.start, end: p.end, unit: p.unit }, parts };
    total += p.seconds ?? 0;
  }
  if (!(total > 0)) return { ok: false, problem: { code: 'notPositive', matches: parts.length }, parts };
  if (total >= MAX_SECONDS) return { ok: false, problem: { code: 'tooLong' }, parts };
  return { ok: true, seconds: total, parts };
}

/**
 * Reads a loaded `time-limit` / `no-output-timeout` value. `isFloat` says the YAML wrote a float (`1.0`, `.inf`): the
 * loaded JavaScript number cannot tell `1.0` from `1`, but Python can, and valohai-yaml fails on every float.
 * Returns undefined for values of other types (null, booleans, lists…), which the schema rules report.
 */
export function parseDuration(value: unknown, isFloat = false): DurationResult | undefined {
  if (typeof value === 'number') {
    if (isFloat || !Number.isInteger(value)) return { ok: false, problem: { code: 'float', value }, parts: [] };
    if (value >= MAX_SECONDS || value < MIN_SECONDS) return { ok: false, problem: { code: 'tooLong' }, parts: [] };
    return { ok: true, seconds: value, parts: [] };
  }
  if (typeof value === 'string') return parseDurationString(value);
  return undefined;
}

/** `1h 30m`-style text for a number of seconds (for messages). */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const out: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60]] as const) {
    if (rest >= size) {
      out.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0 || out.length === 0) out.push(`${rest}s`);
  return out.join(' ');
}
