// Draws the extension's icon (icon.png, 128x128) with headless Chromium: a rounded square with YAML-like lines and a
// check mark. Run it by hand after changing the drawing: node extension/scripts/make-icon.mjs
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'icon.png');
const svg = `
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1f3b73"/>
      <stop offset="1" stop-color="#0f1f3d"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#bg)"/>
  <g stroke-linecap="round" stroke-width="9" fill="none">
    <path d="M26 34h40" stroke="#8fb3ff"/>
    <path d="M38 52h48" stroke="#ffffff"/>
    <path d="M38 70h30" stroke="#ffffff"/>
    <path d="M26 88h24" stroke="#8fb3ff"/>
  </g>
  <circle cx="92" cy="88" r="24" fill="#2fbf71"/>
  <path d="M80 88l8 8 16-17" stroke="#ffffff" stroke-width="8" stroke-linecap="round" stroke-linejoin="round" fill="none"/>
</svg>`;

const profile = mkdtempSync(join(tmpdir(), 'vl-icon-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 128, height: 128 },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`wrote ${out}`);
