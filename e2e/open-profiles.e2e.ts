// Every kind of profile in the fixtures opens, by the file picker and by a drop,
// and the summary shows pprof's sample types, default type and totals (read from
// the golden outputs) and the record counts of the fixtures README.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import {
  expect,
  fixture,
  goldenSampleTypes,
  goldenTotal,
  goldenType,
  openApp,
  openWithDrop,
  openWithPicker,
  parseValueLabel,
  test,
} from './helpers';

interface Case {
  file: string;
  dir: string; // the golden folder
  records?: number; // Sample messages, from the fixtures README
  types?: string[]; // when the folder has no raw.txt
}

const CASES: Case[] = [
  { file: 'cpu.pb.gz', dir: 'cpu', records: 1175 },
  { file: 'heap.pb.gz', dir: 'heap', records: 155 },
  { file: 'allocs.pb.gz', dir: 'allocs', records: 161 },
  { file: 'goroutine.pb.gz', dir: 'goroutine', records: 15 },
  { file: 'mutex.pb.gz', dir: 'mutex', records: 5 },
  { file: 'block.pb.gz', dir: 'block', records: 11 },
  { file: 'threadcreate.pb.gz', dir: 'threadcreate', records: 2 },
  { file: 'heap.delta.pb.gz', dir: 'heap.delta', records: 67 },
  { file: 'allocs.delta.pb.gz', dir: 'allocs.delta', records: 87 },
  { file: 'cpu.http.pb.gz', dir: 'cpu.http', records: 96 },
  { file: 'cpu.base.pb.gz', dir: 'cpu.base', records: 286 },
  { file: 'cpu.new.pb.gz', dir: 'cpu.new', records: 228 },
  { file: 'large.pb.gz', dir: 'large', records: 28498, types: ['samples/count', 'cpu/nanoseconds'] },
  { file: 'heap.debug1.txt', dir: 'heap.debug1' },
  { file: 'goroutine.debug1.txt', dir: 'goroutine.debug1' },
  // pprof refuses debug=2; tsprof-web reads it. Same moment as goroutine.pb.gz
  // (README), and the dump holds 89 goroutines: so goroutine's goldens apply.
  { file: 'goroutine.debug2.txt', dir: 'goroutine', types: ['goroutine/count'] },
];

function fact(page: Page, term: string) {
  return page.locator('dl.facts > div', { has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) }).locator('dd');
}

/** The golden `-top` for sample type t of a case, if pprof was run with it. */
function goldenTopFor(c: Case, type: string, isDefault: boolean): string | null {
  const byIndex = `${c.dir}/sample_index-${type}.top.txt`;
  if (fs.existsSync(fixture(byIndex))) return byIndex;
  return isDefault ? `${c.dir}/top.txt` : null;
}

async function expectSummary(page: Page, c: Case): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: c.file, exact: true })).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  const types = c.types ?? goldenSampleTypes(`${c.dir}/raw.txt`);
  const defaultType = goldenType(`${c.dir}/top.txt`);
  await expect(fact(page, 'Type')).toHaveText(defaultType);

  const table = page.getByRole('table', { name: 'Sample types' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(types.length);
  let checkedTotals = 0;
  for (let i = 0; i < types.length; i++) {
    const [type, unit] = types[i].split('/');
    const row = rows.nth(i);
    await expect(row.locator('th .type-name')).toHaveText(type);
    await expect(row.locator('td').nth(0)).toHaveText(unit);
    const isDefault = type === defaultType;
    await expect(row.getByText('default', { exact: true })).toHaveCount(isDefault ? 1 : 0);
    const golden = goldenTopFor(c, type, isDefault);
    if (!golden) continue;
    // pprof prints the total rounded to 2 decimals in some unit; ours must round the same way.
    const want = parseValueLabel(goldenTotal(golden));
    const exact = Number((await row.locator('td').nth(2).innerText()).replace(/,/g, ''));
    expect(Math.abs(exact - want.value), `${c.file} ${type}: exact total ${exact} vs pprof ${goldenTotal(golden)}`).toBeLessThanOrEqual(want.tolerance);
    const shown = parseValueLabel(await row.locator('td').nth(1).innerText());
    expect(Math.abs(shown.value - exact)).toBeLessThanOrEqual(shown.tolerance);
    checkedTotals++;
  }
  expect(checkedTotals, 'at least the default type was checked against a golden').toBeGreaterThan(0);
  if (c.records !== undefined) await expect(fact(page, 'Sample records')).toHaveText(c.records.toLocaleString('en-US'));
}

for (const c of CASES) {
  test(`opens ${c.file} with the file picker`, async ({ page }) => {
    await openApp(page);
    await openWithPicker(page, fixture(c.file));
    await expectSummary(page, c);
  });

  test(`opens ${c.file} dropped on the page`, async ({ page }) => {
    await openApp(page);
    await openWithDrop(page, c.file, fs.readFileSync(fixture(c.file)));
    await expectSummary(page, c);
  });
}

test('a second file replaces the first', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('cpu.pb.gz'));
  await expectSummary(page, CASES[0]);
  await openWithDrop(page, 'heap.pb.gz', fs.readFileSync(fixture('heap.pb.gz')), 'main');
  await expectSummary(page, CASES[1]);
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'cpu.pb.gz' })).toHaveCount(0);
});
