// Finds the configuration file "Add registry pattern" writes to, as the editor has it: the open document's text and
// version when it is open, else the file on disk, else a file still to be created (see registry-action.ts).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerContext } from './context.js';
import type { ConfigTarget } from './registry-action.js';
import type { DocumentConfig } from './workspace-config.js';

export function configTarget(ctx: ServerContext, uri: string, config: DocumentConfig): ConfigTarget | undefined {
  const path = ctx.config.patternFile(uri, config);
  if (path === undefined) return undefined;
  const common = { name: basename(path), canCreate: ctx.support.createFiles, documentChanges: ctx.support.documentChanges };
  const open = ctx.openConfigDocument(path);
  if (open) return { ...common, uri: open.uri, text: open.getText(), version: open.version, exists: true };
  const fileUri = pathToFileURL(path).href;
  try {
    return { ...common, uri: fileUri, text: readFileSync(path, 'utf8'), version: null, exists: true };
  } catch (error) {
    // A file that is there but cannot be read is left alone; only a missing one is created.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    return { ...common, uri: fileUri, text: '', version: null, exists: false };
  }
}
