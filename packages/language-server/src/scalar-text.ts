// Writing a string as YAML text for an edit: plain when it reads back as the same string (in block and flow context,
// under YAML 1.1 as PyYAML reads it), otherwise quoted.

// YAML 1.1 words that a plain scalar would turn into booleans or null.
const SPECIAL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

/**
 * True when `value` can be written as a plain scalar anywhere (flow context included) and still be this string.
 * Conservative: a value starting with a digit is never plain (it could read as a number or a time).
 */
export function plainSafe(value: string): boolean {
  if (!/^[A-Za-z_/(][A-Za-z0-9_ ()/.*?+=~@$-]*$/.test(value)) return false;
  if (value.endsWith(' ') || value.includes(' #')) return false;
  return !SPECIAL.test(value);
}

/** `value` as a quoted YAML scalar in the given style. */
export function scalarText(style: 'single' | 'double', value: string): string {
  return style === 'single' ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
}
