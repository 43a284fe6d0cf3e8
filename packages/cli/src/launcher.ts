// The `valohai-lint` executable: starts the bundled CLI (cli.cjs, beside this file) from V8's code cache
// (cli.cjs.cache), so a run does not spend most of its start-up compiling the bundle again. The build writes the cache
// by running a representative lint with VALOHAI_LINT_WRITE_CODE_CACHE=1 (scripts/build-cli.mjs). Without a cache, or
// with one that V8 rejects (another Node.js version), the bundle is compiled as usual: same behaviour, slower start.
// Bundled as CommonJS (dist/package.json says so), which Node starts faster than an ES module.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const folder = __dirname;
const program = join(folder, 'cli.cjs');
const cacheFile = `${program}.cache`;

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache: compile as usual.
}
// The same wrapper as Node's own CommonJS loader, so the bundle sees the usual module variables.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(program, 'utf8')}\n})`, { filename: program, ...(cachedData ? { cachedData } : {}) });
if (process.env['VALOHAI_LINT_CODE_CACHE'] === 'report') {
  process.stderr.write(`code cache: ${cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
}
if (process.env['VALOHAI_LINT_WRITE_CODE_CACHE'] === '1') {
  // After the run, so the cache holds the functions the run compiled, not only the top level.
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const module = { exports: {} };
const start = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
start.call(module.exports, module.exports, createRequire(program), module, program, folder);
