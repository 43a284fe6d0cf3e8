// Runs a bundled CommonJS program (the valohai-lint CLI, the ESLint plugin) from V8's code cache, a file beside it
// named `<program>.cache`, so a run does not spend its start compiling the bundle again. The builds write the cache by
// running a representative lint with the `write` variable set to 1; the `report` variable set to "report" prints
// whether V8 took it. Without a cache, or with one V8 rejects (another Node.js version, other V8 flags), the bundle is
// compiled as usual: the same behaviour, a slower start.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export interface CodeCacheOptions {
  /** Environment variable that, set to "report", prints `<label>: accepted|rejected|missing` on standard error. */
  reportVariable: string;
  /** Environment variable that, set to "1", writes the cache when the process exits. */
  writeVariable: string;
  label: string;
}

/** Runs `program` as Node's CommonJS loader would, and returns its `module.exports`. */
export function runFromCodeCache(program: string, options: CodeCacheOptions): unknown {
  const cacheFile = `${program}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache: compile as usual.
  }
  // The same wrapper as Node's own CommonJS loader, so the bundle sees the usual module variables.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(program, 'utf8')}\n})`, { filename: program, ...(cachedData ? { cachedData } : {}) });
  if (process.env[options.reportVariable] === 'report') {
    process.stderr.write(`${options.label}: ${cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
  }
  if (process.env[options.writeVariable] === '1') {
    // After the run, so the cache holds the functions the run compiled, not only the top level.
    process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  }
  const module = { exports: {} as unknown };
  const start = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  start.call(module.exports, module.exports, createRequire(program), module, program, dirname(program));
  return module.exports;
}
