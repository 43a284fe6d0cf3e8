// The language server's version, from its package manifest (bundled in, so the running server reports what it is).
import manifest from '../package.json' with { type: 'json' };

export const SERVER_VERSION: string = manifest.version;
