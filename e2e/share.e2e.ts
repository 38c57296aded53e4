// The CLI's share store from the page: a dropped profile too big for a link
// (large.pb.gz, 1.2 MB) is saved with "Share" under its SHA-256, and the
// link (share=<id>) reopens it in a fresh context with the same numbers.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, fixture, goldenRows, openWithDrop, test } from './helpers';
import { freshPage, startCli, topRows, topTable } from './permalink-servers';

test.describe.configure({ timeout: 180_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a large dropped profile is shared through the CLI’s store and its link reopens it', async ({ page, browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsprof-share-'));
  const cli = await startCli([`-share_dir=${dir}`]);
  try {
    await page.goto(`${cli.url}/ui/top`);
    await expect(page.getByRole('region', { name: 'Open profile' })).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    await openWithDrop(page, 'large.pb.gz', fs.readFileSync(fixture('large.pb.gz')));
    await expect(page.getByRole('heading', { name: 'large.pb.gz' })).toBeVisible({ timeout: 60_000 });
    // The web table keeps 500 nodes (pprof's web default), so its unit may
    // differ from -top's; the percentages and names are pprof's.
    const want = goldenRows('large/top.txt');
    const shown = await topRows(page, 8);
    expect(shown.map((r) => [r[1], r[2], r[4], r[5]])).toEqual(want.slice(0, 8).map((r) => [r[1], r[2], r[4], r[5]]));

    await page.getByRole('button', { name: 'Copy link' }).click();
    const panel = page.getByRole('region', { name: 'Link to this view' });
    await expect(panel).toContainText('too big to travel inside a link', { timeout: 30_000 });
    await panel.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible({ timeout: 60_000 });
    const link = await panel.getByRole('textbox', { name: 'Link' }).inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const id = new URL(link).searchParams.get('share')!;
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(new URL(link).pathname).toBe('/ui/top');
    // Content-addressed: the id is the SHA-256 of what the store holds.
    const stored = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.includes(id));
    expect(stored).toHaveLength(1);
    const bytes = fs.readFileSync(path.join(stored[0].parentPath, stored[0].name));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(id);

    const other = await freshPage(browser, link);
    try {
      await expect(topTable(other)).toHaveAttribute('aria-rowcount', await topTable(page).getAttribute('aria-rowcount') as string, { timeout: 60_000 });
      expect(await topRows(other, 8)).toEqual(shown);
    } finally {
      await other.context().close();
    }
  } finally {
    await cli.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a share id the store does not hold is said plainly', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsprof-share-'));
  const cli = await startCli([`-share_dir=${dir}`]);
  // The 404 of api/share/<id> is logged by the browser: this test expects it.
  const own = await page.context().browser()!.newContext();
  const p = await own.newPage();
  try {
    await p.goto(`${cli.url}/ui/top?share=${'0'.repeat(64)}&v=1`);
    await expect(p.getByRole('alert')).toContainText('shared profile of this link is not here');
    await expect(p.getByRole('region', { name: 'Open profile' })).toBeVisible();
  } finally {
    await own.close();
    await cli.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
