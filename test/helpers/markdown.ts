// Reads the fenced code blocks of a Markdown page, so that tests can run the examples the documentation shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export interface CodeBlock {
  /** The info string after the opening fence, e.g. `yaml .gitlab-ci.yml`. */
  info: string;
  body: string;
}

export function codeBlocks(page: string): CodeBlock[] {
  const text = readFileSync(join(ROOT, page), 'utf8');
  return [...text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1]!.trim(), body: m[2]! }));
}

/** The one block with exactly this info string. */
export function codeBlock(page: string, info: string): string {
  const found = codeBlocks(page).filter((b) => b.info === info);
  if (found.length !== 1) throw new Error(`${page} has ${found.length} code blocks \`\`\`${info}, expected 1`);
  return found[0]!.body;
}
