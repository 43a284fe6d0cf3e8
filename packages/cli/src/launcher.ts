// The `valohai-lint` executable: starts the bundled CLI (cli.cjs, beside this file) from V8's code cache
// (cli.cjs.cache), so a run does not spend most of its start-up compiling the bundle again. The build writes the cache
// by running a representative lint with VALOHAI_LINT_WRITE_CODE_CACHE=1 (scripts/build-cli.mjs). Without a cache, or
// with one that V8 rejects (another Node.js version), the bundle is compiled as usual: same behaviour, slower start.
// Bundled as CommonJS (dist/package.json says so), which Node starts faster than an ES module.
import { join } from 'node:path';
import { runFromCodeCache } from '@valohai-lint/node/code-cache';

runFromCodeCache(join(__dirname, 'cli.cjs'), { reportVariable: 'VALOHAI_LINT_CODE_CACHE', writeVariable: 'VALOHAI_LINT_WRITE_CODE_CACHE', label: 'code cache' });
