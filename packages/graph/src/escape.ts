// Escapers for every output language: names and messages come from the user's file, so none of them may end a label,
// open markup or run anything, whatever characters they hold.

/** Characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF), as U+FFFD. */
function xmlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Text for XML/SVG element content and attribute values. */
export function xml(text: string): string {
  return xmlCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A Graphviz double-quoted string (`"…"`): quotes and backslashes escaped, so `\N`, `\l` and friends stay literal. */
export function dotString(text: string): string {
  return `"${xmlCharacters(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

/** Characters shown as they are inside a quoted Mermaid label; everything else becomes an entity code (`#35;`). */
const MERMAID_PLAIN = /[A-Za-z0-9 _.,:/*+=@!?()-]/;

/**
 * Text for a quoted Mermaid label (`["…"]`, `|"…"|`). Mermaid decodes `#NNN;` into the character, so quotes,
 * brackets, backticks, markup, `#` and any non-ASCII character are written that way and can never end the label,
 * start Markdown, or close the Markdown fence around the diagram.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of xmlCharacters(text).replace(/\r\n|\r|\n/g, ' ')) out += MERMAID_PLAIN.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}

/** Text inside a Markdown line that starts with other text (a heading's words): inline punctuation and HTML escaped. */
export function markdownText(text: string): string {
  return xmlCharacters(text)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
