// Comparing two profiles in the page, as `go tool pprof -diff_base`: Compare
// picks the base, the Top table then equals the -diff_base golden, the flame
// graph draws the difference, and Remove base comes back to the profile alone.
// A base of another kind is refused in an alert and the comparison stays.
import type { Page } from '@playwright/test';
import { expect, expectFirstRows, fixture, goldenRows, openApp, openWithPicker, table, test } from './helpers';

async function compareWith(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Compare with a base profile' }).click();
  await (await chooser).setFiles(fixture(file));
}

const note = (page: Page) => page.getByRole('note', { name: 'Comparison' });

test('Compare subtracts a base profile: the numbers of -diff_base, and Remove base undoes it', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.new.pb.gz'));
  const alone = goldenRows('cpu.new/top.txt');
  await expectFirstRows(page, alone, 5);
  await expect(note(page)).toHaveCount(0);

  await compareWith(page, 'cpu.base.pb.gz');
  await expect(note(page)).toContainText('cpu.new.pb.gz minus the base cpu.base.pb.gz');
  const diff = goldenRows('cpu.new/diff_base.top.txt');
  expect(diff.some((r) => r[0].startsWith('-'))).toBe(true);
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(diff.length + 1));
  await expectFirstRows(page, diff, Math.min(15, diff.length));

  // The flame graph of a difference is drawn as one: frames that shrank say so.
  await page.getByRole('button', { name: 'VIEW', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Flame Graph', exact: true }).click();
  const chart = page.getByRole('img', { name: 'Flame graph' });
  await expect(chart.getByRole('button', { name: /^root: total [+-]/ })).toBeVisible({ timeout: 30_000 });
  await expect(chart.getByRole('button', { name: /: total -/ }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Remove base' }).click();
  await expect(note(page)).toHaveCount(0);
  await page.keyboard.press('1');
  await expectFirstRows(page, alone, 5);
});

test('a base of another kind is refused in an alert, and the comparison shown stays', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.new.pb.gz'));
  await compareWith(page, 'cpu.base.pb.gz');
  await expect(note(page)).toBeVisible();
  const diff = goldenRows('cpu.new/diff_base.top.txt');
  await expectFirstRows(page, diff, 3);

  await compareWith(page, 'heap.pb.gz');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not compare cpu.new.pb.gz with heap.pb.gz');
  await expect(alert).toContainText('incompatible');
  await expect(note(page)).toContainText('minus the base cpu.base.pb.gz');
  await expectFirstRows(page, diff, 3);
});
