// Resolves plain YAML scalars the way PyYAML's SafeLoader does (YAML 1.1), because Valohai reads valohai.yaml with PyYAML.
// Facts: PyYAML's SafeLoader resolver (`1e3` stays a string, `1:30` is 90, `yes` is true, `y` stays a string).

/** A YAML 1.1 timestamp (`2020-09-02`, `2020-09-02T10:00:00Z`): PyYAML turns these into Python dates, never strings. */
export class Timestamp {
  constructor(
    /** The scalar as written. */
    readonly text: string,
    /** True for a plain date without a time part. */
    readonly dateOnly: boolean,
  ) {}
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

const BOOL_TRUE = new Set(['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

const INT_RE = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT_RE = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const DATE_RE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const DATETIME_RE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$/;

/** What a plain scalar's text means under PyYAML's resolver. */
export type PlainValue = null | boolean | number | string | Timestamp;

function sexagesimal(text: string): number {
  let sign = 1;
  let body = text;
  if (body.startsWith('-')) {
    sign = -1;
    body = body.slice(1);
  } else if (body.startsWith('+')) body = body.slice(1);
  let total = 0;
  for (const part of body.split(':')) total = total * 60 + Number(part);
  return sign * total;
}

function resolveInt(text: string): number {
  const clean = text.replace(/_/g, '');
  let sign = 1;
  let body = clean;
  if (body.startsWith('-')) {
    sign = -1;
    body = body.slice(1);
  } else if (body.startsWith('+')) body = body.slice(1);
  if (body === '0') return 0;
  if (body.startsWith('0b')) return sign * parseInt(body.slice(2), 2);
  if (body.startsWith('0x')) return sign * parseInt(body.slice(2), 16);
  if (body.startsWith('0')) return sign * parseInt(body.slice(1), 8);
  if (body.includes(':')) return sign * sexagesimal(body);
  return sign * Number(body);
}

function resolveFloat(text: string): number {
  const clean = text.replace(/_/g, '').toLowerCase();
  if (clean.endsWith('.inf')) return clean.startsWith('-') ? -Infinity : Infinity;
  if (clean.endsWith('.nan')) return NaN;
  if (clean.includes(':')) return sexagesimal(clean);
  return Number(clean);
}

/** Resolves a plain (unquoted, untagged) scalar like PyYAML's SafeLoader. */
export function resolvePlain(text: string): PlainValue {
  if (text.length > 40) return text; // every non-string form is short; skips regex work on long strings
  if (NULLS.has(text)) return null;
  if (BOOL_TRUE.has(text)) return true;
  if (BOOL_FALSE.has(text)) return false;
  const first = text.charCodeAt(0);
  const maybeNumber = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  if (!maybeNumber) return text;
  if (INT_RE.test(text)) return resolveInt(text);
  if (FLOAT_RE.test(text)) return resolveFloat(text);
  if (DATE_RE.test(text)) return new Timestamp(text, true);
  if (DATETIME_RE.test(text)) return new Timestamp(text, false);
  return text;
}

/** Plain scalars that PyYAML (YAML 1.1) reads as something else than YAML 1.2 parsers and most people expect. */
export function yaml11Surprise(text: string): 'boolean' | 'sexagesimal' | 'octal' | undefined {
  if (BOOL_TRUE.has(text) || BOOL_FALSE.has(text)) {
    return /^(?:true|false)$/i.test(text) ? undefined : 'boolean';
  }
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(text)) return 'sexagesimal';
  if (/^[-+]?0[0-7_]+$/.test(text) && text.replace(/[-+_]/g, '') !== '0') return 'octal';
  return undefined;
}

/** The Python-ish name of a value's type, for messages ("a number", "a boolean"). */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'string') return 'a string';
  if (value instanceof Timestamp) return value.dateOnly ? 'a date' : 'a date-time';
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}
