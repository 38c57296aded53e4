#!/usr/bin/env node
// Takes the README's screenshots (docs/screenshot-*.png) of the built app in
// Debian's Chromium: run `npm run build` first, then `node scripts/screenshots.mjs`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await preview({ root, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report its address');

const browser = await chromium.launch({
  executablePath: process.env.TSPROF_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 720 }, colorScheme: scheme });
    await page.goto(url);
    await page.getByRole('button', { name: 'Load the demo profile' }).click();
    await page.getByRole('table', { name: 'Sample types' }).waitFor();
    const file = path.join(root, 'docs', `screenshot-${scheme}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(root, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
