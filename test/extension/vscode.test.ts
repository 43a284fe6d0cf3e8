// The VS Code extension in real VS Code (code-server 4.100.3 = VS Code 1.100.3, in headless Chromium): the packaged
// .vsix is installed, a copy of examples/ is opened, and the test checks what a user sees: the Problems panel, a quick
// fix, "Add registry pattern", Fix All, hover, the outline, the status bar item, the rule documentation and the
// pipeline graph. Screenshots go to test-results/extension/. Every wait is for a condition on the page, never a fixed
// delay.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, VsCode, packageExtension } from './code-server.js';
import languageServerManifest from '../../packages/language-server/package.json' with { type: 'json' };

/** The version the language server reports when it starts. */
const SERVER_VERSION = languageServerManifest.version;

/**
 * What the test expects of examples/valohai.yaml. Other rules land in parallel; when the example or a message changes,
 * update this table (and only this table). A place is the first line containing `line`, at the start of `cursorAt`
 * within it.
 */
const EXAMPLE = {
  file: 'valohai.yaml',
  /** Diagnostics that must show in the Problems panel: rule id plus a piece of the message. */
  problems: [
    { rule: 'pipeline-unknown-step', text: 'runs step "trian"' },
    { rule: 'schema-unknown-key', text: 'Unknown key "enviroment"' },
    { rule: 'parameter-default', text: 'Default "fast" is not a number' },
    { rule: 'image-fully-qualified', text: 'Image "continuumio/miniconda3:24.1.2-0" is not written by its full name' },
    { rule: 'image-registry-coverage', text: 'example-org/evaluate:1.0' },
  ],
  /** A diagnostic with a safe fix: applied from the light-bulb menu, after which the diagnostic is gone. */
  quickFix: {
    rule: 'image-fully-qualified',
    line: 'image: continuumio/miniconda3:24.1.2-0',
    cursorAt: 'continuumio',
    title: 'Write "docker.io/continuumio/miniconda3:24.1.2-0"',
    fixed: '    image: docker.io/continuumio/miniconda3:24.1.2-0',
  },
  /** Where the editor shows the problems screenshot: a part of the file with several squiggles. */
  showcase: { line: 'enviroment:', cursorAt: 'enviroment' },
  /** The rule of the diagnostic at `showcase`. */
  showcaseRule: 'schema-unknown-key',
  /** A key whose hover shows documentation. */
  hover: { line: 'time-limit:', cursorAt: 'limit', text: /How long the step may run/ },
  /** An image whose hover shows its registry and which credentials apply (examples/.valohai-lint.yaml has them). */
  imageHover: {
    line: 'image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/train',
    cursorAt: 'ml/train',
    text: /Registry: AWS ECR[\s\S]*Credentials/,
  },
  /** Names the outline lists (the steps, the endpoint and the pipeline). */
  outline: ['preprocess', 'train', 'evaluate', 'predict', 'train-and-evaluate'],
  /**
   * The pipeline graph: the boxes it draws (node and parameter ids), a node to click (the line of its name, and the
   * name's length, which the editor selects), and an edge whose source the test rewrites.
   */
  graph: {
    boxes: ['n0', 'n1', 'n2', 'n3', 'p0'],
    node: { id: 'n2', line: '      - name: evaluate', cursorAt: 'evaluate', selected: 'evaluate'.length },
    edge: { id: 'e1', line: '[train.output.model*, evaluate.input.model]', cursorAt: 'train.output', from: 'train', to: 'preprocess' },
  },
};

/** An extra file named like `*.valohai.yaml` (another selector pattern) with two fixable problems, for Fix All. */
const FIX_ALL = {
  file: 'extra.valohai.yaml',
  text: [
    '# Two misspelled edge types, both safely fixable.',
    '- step:',
    '    name: prepare',
    '    image: docker.io/library/python:3.12',
    '    command: python prepare.py',
    '- step:',
    '    name: train',
    '    image: docker.io/library/python:3.12',
    '    command: python train.py',
    '    inputs:',
    '      - name: data',
    '- pipeline:',
    '    name: nightly',
    '    nodes:',
    '      - name: prepare',
    '        type: execution',
    '        step: prepare',
    '      - name: train',
    '        type: execution',
    '        step: train',
    '    edges:',
    '      - [prepare.outputs.*, train.inputs.data]',
    '',
  ].join('\n'),
  rule: 'pipeline-edge-type',
  fixedLine: '- [prepare.output.*, train.input.data]',
};

/**
 * A valohai.yaml in a repository of its own (a folder with .git), so that no configuration applies to it: its image
 * in AWS ECR gets "Add registry pattern", which creates the folder's .valohai-lint.yaml.
 */
const NO_CONFIG = {
  file: 'registry-demo/valohai.yaml',
  text: '- step:\n    name: train\n    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/train:1.0\n    command: python train.py\n',
  repository: 'registry-demo/.git/HEAD',
  rule: 'image-registry-coverage',
  problem: 'team/train:1.0',
  place: { line: 3, column: 12 },
  title: 'Add registry pattern "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/*" to .valohai-lint.yaml',
  config: 'registry-demo/.valohai-lint.yaml',
  pattern: '  - pattern: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/*\n',
};

/** 1-based line and column of `place` in `file` of the examples: the first line containing `place.line`, at `cursorAt`. */
function positionOf(file: string, place: { line: string; cursorAt: string }): { line: number; column: number } {
  const lines = readFileSync(join(ROOT, 'examples', file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(place.line) && line.includes(place.cursorAt));
  if (index < 0) throw new Error(`examples/${file} has no line with ${JSON.stringify(place.line)}: update the test's table`);
  return { line: index + 1, column: (lines[index] ?? '').indexOf(place.cursorAt) + 1 };
}

/** A `.valohai-lint.yaml` with a mistake, in a folder of its own so that it applies to no valohai.yaml. */
const BAD_CONFIG = {
  file: 'config-check/.valohai-lint.yaml',
  text: '# An unknown rule id, reported in the configuration file itself.\nrules:\n  no-such-rule: error\n',
  rule: 'config-invalid',
  message: '"no-such-rule" is not a valohai-lint rule',
};

describe('VS Code extension in code-server', { timeout: 120_000 }, () => {
  let vscode: VsCode;
  let failed = false;

  beforeAll(async () => {
    const vsix = packageExtension();
    vscode = await VsCode.launch({
      vsix,
      project: join(ROOT, 'examples'),
      extraFiles: { [FIX_ALL.file]: FIX_ALL.text, [BAD_CONFIG.file]: BAD_CONFIG.text, [NO_CONFIG.file]: NO_CONFIG.text, [NO_CONFIG.repository]: 'ref: refs/heads/main\n' },
    });
  }, 300_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      failed = true;
      await vscode?.screenshot(`failed-${task.name.replace(/\W+/g, '-')}`).catch(() => undefined);
      // Close whatever menu or widget the failed test left open, so the next test starts from the editor.
      for (let i = 0; i < 3; i++) await vscode?.page.keyboard.press('Escape').catch(() => undefined);
    }
  });

  afterAll(async () => {
    if (!vscode) return;
    if (failed) vscode.saveLogs();
    await vscode.close();
  }, 60_000);

  /** Rows of the Problems panel that contain all of `texts`. */
  const problemRows = (...texts: string[]) =>
    texts.reduce((rows, text) => rows.filter({ hasText: text }), vscode.page.locator('.markers-panel .monaco-list-row'));

  /** Shows the Problems panel, filtered by `filter` (a rule id, say); '' shows everything. */
  async function showProblems(filter: string): Promise<void> {
    await vscode.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await vscode.page.locator('.markers-panel').filter({ visible: true }).first().waitFor();
    // The Problems filter, told apart by its placeholder ("… **/*.ts, !**/node_modules/**") from the Output view's.
    const box = vscode.page.locator('input[placeholder*="node_modules"]').filter({ visible: true }).first();
    await box.fill(filter);
  }

  it('shows the status bar item as running', async () => {
    await vscode.openFile(EXAMPLE.file);
    await vscode.page.locator('.statusbar-item[aria-label="valohai-lint: running"]').waitFor({ timeout: 60_000 });
  });

  it('shows the diagnostics of the example in the editor and the Problems panel', async () => {
    await vscode.openFile(EXAMPLE.file);
    // A squiggle of any severity in the lines in view (the editor renders only those).
    await vscode.page.locator('.monaco-editor [class*="squiggly-"]').first().waitFor({ timeout: 60_000 });
    await showProblems('');
    await problemRows(EXAMPLE.problems[0]!.rule).first().waitFor({ timeout: 60_000 });
    const showcase = positionOf(EXAMPLE.file, EXAMPLE.showcase);
    await vscode.goTo(showcase.line, showcase.column);
    await vscode.screenshot('problems');
    for (const problem of EXAMPLE.problems) {
      await showProblems(problem.rule);
      const row = problemRows(problem.rule, problem.text).first();
      await row.waitFor();
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('valohai-lint');
    }
    await showProblems('');
  });

  it('applies a quick fix from the light bulb and the diagnostic goes away', async () => {
    const page = vscode.page;
    const fix = EXAMPLE.quickFix;
    await vscode.openFile(EXAMPLE.file);
    const { line, column } = positionOf(EXAMPLE.file, fix);
    await showProblems(fix.rule);
    await problemRows(fix.rule).first().waitFor();
    await vscode.goTo(line, column);
    await page.keyboard.press('Control+.');
    // The action list also renders its rows off-screen to measure them: only visible rows count.
    const menuRow = (text: string) =>
      page.locator('.action-widget .monaco-list-row', { hasText: text }).filter({ visible: true }).first();
    await menuRow(fix.title).waitFor();
    await menuRow(`Show documentation for ${fix.rule}`).waitFor();
    await vscode.screenshot('quick-fix', '.part.editor');
    await vscode.chooseWithKeyboard('.action-widget', async (row) => (await row.innerText()).includes(fix.title));
    await problemRows(fix.rule).first().waitFor({ state: 'detached' });
    await vscode.save();
    expect(vscode.readWorkspaceFile(EXAMPLE.file).split('\n')[line - 1]).toBe(fix.fixed);
    await showProblems('');
  });

  it('adds a registry pattern to a new .valohai-lint.yaml from the light bulb, and the finding goes away', async () => {
    const page = vscode.page;
    await vscode.openFile(NO_CONFIG.file);
    await showProblems(NO_CONFIG.rule);
    await problemRows(NO_CONFIG.rule, NO_CONFIG.problem).first().waitFor({ timeout: 60_000 });
    await vscode.goTo(NO_CONFIG.place.line, NO_CONFIG.place.column);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: NO_CONFIG.title }).filter({ visible: true }).first().waitFor();
    await vscode.screenshot('add-registry-pattern', '.part.editor');
    await vscode.chooseWithKeyboard('.action-widget', async (row) => (await row.innerText()).includes(NO_CONFIG.title));
    // The server reads the configuration as the editor holds it, so the finding goes before anything is saved.
    await problemRows(NO_CONFIG.rule, NO_CONFIG.problem).first().waitFor({ state: 'detached' });
    await vscode.runCommand('File: Save All Files');
    await expect.poll(() => (existsSync(join(vscode.dirs.workspace, NO_CONFIG.config)) ? vscode.readWorkspaceFile(NO_CONFIG.config) : '')).toContain(NO_CONFIG.pattern);
    // The example's own findings, under its own configuration, are still there.
    await problemRows(NO_CONFIG.rule, 'example-org/evaluate:1.0').first().waitFor();
    await showProblems('');
  });

  it('fixes every safely fixable problem of a file with "Fix All Auto-Fixable Problems"', async () => {
    await vscode.openFile(FIX_ALL.file);
    await showProblems(`**/${FIX_ALL.file}`);
    await problemRows(FIX_ALL.rule, '"outputs"').first().waitFor({ timeout: 60_000 });
    await problemRows(FIX_ALL.rule, '"inputs"').first().waitFor();
    await vscode.runCommand('valohai-lint: Fix All Auto-Fixable Problems');
    await problemRows(FIX_ALL.rule).first().waitFor({ state: 'detached' });
    await vscode.save();
    expect(vscode.readWorkspaceFile(FIX_ALL.file)).toContain(FIX_ALL.fixedLine);
    await showProblems('');
  });

  it('reports the problems of a .valohai-lint.yaml in that file', async () => {
    await vscode.openFile(BAD_CONFIG.file);
    await showProblems(BAD_CONFIG.rule);
    await problemRows(BAD_CONFIG.rule, BAD_CONFIG.message).first().waitFor({ timeout: 60_000 });
    await showProblems('');
  });

  it('shows documentation when hovering a key', async () => {
    const page = vscode.page;
    await vscode.openFile(EXAMPLE.file);
    const { line, column } = positionOf(EXAMPLE.file, EXAMPLE.hover);
    await vscode.goTo(line, column);
    await vscode.showHover();
    await page.locator('.monaco-hover:not(.hidden)', { hasText: EXAMPLE.hover.text }).first().waitFor();
    await vscode.screenshot('hover', '.part.editor');
    await page.keyboard.press('Escape');
  });

  it('shows registry information when hovering an image', async () => {
    const page = vscode.page;
    const imageHover = EXAMPLE.imageHover;
    await vscode.openFile(EXAMPLE.file);
    const { line, column } = positionOf(EXAMPLE.file, imageHover);
    await vscode.goTo(line, column);
    await vscode.showHover();
    await page.locator('.monaco-hover:not(.hidden)', { hasText: imageHover.text }).first().waitFor();
    await vscode.screenshot('image-hover', '.part.editor');
    await page.keyboard.press('Escape');
  });

  it('lists the steps, the endpoint and the pipeline in the outline', async () => {
    await vscode.openFile(EXAMPLE.file);
    await vscode.runCommand('Explorer: Focus on Outline View');
    const outline = vscode.page.locator('.outline-pane');
    await outline.locator('.monaco-list-row').first().waitFor();
    // Lists render only the rows in view: fold the file tree's pane away so that the outline gets the whole height.
    const folders = vscode.page.locator('.pane-header[aria-expanded="true"]', { hasText: /workspace/i });
    if ((await folders.count()) > 0) await folders.first().click();
    for (const name of EXAMPLE.outline) {
      await outline.locator('.monaco-list-row[aria-level="1"]', { hasText: name }).first().waitFor();
    }
    await vscode.screenshot('outline', '.part.sidebar');
  });

  it('restarts the server, and the status bar item follows it back to running', async () => {
    const page = vscode.page;
    await vscode.openFile(EXAMPLE.file);
    // Every state the item passes through is recorded as it changes: a restart can go from running back to running
    // faster than a locator polls, so waiting for "running" to go away missed it now and then.
    await page.evaluate(`(() => {
      const seen = (window.valohaiStates = []);
      const note = () => {
        for (const item of document.querySelectorAll('.statusbar-item[aria-label^="valohai-lint: "]')) {
          const label = item.getAttribute('aria-label');
          if (seen[seen.length - 1] !== label) seen.push(label);
        }
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
    })()`);
    await vscode.runCommand('valohai-lint: Restart Server');
    const states = (): Promise<string[]> => page.evaluate('window.valohaiStates');
    await expect.poll(async () => (await states()).some((s) => s !== 'valohai-lint: running'), { timeout: 60_000 }).toBe(true);
    await page.locator('.statusbar-item[aria-label="valohai-lint: running"]').waitFor({ timeout: 60_000 });
    expect((await states()).at(-1)).toBe('valohai-lint: running');
    // A fresh server lints the open file again.
    await showProblems(EXAMPLE.problems[0]!.rule);
    await problemRows(EXAMPLE.problems[0]!.rule).first().waitFor({ timeout: 60_000 });
    await showProblems('');
  });

  it('opens the output channel from the status bar item: the server started, its version, the configuration of each file', async () => {
    const page = vscode.page;
    await page.locator('.statusbar-item[aria-label="valohai-lint: running"]').click();
    const line = (text: string | RegExp) => page.locator('.part.panel .monaco-editor .view-line', { hasText: text }).first();
    // VS Code may carry a Problems filter typed earlier into the Output view's filter box, even after the view shows;
    // clear every filter box of the panel until the log is there.
    const filters = page.locator('.part.panel input[placeholder]').filter({ visible: true });
    await expect
      .poll(
        async () => {
          for (const box of await filters.all()) if ((await box.inputValue()) !== '') await box.fill('');
          return line('Restarting the valohai-lint server').count();
        },
        { timeout: 30_000, interval: 200, message: "the output channel should show the extension's log" },
      )
      .toBeGreaterThan(0);
    await line(`valohai-lint language server ${SERVER_VERSION} started`).waitFor();
    // The restarted server is told about the open files again, and says which configuration applies to each.
    // (The output wraps long lines, so the configuration's path may continue on the next view line; Monaco renders
    // spaces as no-break spaces, which a regular expression's \s matches.)
    await line(/workspace\/valohai\.yaml:\sconfiguration\s\//).waitFor();
    await vscode.screenshot('output', '.part.panel');
  });

  /**
   * Waits for the Markdown preview of a rule page (a webview: an iframe holding the iframe that shows the page; the
   * outer one names the extension, which tells it from the pipeline graph's).
   */
  async function rulePageShown(rule: string): Promise<void> {
    const page = vscode.page;
    await page.locator('.tabs-container .tab.active', { hasText: `Preview ${rule}.md` }).waitFor();
    await page
      .frameLocator('iframe.webview.ready[src*="extensionId=vscode.markdown-language-features"]')
      .frameLocator('iframe#active-frame')
      .locator('h1', { hasText: rule })
      .first()
      .waitFor();
  }

  it('opens the page of a rule from the light bulb of its diagnostic', async () => {
    const page = vscode.page;
    const rule = EXAMPLE.showcaseRule;
    await vscode.openFile(EXAMPLE.file);
    const { line, column } = positionOf(EXAMPLE.file, EXAMPLE.showcase);
    await vscode.goTo(line, column);
    await page.keyboard.press('Control+.');
    const title = `Show documentation for ${rule}`;
    await page.locator('.action-widget .monaco-list-row', { hasText: title }).filter({ visible: true }).first().waitFor();
    await vscode.chooseWithKeyboard('.action-widget', async (row) => (await row.innerText()).includes(title));
    await rulePageShown(rule);
  });

  /** The page inside the pipeline-graph webview (VS Code nests it in two iframes; the outer one names the extension). */
  const graphView = () => vscode.page.frameLocator('iframe.webview.ready[src*="extensionId=valohai-lint.valohai-lint"]').frameLocator('iframe#active-frame');

  it('draws the pipeline graph beside the editor, from the command palette, under a strict CSP', async () => {
    await vscode.openFile(EXAMPLE.file);
    await vscode.runCommand('Valohai: Show Pipeline Graph');
    await vscode.page.locator('.tabs-container .tab', { hasText: `Pipeline graph · ${EXAMPLE.file}` }).waitFor({ timeout: 60_000 });
    const view = graphView();
    for (const id of EXAMPLE.graph.boxes) await view.locator(`g.vl-box[data-id="${id}"]`).waitFor({ timeout: 60_000 });
    // Findings in their colour: the node whose step is misspelled, the edge with the wrong type.
    await view.locator('g.vl-box.vl-sev-error[data-id="n1"]').waitFor();
    await view.locator('g.vl-link.vl-sev-error[data-id="e0"]').waitFor();
    const csp = await view.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    expect(csp).not.toContain('unsafe');
    // The SVG's own <style> is dropped (the CSP would refuse it); the page's stylesheet colours the boxes.
    expect(await view.locator('svg style').count()).toBe(0);
    // (The callback runs in the webview; the test's own types have no DOM.)
    const fill = await view.locator('g.vl-box[data-id="n0"] .vl-shape').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(el).fill);
    expect(fill).toBe('rgb(221, 244, 255)');
  });

  it('offers the graph as an editor title button and as a code lens above the pipeline', async () => {
    await vscode.openFile(EXAMPLE.file);
    await vscode.page.locator('.editor-actions .action-label[aria-label*="Show Pipeline Graph"]').first().waitFor();
    const { line } = positionOf(EXAMPLE.file, { line: '- pipeline:', cursorAt: 'pipeline' });
    await vscode.goTo(line, 3);
    const lens = vscode.page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Show pipeline graph' }).first();
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();
    await graphView().locator('g.vl-box[data-id="n0"]').waitFor();
  });

  it('reveals the YAML of a node clicked in the graph, and marks the element under the cursor', async () => {
    const { node } = EXAMPLE.graph;
    await vscode.openFile(EXAMPLE.file);
    await graphView().locator(`g.vl-box[data-id="${node.id}"]`).click();
    const { line } = positionOf(EXAMPLE.file, node);
    // The editor gets the focus back with the node's name selected.
    await vscode.page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+ \\(${node.selected} selected\\)`) }).waitFor();
    await graphView().locator(`g.vl-box.vl-current[data-id="${node.id}"]`).waitFor();
    // The README's picture: the file and its graph side by side, nothing else.
    await vscode.runCommand('View: Close Primary Side Bar');
    await vscode.runCommand('View: Hide Panel');
    await vscode.page.locator('.part.panel').first().waitFor({ state: 'hidden' });
    await vscode.screenshot('pipeline-graph');
    const edge = positionOf(EXAMPLE.file, EXAMPLE.graph.edge);
    await vscode.goTo(edge.line, edge.column);
    // A straight edge's group has no height, which Playwright calls hidden: wait for it to be there, marked.
    await graphView().locator(`g.vl-link.vl-current[data-id="${EXAMPLE.graph.edge.id}"]`).waitFor({ state: 'attached' });
    await graphView().locator(`g.vl-box.vl-current`).waitFor({ state: 'detached' });
  });

  it('redraws the graph as an edge is edited', async () => {
    const { edge } = EXAMPLE.graph;
    const page = vscode.page;
    await vscode.openFile(EXAMPLE.file);
    const view = graphView();
    const title = view.locator(`g.vl-link[data-id="${edge.id}"] > title`);
    await expect.poll(() => title.textContent()).toContain(`${edge.from}.output.model*`);
    const before = await view.locator(`g.vl-link[data-id="${edge.id}"] > path`).getAttribute('d');
    const { line, column } = positionOf(EXAMPLE.file, edge);
    await vscode.goTo(line, column);
    // Select the source node's name (up to the dot) and type another.
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.type(edge.to);
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toContain(`${edge.to}.output.model*`);
    expect(await view.locator(`g.vl-link[data-id="${edge.id}"] > path`).getAttribute('d')).not.toBe(before);
    await vscode.screenshot('pipeline-graph-edited');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toContain(`${edge.from}.output.model*`);
  });

  it('opens a rule page from the command palette', async () => {
    const page = vscode.page;
    const rule = EXAMPLE.quickFix.rule;
    await vscode.runCommand('valohai-lint: Show Rule Documentation');
    const input = page.locator('.quick-input-widget input');
    await input.fill(rule);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: rule }).first().waitFor();
    await page.keyboard.press('Enter');
    await rulePageShown(rule);
    await vscode.screenshot('rule-documentation');
  });
});
