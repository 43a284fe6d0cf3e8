// Harness for the VS Code end-to-end test: packages the extension, installs it into code-server (real VS Code 1.100 in
// a browser, installed by scripts/install-code-server.sh), starts code-server on a free loopback port with everything
// in temporary folders (HOME included), and drives it with headless Debian Chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '../..');
export const CODE_SERVER = join(ROOT, '.tools/code-server/node_modules/.bin/code-server');
export const VSIX = join(ROOT, 'extension/valohai-lint.vsix');
export const ARTIFACTS = join(ROOT, 'test-results/extension');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium in a container (headless, no sandbox as root, no background networking on a closed network). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings that keep VS Code quiet and the screenshots clean. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'files.autoSave': 'off',
  'window.commandCenter': false,
};

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Builds and packages the extension (`pnpm package` without rebuilding the CLI, which other tests run meanwhile).
 * Returns the .vsix path.
 */
export function packageExtension(): string {
  const pinned = join(ROOT, '.tools/node_modules/.bin/pnpm');
  run(existsSync(pinned) ? pinned : 'pnpm', ['--dir', 'extension', 'run', 'package'], { cwd: ROOT });
  if (!existsSync(VSIX)) throw new Error(`packaging produced no ${VSIX}`);
  return VSIX;
}

/** A running code-server with the extension installed, and a browser page showing a workspace. */
export class VsCode {
  readonly page: Page;
  private constructor(
    private readonly server: ChildProcess,
    private readonly context: BrowserContext,
    readonly dirs: { base: string; workspace: string; userData: string },
    private readonly log: () => string,
  ) {
    const page = context.pages()[0];
    if (!page) throw new Error('Chromium opened no page');
    this.page = page;
  }

  /**
   * Copies `project` into a temporary workspace (then `extraFiles` into it), installs `vsix` and opens the workspace
   * in code-server, waiting until the workbench is there.
   */
  static async launch(options: { vsix: string; project: string; extraFiles?: Record<string, string> }): Promise<VsCode> {
    if (!existsSync(CODE_SERVER)) throw new Error('code-server is missing: run bash scripts/install-code-server.sh');
    const base = mkdtempSync(join(tmpdir(), 'vl-vscode-'));
    const dirs = {
      base,
      home: join(base, 'home'),
      userData: join(base, 'user-data'),
      extensions: join(base, 'extensions'),
      workspace: join(base, 'workspace'),
      profile: join(base, 'chromium'),
    };
    for (const dir of [dirs.home, dirs.userData, dirs.extensions, dirs.profile]) mkdirSync(dir, { recursive: true });
    cpSync(options.project, dirs.workspace, { recursive: true });
    for (const [name, text] of Object.entries(options.extraFiles ?? {})) {
      mkdirSync(join(dirs.workspace, name, '..'), { recursive: true });
      writeFileSync(join(dirs.workspace, name), text);
    }
    mkdirSync(join(dirs.userData, 'User'), { recursive: true });
    writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

    const env = { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: join(dirs.home, '.config') };
    const common = ['--config', '/dev/null', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
    const installed = run(CODE_SERVER, [...common, '--install-extension', options.vsix], { env });
    if (!/successfully installed/i.test(installed)) throw new Error(`installing the extension said:\n${installed}`);

    const server = spawn(
      CODE_SERVER,
      [
        ...common,
        '--bind-addr',
        '127.0.0.1:0',
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        dirs.workspace,
      ],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${output}`)), 60_000);
      const check = (): void => {
        const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      server.stdout?.on('data', check);
      server.once('exit', (code) => reject(new Error(`code-server exited (${code}):\n${output}`)));
    });
    await waitForHealth(url);

    const context = await chromium.launchPersistentContext(dirs.profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      env,
      viewport: { width: 1200, height: 720 },
    });
    const vscode = new VsCode(server, context, dirs, () => output);
    await vscode.page.goto(`${url}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await vscode.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return vscode;
  }

  /**
   * Saves a screenshot as test-results/extension/<name>.png: of `part` (a workbench part such as '.part.editor'), or
   * of the whole window.
   */
  async screenshot(name: string, part?: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Animations (a hover fading in) are finished first, so the picture shows what the user ends up seeing.
    const options = { path: join(ARTIFACTS, `${name}.png`), animations: 'disabled' } as const;
    if (part) await this.page.locator(part).first().screenshot(options);
    else await this.page.screenshot(options);
  }

  /** Copies code-server's output and VS Code's logs (extension host, output channels) into the artifacts. */
  saveLogs(): void {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'code-server.log'), this.log());
    const logs = join(this.dirs.userData, 'logs');
    if (existsSync(logs)) cpSync(logs, join(ARTIFACTS, 'vscode-logs'), { recursive: true });
  }

  /** Closes the browser, stops code-server (its whole process group) and removes the temporary folders. */
  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    if (this.server.pid !== undefined && this.server.exitCode === null) {
      const exited = new Promise((resolve) => this.server.once('exit', resolve));
      try {
        process.kill(-this.server.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (this.server.exitCode === null) {
        try {
          process.kill(-this.server.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(this.dirs.base, { recursive: true, force: true });
  }

  /** Runs a command from the command palette by its title, e.g. "valohai-lint: Restart Server". */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    // The list first shows the recently used commands; wait until the focused (first) row is this command.
    const focused = this.page.locator('.quick-input-list .monaco-list-row.focused').filter({ visible: true });
    await expect
      .poll(async () => (await focused.locator('.label-name').allTextContents()).join('').trim(), {
        timeout: 15_000,
        interval: 50,
        message: `the command palette should offer "${title}" first`,
      })
      .toBe(title);
    await this.page.keyboard.press('Enter');
  }

  /** Opens a workspace file (a path relative to the workspace) with Quick Open and waits for its editor. */
  async openFile(path: string): Promise<void> {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const folder = slash < 0 ? '' : path.slice(0, slash);
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(path);
    // The list first shows the previous results and fills in as the search goes on; wait until the focused (first)
    // row is this very file: the exact name ranks first (extra.valohai.yaml also matches "valohai.yaml").
    const focused = this.page.locator('.quick-input-list .monaco-list-row.focused').filter({ visible: true });
    const text = async (selector: string) => (await focused.locator(selector).allTextContents()).join('').trim();
    await expect
      .poll(async () => ({ name: await text('.label-name'), folder: await text('.label-description') }), {
        timeout: 15_000,
        interval: 50,
        message: `Quick Open should offer ${path} first`,
      })
      .toEqual({ name, folder });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active .label-name', { hasText: new RegExp(`^${escape(name)}$`) }).waitFor();
    await this.page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  /**
   * In the list under `container` (a quick pick, the light-bulb menu), moves the focus down until `accept` likes the
   * focused row, then presses Enter. Keyboard only: the mouse would make the list re-render under the pointer.
   */
  async chooseWithKeyboard(container: string, accept: (row: Locator) => Promise<boolean>, maxRows = 20): Promise<void> {
    const focused = this.page.locator(`${container} .monaco-list-row.focused`).filter({ visible: true }).first();
    for (let i = 0; i < maxRows; i++) {
      await focused.waitFor();
      if (await accept(focused)) {
        await this.page.keyboard.press('Enter');
        return;
      }
      const before = await focused.getAttribute('id');
      await this.page.keyboard.press('ArrowDown');
      // Wait for the focus to move; at the end of the list it wraps or stays, and the loop bound ends the search.
      await this.page
        .locator(`${container} .monaco-list-row.focused:not([id="${before ?? ''}"])`)
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => undefined);
    }
    throw new Error(`no row of ${container} was the one wanted`);
  }

  /** Saves the active editor and waits until it is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  }

  /** The text of a file of the workspace, as saved. */
  readWorkspaceFile(path: string): string {
    return readFileSync(join(this.dirs.workspace, path), 'utf8');
  }

  /** Shows the hover at the cursor (Show or Focus Hover: Ctrl+K Ctrl+I). */
  async showHover(): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
  }

  /** Moves the cursor of the active editor to a 1-based line and column (Go to Line) and waits until it is there. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.locator('.monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url}/healthz did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
