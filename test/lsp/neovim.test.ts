// A real third-party client: Neovim 0.7 (headless) starts the bundled server with vim.lsp.start_client, receives the
// diagnostics of a file, applies a code action's WorkspaceEdit with vim.lsp.util.apply_workspace_edit and sees the
// diagnostics update (test/lsp/neovim/lsp-check.lua does the Neovim side). Needs `nvim` (scripts/install-tools.sh).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureServerBuilt, SERVER } from '../helpers/lsp.js';

const FILE = `# An example with findings from four rules.
# valohai-lint-disable-next-line yaml-ambiguous-value
- step:
    name: train
    image: docker.io/library/python:3.12
    command: python train.py
    name: train-again
    parameters:
      - name: flag
        type: string
        default: off
`;

const SYNTAX = `- step:\n    name: "train\n`;

let dir: string;
beforeAll(() => {
  ensureServerBuilt();
  dir = mkdtempSync(join(tmpdir(), 'vl-nvim-'));
  mkdirSync(join(dir, 'project/.git'), { recursive: true });
  mkdirSync(join(dir, 'state'));
  mkdirSync(join(dir, 'home'));
  writeFileSync(join(dir, 'project/valohai.yaml'), FILE);
  writeFileSync(join(dir, 'project/broken.valohai.yaml'), SYNTAX);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LspDiagnostic {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  message: string;
}

interface NvimResult {
  ok: boolean;
  error?: string;
  nvim: string;
  diagnostics: LspDiagnostic[];
  vim_diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string }[];
  actions: string[];
  lines: string[];
  diagnostics_after: LspDiagnostic[];
  syntax_diagnostics: LspDiagnostic[];
}

function runNvim(): Promise<{ code: number | null; stderr: string }> {
  const env = { ...process.env, HOME: join(dir, 'home'), XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'home/.config'), XDG_DATA_HOME: join(dir, 'home/.local/share') };
  Object.assign(env, {
    LSP_NODE: process.execPath,
    LSP_SERVER: SERVER,
    LSP_ROOT: join(dir, 'project'),
    LSP_OUT: join(dir, 'out.json'),
    LSP_SYNTAX_FILE: join(dir, 'project/broken.valohai.yaml'),
  });
  const script = join(import.meta.dirname, 'neovim/lsp-check.lua');
  const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '--noplugin', '-c', `luafile ${script}`, join(dir, 'project/valohai.yaml')], { cwd: join(dir, 'project'), env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

it('Neovim 0.7 receives the diagnostics and applies a code action', async () => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error) throw new Error('nvim is not installed; run scripts/install-tools.sh');
  const { code, stderr } = await runNvim();
  if (!existsSync(join(dir, 'out.json'))) throw new Error(`Neovim exited with ${code} without writing its result:\n${stderr}`);
  const result = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as NvimResult;
  expect(result.error, stderr).toBeUndefined();
  expect(code).toBe(0);
  expect(result.nvim).toMatch(/^0\.7\./);

  const byCode = (list: LspDiagnostic[], c: string) => list.filter((d) => d.code === c).map((d) => ({ range: d.range, severity: d.severity }));
  expect(byCode(result.diagnostics, 'yaml-duplicate-key')).toEqual([{ range: { start: { line: 6, character: 4 }, end: { line: 6, character: 8 } }, severity: 2 }]);
  expect(byCode(result.diagnostics, 'yaml-ambiguous-value')).toEqual([{ range: { start: { line: 10, character: 17 }, end: { line: 10, character: 20 } }, severity: 2 }]);
  expect(byCode(result.diagnostics, 'suppression-unused')).toEqual([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 53 } }, severity: 2 }]);
  // Neovim turned them into its own diagnostics (0-based lines and columns).
  expect(result.vim_diagnostics.find((d) => d.lnum === 6 && d.col === 4)?.message).toContain('Key "name" is repeated');

  expect(result.actions).toContain('Disable yaml-duplicate-key for this line');
  expect(result.actions).toContain('Show documentation for yaml-duplicate-key');
  expect(result.lines.slice(5, 8)).toEqual(['    command: python train.py', '    # valohai-lint-disable-next-line yaml-duplicate-key', '    name: train-again']);
  expect(result.diagnostics_after.map((d) => d.code)).not.toContain('yaml-duplicate-key');
  expect(byCode(result.diagnostics_after, 'yaml-ambiguous-value')).toEqual([{ range: { start: { line: 11, character: 17 }, end: { line: 11, character: 20 } }, severity: 2 }]);

  expect(result.syntax_diagnostics.map((d) => d.code)).toContain('yaml-syntax');
});
