// The Flame Graph view in a real browser: cpu.pb.gz drawn by d3-flame-graph as
// an icicle, its root as wide as pprof's total (read from the golden), a
// text-only tooltip on hover, click to zoom (the engine re-roots), right-click
// Focus refines, the search box highlights, and a delta profile is a diff.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, fixture, openApp, openWithPicker, test } from './helpers';

async function openFlame(page: Page, file: string): Promise<void> {
  await openApp(page);
  await openWithPicker(page, fixture(file));
  await page.getByRole('button', { name: 'VIEW' }).click();
  await page.getByRole('menuitem', { name: 'Flame Graph' }).click();
  await expect(chart(page)).toBeVisible({ timeout: 30_000 });
  await expect(frame(page, /^root: /)).toBeVisible({ timeout: 30_000 });
}

const chart = (page: Page) => page.getByRole('img', { name: 'Flame graph' });
const frame = (page: Page, name: string | RegExp) => chart(page).getByRole('button', { name });
const totalOf = (golden: string) => /of (\S+) total/.exec(fs.readFileSync(fixture(golden), 'utf8'))![1];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The x and width of a frame's rectangle, in CSS px. */
async function box(page: Page, name: RegExp) {
  const b = await frame(page, name).first().locator('rect').boundingBox();
  if (!b) throw new Error(`no box for ${name}`);
  return b;
}

test.describe('Flame Graph view', () => {
  test.setTimeout(90_000);

  test('draws cpu.pb.gz with the root as wide as pprof\'s total', async ({ page }) => {
    await openFlame(page, 'cpu.pb.gz');
    const total = totalOf('cpu/top.txt');
    await expect(frame(page, new RegExp(`^root: total ${escape(total)} \\(100%\\)`))).toBeVisible();
    // Root on top (icicle), its children below it, labelled with pprof's short names.
    const root = await box(page, /^root: /);
    const child = await box(page, /^runtime\.main /);
    expect(child.y).toBeGreaterThan(root.y);
    await expect(chart(page).getByText('runtime.main runtime/proc.go', { exact: true })).toBeVisible();
    // The header is pprof's, with the flame graph's legend.
    await expect(page.getByText(`Showing nodes accounting for ${total}, 100% of ${total} total`)).toBeVisible();
  });

  test('hovering a frame shows its name, total, self and percentage as text', async ({ page }) => {
    await openFlame(page, 'cpu.pb.gz');
    await frame(page, /^runtime\.main /).first().hover();
    const tip = page.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('runtime.main runtime/proc.go');
    const label = await frame(page, /^runtime\.main /).first().getAttribute('aria-label');
    const m = /total (\S+) \((\S+)\), self (\S+) \((\S+)\)$/.exec(label!)!;
    await expect(tip).toContainText(`Total${m[1]} (${m[2]})`);
    await expect(tip).toContainText(`Self${m[3]} (${m[4]})`);
  });

  test('clicking a frame zooms into it; Reset zoom comes back', async ({ page }) => {
    await openFlame(page, 'cpu.pb.gz');
    const rootBox = await box(page, /^root: /);
    const target = /^runtime\.main /;
    const before = await box(page, target);
    expect(before.width).toBeLessThan(rootBox.width * 0.9);
    await frame(page, target).first().click();
    // The engine re-roots: the zoomed frame spans the chart, the root stays above as a path out.
    await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeVisible();
    await expect.poll(async () => (await box(page, target)).width, { timeout: 15_000 }).toBeGreaterThan(rootBox.width - 2);
    await expect(frame(page, /^root: /)).toHaveClass(/fade/);
    // The clicked frame is selected too: REFINE applies to it.
    await expect(frame(page, target).first()).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await expect(page.getByRole('button', { name: 'Reset zoom' })).toHaveCount(0);
    await expect.poll(async () => (await box(page, target)).width, { timeout: 15_000 }).toBeLessThan(rootBox.width * 0.9);
  });

  test('right-click offers a menu whose Focus refines the graph', async ({ page }) => {
    await openFlame(page, 'cpu.pb.gz');
    const target = frame(page, /^example\.com\/workload\/internal\/encode\.\(\*Encoder\)\.encodeRecord /).first();
    await target.click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions for example.com/workload/internal/encode.(*Encoder).encodeRecord' });
    await expect(menu).toBeVisible();
    for (const item of ['Focus', 'Ignore', 'Hide', 'Show', 'Show from', 'Show source']) {
      await expect(menu.getByRole('menuitem', { name: item, exact: true })).toBeVisible();
    }
    await menu.getByRole('menuitem', { name: 'Focus', exact: true }).click();
    await expect(page.getByText('Active filters:')).toBeVisible({ timeout: 30_000 });
    // Every sample left goes through encodeRecord: the root is as wide as its cum in -focus's golden.
    const golden = fs.readFileSync(fixture('cpu/focus-encodeRecord.top.txt'), 'utf8');
    const cum = /^\s*\S+\s+\S+\s+\S+\s+(\S+)\s+\S+\s+example\.com\/workload\/internal\/encode\.\(\*Encoder\)\.encodeRecord$/m.exec(golden)![1];
    await expect(frame(page, new RegExp(`^root: total ${escape(cum)} `))).toBeVisible({ timeout: 30_000 });
  });

  test('the search box highlights the matching frames', async ({ page }) => {
    await openFlame(page, 'cpu.pb.gz');
    await expect(chart(page).locator('g[data-match="true"]')).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Search' }).fill('checksum\\.Fill');
    await expect(page.getByRole('status').filter({ hasText: /^Search matches \d+ frames?: / })).toBeVisible();
    const matched = chart(page).locator('g[data-match="true"]');
    await expect(matched.first()).toBeVisible();
    const names = await matched.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^example\.com\/workload\/internal\/checksum\.Fill /);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(chart(page).locator('g[data-match="true"]')).toHaveCount(0);
  });

  test('a delta profile is drawn as a diff: growth red, shrinkage green', async ({ page }) => {
    await openFlame(page, 'heap.delta.pb.gz');
    await expect(page.getByText('growth')).toBeVisible();
    // main.bigBuffers.func1 grew by 12MB (heap.delta/top.txt); (*Store).Put shrank.
    const grow = frame(page, /^main\.bigBuffers\.func1 .*: total \+12MB /).first();
    await expect(grow).toBeVisible();
    const put = frame(page, /^example\.com\/workload\/internal\/store\.\(\*Store\)\.Put .*: total -/).first();
    await expect(put).toBeVisible();
    const fill = async (l: ReturnType<typeof frame>) => {
      const c = (await l.locator('rect').getAttribute('fill')) ?? '';
      const m = /rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(c)!;
      return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]) };
    };
    const g = await fill(grow);
    expect(g.r).toBeGreaterThan(g.g);
    const s = await fill(put);
    expect(s.g).toBeGreaterThan(s.r);
  });
});
