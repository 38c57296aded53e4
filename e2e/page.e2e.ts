// The page itself: its landmarks, the drop zone, the demo, a profile served by
// the CLI at api/profile, the busy state, and dark mode.
import fs from 'node:fs';
import { expect, fixture, openApp, test } from './helpers';

test('shows the app name and the drop zone with its button', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle('tsprof-web');
  await expect(page.getByRole('banner').getByRole('heading', { level: 1, name: 'tsprof-web' })).toBeVisible();
  const zone = page.getByRole('region', { name: 'Open profile' });
  await expect(zone.getByRole('button', { name: 'Open profile' })).toBeVisible();
  await expect(zone.getByRole('button', { name: 'Load the demo profile' })).toBeVisible();
  // The file input behind the button is hidden and takes any file.
  const input = zone.locator('input[type=file]');
  await expect(input).toBeHidden();
  await expect(input).toHaveAttribute('accept', /\.pb\.gz/);
});

test('loads the demo profile', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load the demo profile' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'demo.pb.gz' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Sample types' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  // The demo is the fixtures' cpu.http.pb.gz: 108 samples (README).
  await expect(rows.nth(0).locator('td').nth(2)).toHaveText('108');
  // Once a profile is open, the demo button gives way to the summary.
  await expect(page.getByRole('button', { name: 'Load the demo profile' })).toHaveCount(0);
});

test('opens the profile the CLI serves at api/profile on startup', async ({ page }) => {
  const bytes = fs.readFileSync(fixture('block.pb.gz'));
  await page.route('**/api/profile', (route) =>
    route.fulfill({
      status: 200,
      body: bytes,
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="block.pb.gz"' },
    }),
  );
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 2, name: 'block.pb.gz' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load the demo profile' })).toHaveCount(0);
});

test('is busy while a profile is read', async ({ page }) => {
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/demo.pb.gz', async (route) => {
    await gate;
    await route.fulfill({ status: 200, body: fs.readFileSync(fixture('cpu.http.pb.gz')) });
  });
  await openApp(page);
  await page.getByRole('button', { name: 'Load the demo profile' }).click();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('status')).toHaveText(/Reading demo\.pb\.gz/);
  release();
  await expect(page.getByRole('heading', { level: 2, name: 'demo.pb.gz' })).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('status')).toHaveText('');
});

test('follows the system colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(light).not.toBe(dark);
  // Dark means a dark background: low luminance.
  const [r, g, b] = dark.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(3 * 80);
});

test('the hidden file input of the drop zone opens a file given to it directly', async ({ page }) => {
  await openApp(page);
  await page.getByRole('region', { name: 'Open profile' }).locator('input[type=file]').setInputFiles(fixture('threadcreate.pb.gz'));
  await expect(page.getByRole('heading', { level: 2, name: 'threadcreate.pb.gz' })).toBeVisible();
  // README: 2 records, one of them with an empty stack; total 10.
  await expect(page.getByRole('table', { name: 'Sample types' }).locator('tbody tr').nth(0).locator('td').nth(2)).toHaveText('10');
});
