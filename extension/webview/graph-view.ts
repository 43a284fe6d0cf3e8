// The pipeline-graph webview's script (bundled to dist/webview/graph-view.js and loaded with the page's nonce): shows
// the SVG the language server drew, one tab per pipeline, marks the element under the editor's cursor, and asks the
// extension to reveal an element's YAML when it is clicked. The SVG is parsed as XML and adopted as nodes (never
// assigned as HTML), and its embedded stylesheet is dropped: the page's own stylesheet, allowed by the CSP, styles it.
import type { FromWebview, RenderMessage, ToWebview } from '../src/graph/messages.js';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const tabs = document.getElementById('tabs')!;
const canvas = document.getElementById('canvas')!;
const notice = document.getElementById('notice')!;
const fit = document.getElementById('fit') as HTMLButtonElement;

let shown: RenderMessage | undefined;
let highlighted: string | undefined;
let fitWidth = (vscode.getState() as { fit?: boolean } | undefined)?.fit !== false;

function send(message: FromWebview): void {
  vscode.postMessage(message);
}

function applyFit(): void {
  canvas.classList.toggle('fit', fitWidth);
  fit.textContent = fitWidth ? 'Actual size' : 'Fit to width';
  fit.setAttribute('aria-pressed', String(fitWidth));
}

function showTabs(message: RenderMessage): void {
  tabs.replaceChildren(
    ...message.pipelines.map((p, i) => {
      const tab = document.createElement('button');
      tab.className = i === message.selected ? 'tab selected' : 'tab';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(i === message.selected));
      tab.textContent = p.name;
      tab.addEventListener('click', () => {
        if (!shown || i === shown.selected) return;
        render({ ...shown, selected: i });
        send({ type: 'select', pipeline: i });
      });
      return tab;
    }),
  );
  tabs.hidden = message.pipelines.length < 2;
}

/** The SVG of a pipeline as nodes of this document, without its <style> (the CSP allows only the page's stylesheets). */
function adopt(svg: string): Element | undefined {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName !== 'svg') return undefined;
  for (const style of Array.from(root.getElementsByTagName('style'))) style.remove();
  for (const el of Array.from(root.querySelectorAll('[data-ref]'))) {
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    const title = el.querySelector('title')?.textContent ?? '';
    el.setAttribute('aria-label', title.split('\n')[0] ?? '');
  }
  return document.importNode(root, true);
}

function render(message: RenderMessage): void {
  shown = message;
  showTabs(message);
  const pipeline = message.pipelines[message.selected];
  const svg = pipeline ? adopt(pipeline.svg) : undefined;
  canvas.replaceChildren(...(svg ? [svg] : []));
  notice.textContent = message.notice ?? (svg ? '' : 'Nothing to draw.');
  notice.hidden = notice.textContent === '';
  mark(highlighted);
}

function mark(id: string | undefined): void {
  highlighted = id;
  for (const el of Array.from(canvas.querySelectorAll('.vl-current'))) el.classList.remove('vl-current');
  if (id === undefined) return;
  const targets = Array.from(canvas.querySelectorAll('[data-id]')).filter((el) => el.getAttribute('data-id') === id);
  for (const el of targets) el.classList.add('vl-current');
  targets[0]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function reveal(target: EventTarget | null): void {
  const el = target instanceof Element ? target.closest('[data-ref]') : null;
  const ref = el?.getAttribute('data-ref');
  if (ref && shown) send({ type: 'reveal', pipeline: shown.selected, ref });
}

canvas.addEventListener('click', (event) => reveal(event.target));
canvas.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    reveal(event.target);
  }
});
fit.addEventListener('click', () => {
  fitWidth = !fitWidth;
  vscode.setState({ fit: fitWidth });
  applyFit();
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'render') render(message);
  else if (message.type === 'highlight') {
    if (shown && message.pipeline !== shown.selected && message.pipeline < shown.pipelines.length) {
      highlighted = message.id;
      render({ ...shown, selected: message.pipeline });
    } else mark(message.id);
  }
});

applyFit();
send({ type: 'ready' });
