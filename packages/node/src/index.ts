// Node-side helpers shared by the CLI and the language server (the core itself never touches the file system).
export { ConfigResolver, CONFIG_NAMES, MAX_CONFIG_BYTES } from './config-files.js';
export { describeError, describeFileType, readRegularFile } from './read-file.js';
export type { ReadOutcome } from './read-file.js';
export type { LoadedConfig } from './config-files.js';
