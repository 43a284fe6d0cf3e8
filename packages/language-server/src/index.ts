// Public API of @valohai-lint/language-server: start the server on any connection (the VS Code extension bundles this),
// plus the names and settings types a client may rely on.
export { startServer, STATUS_REQUEST } from './server.js';
export type { ServerStatus } from './server.js';
export { DIAGNOSTIC_SOURCE, FIX_ALL_COMMAND, FIX_ALL_KIND, PIPELINE_GRAPH_REQUEST, SETTINGS_SECTION, SHOW_DOCUMENTATION_COMMAND, isDiagnosticData } from './protocol.js';
export type { DiagnosticData, PipelineGraphItem, PipelineGraphParams, PipelineGraphResult } from './protocol.js';
export { DEFAULT_SETTINGS, effectiveConfig, normalizeSettings } from './settings.js';
export type { ValohaiLintSettings } from './settings.js';
