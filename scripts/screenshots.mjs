#!/usr/bin/env node
// Takes the README's screenshots (docs/*.png) of the built app in Debian's
// Chromium: run `npm run build` first, then `node scripts/screenshots.mjs`.
// The profile is the shared fixture cpu.pb.gz (../shared/fixtures, or
// TSPROF_FIXTURES), opened with the "Open profile" file input.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = process.env.TSPROF_FIXTURES ?? path.resolve(root, '../shared/fixtures');
const profile = path.join(fixtures, 'go', 'cpu.pb.gz');
const server = await preview({ root, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report its address');

const views = [
  ['top', 'Top', (page) => page.getByRole('table', { name: 'Top functions' }).waitFor()],
  ['graph', 'Graph', (page) => page.getByRole('img', { name: 'Call graph' }).waitFor()],
  ['flamegraph', 'Flame Graph', (page) => page.getByRole('img', { name: 'Flame graph' }).waitFor()],
  ['peek', 'Peek', (page) => page.getByRole('region', { name: 'Peek view' }).waitFor()],
  ['source', 'Source', (page) => page.getByRole('region', { name: 'Source view' }).waitFor()],
];

const browser = await chromium.launch({
  executablePath: process.env.TSPROF_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await page.goto(url);
    await page.locator('input[type=file]').first().setInputFiles(profile);
    for (const [name, item, ready] of views) {
      if (scheme === 'dark' && name !== 'flamegraph' && name !== 'top') continue;
      if (name !== 'top') {
        await page.getByRole('button', { name: 'VIEW' }).click();
        await page.getByRole('menuitem', { name: item, exact: true }).click();
      }
      if (name === 'peek' || name === 'source') {
        await page.getByRole('searchbox', { name: 'Search' }).fill('encodeRecord');
        await page.getByRole('button', { name: 'VIEW' }).click();
        await page.getByRole('menuitem', { name: item, exact: true }).click();
      }
      await ready(page);
      await page.waitForTimeout(500); // let transitions settle
      const file = path.join(root, 'docs', `${name}${scheme === 'dark' ? '-dark' : ''}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(root, file)}`);
      await page.getByRole('searchbox', { name: 'Search' }).fill('');
    }
    await page.close();
  }
  // A comparison (-diff_base): cpu.new.pb.gz minus cpu.base.pb.gz, as a flame graph.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.locator('input[type=file]').first().setInputFiles(path.join(fixtures, 'go', 'cpu.new.pb.gz'));
  await page.getByRole('table', { name: 'Top functions' }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Compare with a base profile' }).click();
  await (await chooser).setFiles(path.join(fixtures, 'go', 'cpu.base.pb.gz'));
  await page.getByRole('note', { name: 'Comparison' }).waitFor();
  await page.getByRole('button', { name: 'VIEW' }).click();
  await page.getByRole('menuitem', { name: 'Flame Graph', exact: true }).click();
  await page.getByRole('img', { name: 'Flame graph' }).getByRole('button', { name: /^root: / }).waitFor();
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(root, 'docs', 'compare.png') });
  console.log('wrote docs/compare.png');
} finally {
  await browser.close();
  await server.close();
}
