// Finds the configuration file "Add registry pattern" writes to, as the editor has it: the open document's text and
// version when it is open, else the file on disk, else a file still to be created (see registry-action.ts).
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_CONFIG_BYTES, readRegularFile } from '@valohai-lint/node';
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
  // Read as configuration files always are: a regular file under the size limit, never a FIFO or a device.
  const read = readRegularFile(path, MAX_CONFIG_BYTES);
  if (read.kind === 'read') return { ...common, uri: fileUri, text: read.bytes.toString('utf8'), version: null, exists: true };
  // A file that is there but cannot be read (or is no regular file) is left alone; only a missing one is created.
  if (read.kind === 'error' && read.error.code === 'ENOENT') return { ...common, uri: fileUri, text: '', version: null, exists: false };
  return undefined;
}
