// Programmatic entry of the CLI package (used by tests and other tools).
export { run, VERSION } from './main.js';
export type { Io } from './main.js';
