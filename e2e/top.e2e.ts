// The Top table in Chromium: its first rows equal `go tool pprof -top` for
// cpu.pb.gz and for two sample types of heap.pb.gz; headers sort (aria-sort);
// rows select with click, ctrl/shift-click and the keyboard; the row menu
// refines; search marks names; 1,900 rows stay virtualized while they scroll.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectFirstRows, fixture, goldenRows, openApp, openWithPicker, row, table, test } from './helpers';

test.setTimeout(90_000);

async function pickMenu(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
}

test('cpu.pb.gz: the first rows equal -top, with the column headers and the row count', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.pb.gz'));
  const want = goldenRows('cpu/top.txt');
  await expect(table(page)).toBeVisible();
  await expect(table(page).getByRole('columnheader')).toHaveCount(6);
  for (const name of ['Flat', 'Flat%', 'Sum%', 'Cum', 'Cum%', 'Name']) {
    await expect(table(page).getByRole('columnheader', { name, exact: true })).toHaveCount(1);
  }
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(want.length + 1));
  await expectFirstRows(page, want, 20);
  // pprof's own order is flat, largest first
  await expect(table(page).getByRole('columnheader', { name: 'Flat', exact: true })).toHaveAttribute('aria-sort', 'descending');
});

test('heap.pb.gz: inuse_space then alloc_space, each equal to its -top golden', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('heap.pb.gz'));
  const inuse = goldenRows('heap/top.txt');
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(inuse.length + 1));
  await expectFirstRows(page, inuse, Math.min(15, inuse.length));

  await pickMenu(page, 'SAMPLE', 'alloc_space');
  const alloc = goldenRows('heap/sample_index-alloc_space.top.txt');
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(alloc.length + 1));
  await expectFirstRows(page, alloc, Math.min(15, alloc.length));
});

test('heap.delta.pb.gz: negative values as pprof prints them', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('heap.delta.pb.gz'));
  const want = goldenRows('heap.delta/top.txt');
  expect(want.some((r) => r[0].startsWith('-'))).toBe(true);
  await expectFirstRows(page, want, Math.min(12, want.length));
});

test('headers sort the table, and say so with aria-sort', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.pb.gz'));
  await expect(row(page, 1)).toBeVisible();
  const header = (name: string) => table(page).getByRole('columnheader', { name, exact: true });

  await header('Cum').getByRole('button').click();
  await expect(header('Cum')).toHaveAttribute('aria-sort', 'descending');
  await expect(header('Flat')).toHaveAttribute('aria-sort', 'none');
  // Equal cum values may tie in another order: compare the cum column.
  const byCum = goldenRows('cpu/top-cum.txt');
  for (let i = 1; i <= 10; i++) await expect(row(page, i).getByRole('cell').nth(3)).toHaveText(byCum[i - 1][3]);

  await header('Cum').getByRole('button').click();
  await expect(header('Cum')).toHaveAttribute('aria-sort', 'ascending');

  await header('Name').getByRole('button').click();
  await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
  const names = await Promise.all([1, 2, 3, 4, 5].map((i) => row(page, i).getByRole('cell').nth(5).getAttribute('title')));
  expect(names).toEqual([...names].sort());
});

test('rows select with click, ctrl-click, shift-click and the keyboard', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.pb.gz'));
  const selected = table(page).locator('[role="row"][aria-selected="true"]');
  await row(page, 1).click();
  await expect(row(page, 1)).toHaveAttribute('aria-selected', 'true');
  await expect(selected).toHaveCount(1);

  await row(page, 3).click({ modifiers: ['ControlOrMeta'] });
  await expect(selected).toHaveCount(2);
  await row(page, 6).click({ modifiers: ['Shift'] });
  // the range from the last plain or ctrl click (row 3) to row 6
  await expect(selected).toHaveCount(4);
  await expect(row(page, 1)).toHaveAttribute('aria-selected', 'false');

  await row(page, 2).click();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 3)).toBeFocused();
  await expect(row(page, 3)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(selected).toHaveCount(3);
  await page.keyboard.press('Escape'); // the shell clears the selection
  await expect(selected).toHaveCount(0);
});

test('the row menu focuses on the function: the rows equal -focus', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.pb.gz'));
  const name = 'example.com/workload/internal/encode.(*Encoder).encodeRecord';
  // Reach its row with the keyboard (it is below the rows in sight), open its menu with Shift+F10.
  const at = goldenRows('cpu/top.txt').findIndex((r) => r[5] === name) + 1;
  expect(at).toBeGreaterThan(1);
  await row(page, 1).click();
  for (let i = 1; i < at; i++) await page.keyboard.press('ArrowDown');
  await expect(row(page, at)).toBeFocused();
  await expect(row(page, at).getByRole('cell').nth(5)).toHaveText(name);
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: `Actions for ${name}` });
  await expect(menu.getByRole('menuitem')).toHaveText(['Focus', 'Ignore', 'Hide', 'Show', 'Show from', 'Peek', 'Source']);
  await expect(menu.getByRole('menuitem', { name: 'Focus' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  // and with the mouse: right click
  await row(page, at).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Focus' }).click();
  // focus=<the quoted name> keeps the samples focus=encodeRecord keeps
  const want = goldenRows('cpu/focus-encodeRecord.top.txt');
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(want.length + 1));
  await expectFirstRows(page, want, 10);
  await expect(page).toHaveURL(/[?&]f=/);
});

test('search marks the matching names', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.pb.gz'));
  await expect(row(page, 1)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill('mallocgc');
  await expect(table(page).locator('mark', { hasText: 'mallocgc' }).first()).toBeVisible();
  await expect(table(page).locator('mark')).not.toHaveCount(0);
  for (const m of await table(page).locator('mark').allTextContents()) expect(m).toBe('mallocgc');
});

test('1,900 rows are virtualized and scroll to the last one', async ({ page }) => {
  // Served as the CLI serves it, so the URL can ask for every node (n=0, nf=0).
  const bytes = fs.readFileSync(fixture('large.pb.gz'));
  await page.route('**/api/profile', (route) =>
    route.fulfill({
      status: 200,
      body: bytes,
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="large.pb.gz"' },
    }),
  );
  await page.goto('./ui/top?n=0&nf=0');
  await expect(row(page, 1)).toBeVisible({ timeout: 30_000 });
  const count = Number(await table(page).getAttribute('aria-rowcount'));
  expect(count).toBeGreaterThan(1900);
  const inDom = await table(page).getByRole('row').count();
  expect(inDom).toBeLessThan(120);

  await row(page, 1).click();
  await page.keyboard.press('End');
  const last = row(page, count - 1);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  expect(await table(page).getByRole('row').count()).toBeLessThan(120);
});
