// The package's entry point (dist/index.js): loads the bundled plugin (dist/plugin.cjs) from V8's code cache
// (dist/plugin.cjs.cache), so an `eslint` run does not spend its start compiling the bundle again, as the valohai-lint
// executable does. The build writes the cache by linting the example project with VALOHAI_ESLINT_WRITE_CODE_CACHE=1
// (scripts/build-eslint-plugin.mjs). Without a cache, or with one V8 rejects (another Node.js version, an editor's
// own runtime), the bundle is compiled as usual: the same plugin, a slower first lint.
import { fileURLToPath } from 'node:url';
import { runFromCodeCache } from '@valohai-lint/node/code-cache';
import type { ValohaiPlugin } from '../types/index.js';

const loaded = runFromCodeCache(fileURLToPath(new URL('./plugin.cjs', import.meta.url)), {
  reportVariable: 'VALOHAI_ESLINT_CODE_CACHE',
  writeVariable: 'VALOHAI_ESLINT_WRITE_CODE_CACHE',
  label: 'eslint-plugin-valohai code cache',
}) as { plugin: ValohaiPlugin };

export const plugin: ValohaiPlugin = loaded.plugin;
export { plugin as default };
