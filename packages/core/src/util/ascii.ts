// ASCII character classes over character codes (UTF-16 code units or code points: nothing above 0x7f is in a class),
// and the `U+XXXX` name of a code point for messages.

export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
export const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
export const isLetter = (c: number): boolean => isLower(c) || isUpper(c);
export const isAlnum = (c: number): boolean => isLetter(c) || isDigit(c);
export const isLowerAlnum = (c: number): boolean => isLower(c) || isDigit(c);
/** Letters, digits and `_` (a regular expression's `\w`). */
export const isWord = (c: number): boolean => isAlnum(c) || c === 0x5f;
export const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
export const isLowerHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66);

/** `U+00A0`: how Unicode names a code point (at least four upper-case hex digits). */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
