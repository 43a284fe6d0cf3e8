// Turns a file's bytes into text the way Valohai's YAML loader reads them: UTF-8, an optional byte-order mark kept.
// Anything else is a problem at the first byte that cannot be read, never a guess: a lossy decoding would let --fix
// write U+FFFD over the user's bytes.

/** Why a file's bytes are not text Valohai can read. */
export interface EncodingProblem {
  kind: 'invalidUtf8' | 'utf16' | 'utf32';
  /** Where the problem starts in the decodable prefix (`text`), as a UTF-16 offset. */
  offset: number;
  /** The same place in the file, in bytes. */
  byteOffset: number;
  /** The offending byte, as `0xE9`. */
  byte: string;
}

export type DecodedSource = { ok: true; text: string } | { ok: false; problem: EncodingProblem; /** The text before the problem. */ text: string };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The byte-order mark of a UTF-16 or UTF-32 file (checked before UTF-8, as the UTF-32 LE mark starts like UTF-16's). */
function foreignByteOrderMark(bytes: Uint8Array): EncodingProblem['kind'] | undefined {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return 'utf32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'utf16';
  return undefined;
}

/**
 * Index of the first byte that does not start a well-formed UTF-8 sequence (overlong forms, surrogates and code
 * points above U+10FFFF included, as Python's strict codec rejects them), or -1 when every byte is fine.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Decodes a file's bytes as strict UTF-8, or says where and why that is impossible. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const foreign = foreignByteOrderMark(bytes);
  if (foreign) return { ok: false, text: '', problem: { kind: foreign, offset: 0, byteOffset: 0, byte: hex(bytes[0]!) } };
  // The native decoder rejects exactly what firstInvalidUtf8 finds (a test holds them to it) and is far quicker than a
  // loop over every byte run cold; the loop only says where a file it rejects goes wrong.
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    // Not UTF-8: find the first bad byte below.
  }
  const bad = Math.max(0, firstInvalidUtf8(bytes));
  const text = strict.decode(bytes.subarray(0, bad));
  return { ok: false, text, problem: { kind: 'invalidUtf8', offset: text.length, byteOffset: bad, byte: hex(bytes[bad]!) } };
}
