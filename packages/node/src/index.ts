// Node-side helpers shared by the CLI and the language server (the core itself never touches the file system).
export { ConfigResolver, CONFIG_NAMES } from './config-files.js';
export type { LoadedConfig } from './config-files.js';
