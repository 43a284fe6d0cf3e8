// Node-side helpers shared by the CLI and the language server (the core itself never touches the file system).
export { ConfigResolver, CONFIG_NAMES, configHome } from './config-files.js';
export type { ConfigOverlay, LoadedConfig } from './config-files.js';
