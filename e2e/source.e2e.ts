// The Source view in Chromium: `-list=RE`'s ROUTINE totals and per-line flat
// and cum; line numbers only with a note until the person adds the source
// (single files or a folder), then the text beside the numbers, equal to the
// golden lines that `go tool pprof -list -source_path=...` printed.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, fixture, test, serve } from './helpers';

test.setTimeout(90_000);

interface GoldenRoutine {
  name: string;
  total: string; // "60ms flat, 2.23s cum (24.59% of Total)"
  lines: string[][]; // [flat, cum, line, text]
}

function goldenList(file: string): GoldenRoutine[] {
  const out: GoldenRoutine[] = [];
  for (const l of fs.readFileSync(fixture(file), 'utf8').split('\n')) {
    const r = /^ROUTINE =+ (.*) in (.*)$/.exec(l);
    if (r) {
      out.push({ name: r[1], total: '', lines: [] });
      continue;
    }
    const t = /^\s*(\S+)\s+(\S+) \(flat, cum\)\s+(\S+) of Total$/.exec(l);
    if (t) {
      out[out.length - 1].total = `${t[1]} flat, ${t[2]} cum (${t[3]} of Total)`;
      continue;
    }
    if (out.length > 0 && /^.{10} .{10} [ \d]{6}:/.test(l)) {
      out[out.length - 1].lines.push([l.slice(0, 10).trim(), l.slice(11, 21).trim(), l.slice(22, 28).trim(), l.slice(29)]);
    }
  }
  return out;
}

function routine(page: Page, name: string): Locator {
  return page.getByRole('region', { name: `Source of ${name}`, exact: true });
}

async function expectLines(r: Locator, name: string, want: string[][]): Promise<void> {
  const rows = r.getByRole('table', { name: `Lines of ${name}`, exact: true }).locator('tbody tr');
  await expect(rows).toHaveCount(want.length);
  for (let i = 0; i < want.length; i++) await expect(rows.nth(i).locator('td'), `line ${want[i][2]}`).toHaveText(want[i]);
}

test('cpu.pb.gz: line numbers with their numbers, then the source text from added files', async ({ page }) => {
  await serve(page, 'cpu.pb.gz');
  await page.goto('./ui/source?f=encodeRecord');
  const want = goldenList('cpu/list-encodeRecord.txt');
  expect(want.length).toBe(2);
  const first = routine(page, want[0].name);
  await expect(first).toBeVisible({ timeout: 30_000 });
  await expect(first.getByText(want[0].total)).toBeVisible();
  await expect(page.getByText('Without the source text, only the lines that carry samples are listed')).toBeVisible();
  await expect(page.getByText('-source_path=DIR')).toBeVisible();
  // Without the file: the lines that carry samples, by number
  for (const g of want) {
    const sampled = g.lines.filter((l) => l[0] !== '.' || l[1] !== '.').map((l) => l.slice(0, 3));
    await expectLines(routine(page, g.name), g.name, sampled);
  }

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add source files' }).click();
  await (await chooser).setFiles(fixture('source/workload/internal/encode/encode.go'));
  await expect(page.getByRole('status').filter({ hasText: 'Added 1 source file.' })).toBeVisible();
  for (const g of want) {
    await expect(routine(page, g.name).getByRole('columnheader', { name: 'Source' })).toBeVisible({ timeout: 30_000 });
    await expectLines(routine(page, g.name), g.name, g.lines);
  }
  await expect(page.getByText('Without the source text')).toHaveCount(0);
});

test('heap.delta.pb.gz: a dropped source folder, and negative values', async ({ page }) => {
  await serve(page, 'heap.delta.pb.gz');
  await page.goto('./ui/source?f=' + encodeURIComponent('\\(\\*Store\\)\\.Put$'));
  const want = goldenList('heap.delta/list-Put.txt');
  expect(want.some((g) => g.lines.some((l) => l[0].startsWith('-')))).toBe(true);
  await expect(routine(page, want[0].name)).toBeVisible({ timeout: 30_000 });

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add source folder' }).click();
  await (await chooser).setFiles(path.join(fixture('source'), 'workload'));
  await expect(page.getByRole('status').filter({ hasText: /^Added \d+ source files\./ })).toBeVisible();
  for (const g of want) {
    const r = routine(page, g.name);
    await expect(r.getByText(g.total)).toBeVisible();
    await expect(r.getByRole('columnheader', { name: 'Source' })).toBeVisible({ timeout: 30_000 });
    await expectLines(r, g.name, g.lines);
  }
});
