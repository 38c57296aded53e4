// The Peek view in Chromium: the callers, the function and its callees with
// the numbers of `go tool pprof -peek=RE` (cpu.pb.gz, heap.delta.pb.gz with
// negative values), reached by URL and from a Top row's menu.
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, fixture, openApp, openWithPicker, parseValueLabel, test, serve } from './helpers';

test.setTimeout(90_000);

/** The golden's rows as the table's cells: callers/callees [kind, calls, calls%, name], the function [5 numbers, '', '', name]. */
function goldenPeek(file: string): string[][] {
  const out: string[][] = [];
  let seenFunction = false;
  for (const l of fs.readFileSync(fixture(file), 'utf8').split('\n')) {
    const fn = /^\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+\| (.*)$/.exec(l);
    if (fn) {
      out.push([...fn.slice(1, 6), '', '', fn[6]]);
      seenFunction = true;
      continue;
    }
    const edge = /^\s+(\S+)\s+(\S+) \|   (.*)$/.exec(l);
    if (edge) out.push([seenFunction ? 'callee' : 'caller', edge[1], edge[2], edge[3]]);
  }
  return out;
}

function peekTable(page: Page, name: string): Locator {
  return page.getByRole('table', { name: `Callers and callees of ${name}` });
}

async function expectRows(t: Locator, want: string[][]): Promise<void> {
  const rows = t.locator('tbody tr');
  await expect(rows).toHaveCount(want.length);
  for (let i = 0; i < want.length; i++) {
    await expect(rows.nth(i).locator('td, th'), `row ${i + 1}`).toHaveText(want[i]);
  }
}

test('cpu.pb.gz: Peek at (*Encoder).Encode equals -peek', async ({ page }) => {
  await serve(page, 'cpu.pb.gz');
  await page.goto('./ui/peek?f=' + encodeURIComponent('\\(\\*Encoder\\)\\.Encode$'));
  const t = peekTable(page, 'example.com/workload/internal/encode.(*Encoder).Encode');
  await expect(t).toBeVisible({ timeout: 30_000 });
  await expect(t.getByRole('columnheader')).toHaveText(['Flat', 'Flat%', 'Sum%', 'Cum', 'Cum%', 'Calls', 'Calls%', 'Function']);
  // the function's own row is the row header
  await expect(t.getByRole('rowheader')).toHaveText('example.com/workload/internal/encode.(*Encoder).Encode');
  await expectRows(t, goldenPeek('cpu/peek-Encode.txt'));
});

test('heap.delta.pb.gz: negative values as -peek prints them', async ({ page }) => {
  await serve(page, 'heap.delta.pb.gz');
  await page.goto('./ui/peek?f=' + encodeURIComponent('\\(\\*Store\\)\\.Put$'));
  const t = peekTable(page, 'example.com/workload/internal/store.(*Store).Put');
  await expect(t).toBeVisible({ timeout: 30_000 });
  const want = goldenPeek('heap.delta/peek-Put.txt');
  expect(want.some((r) => r.some((c) => c.startsWith('-')))).toBe(true);
  await expectRows(t, want);
});

test('a Top row opens Peek, and a callee peeks further', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.pb.gz'));
  const first = page.getByRole('table', { name: 'Top functions' }).locator('[role="row"][aria-rowindex="3"]'); // (*Digest).Write: it has callees
  const name = (await first.getByRole('cell').nth(5).getAttribute('title'))!.replace(/ \((partial-)?inline\)$/, '');
  const [flat, flatPct, , cum, cumPct] = await first.getByRole('cell').allTextContents();
  await first.click({ button: 'right' });
  await page.getByRole('menu', { name: `Actions for ${name}` }).getByRole('menuitem', { name: 'Peek' }).click();
  const t = peekTable(page, name);
  await expect(t).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/view=peek/);
  // the function's own numbers are its Top row's
  const own = await t.locator('tr.peek-function td').allTextContents();
  // (the unit may differ: pprof picks it from the smallest value in the report)
  expect([own[1], own[4]]).toEqual([flatPct, cumPct]);
  for (const [a, b] of [
    [own[0], flat],
    [own[3], cum],
  ]) {
    const x = parseValueLabel(a);
    const y = parseValueLabel(b);
    expect(Math.abs(x.value - y.value)).toBeLessThanOrEqual(x.tolerance + y.tolerance);
  }
  const callee = t.locator('tr.callee button').first();
  const calleeName = (await callee.textContent())!;
  await callee.click();
  await expect(peekTable(page, calleeName)).toBeVisible({ timeout: 30_000 });
});

test('a regexp that matches nothing says so', async ({ page }) => {
  await serve(page, 'cpu.pb.gz');
  await page.goto('./ui/peek?f=no_function_matches_this');
  await expect(page.getByRole('status').filter({ hasText: 'No function matches “no_function_matches_this”' })).toBeVisible({
    timeout: 30_000,
  });
});
