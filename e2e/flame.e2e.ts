// The Flame Graph view in a real browser: cpu.pb.gz drawn by d3-flame-graph as
// an icicle, its root as wide as pprof's total (read from the golden), a
// text-only tooltip on hover, click to zoom (the engine re-roots), right-click
// Focus refines and Show source navigates, the search box highlights, a delta
// profile is a diff, and hostile names stay text.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { ProfileBuilder } from '../src/core/profile/builder';
import { encodeProto } from '../src/core/profile/encode-proto';
import { expect, fixture, openApp, openWithPicker, test } from './helpers';

async function openFlame(page: Page, file: string | { name: string; buffer: Buffer }): Promise<void> {
  await openApp(page);
  await openWithPicker(page, typeof file === 'string' ? fixture(file) : file);
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

/** A frame's width, NaN while it is being redrawn (no box), so a poll goes on. */
async function widthOf(page: Page, name: RegExp): Promise<number> {
  const b = await frame(page, name).first().locator('rect').boundingBox({ timeout: 1_000 }).catch(() => null);
  return b ? b.width : NaN;
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
    await expect.poll(() => widthOf(page, target), { timeout: 15_000 }).toBeGreaterThan(rootBox.width - 2);
    await expect(frame(page, /^root: /)).toHaveClass(/fade/);
    // The clicked frame is selected too: REFINE applies to it.
    await expect(frame(page, target).first()).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await expect(page.getByRole('button', { name: 'Reset zoom' })).toHaveCount(0);
    await expect.poll(() => widthOf(page, target), { timeout: 15_000 }).toBeLessThan(rootBox.width * 0.9);
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

  test('Show source in the menu opens the Source view of the frame\'s function', async ({ page }) => {
    await openFlame(page, 'cpu.pb.gz');
    await frame(page, /^runtime\.main /).first().click({ button: 'right' });
    await page.getByRole('menu', { name: 'Actions for runtime.main' }).getByRole('menuitem', { name: 'Show source' }).click();
    await expect(page).toHaveURL(/view=source/);
    await expect(page).toHaveURL(/runtime(\.|%5C\.|\\\.)main/);
  });

  test('a large profile is drawn a tile at a time into one icicle: frames side by side, each under its parent', async ({ page }) => {
    await openFlame(page, 'large.pb.gz');
    await expect(chart(page)).not.toHaveAttribute('data-drawing', { timeout: 30_000 });
    expect(await chart(page).locator('g.flame-tile').count()).toBeGreaterThan(1);
    await expect(page.getByText(/ \d+ frames drawn; the rest are left out/)).toBeVisible();
    // Every frame's box, by row: no two overlap, and each lies within a frame of the row above.
    const boxes = await chart(page)
      .getByRole('button')
      .evaluateAll((els) => els.map((e) => e.querySelector('rect')!.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width })));
    const rows = new Map<number, { x: number; w: number }[]>();
    for (const b of boxes) rows.set(Math.round(b.y), [...(rows.get(Math.round(b.y)) ?? []), b]);
    const ys = [...rows.keys()].sort((a, b) => a - b);
    expect(ys.length).toBeGreaterThan(3);
    expect(rows.get(ys[0])).toHaveLength(1); // the root
    for (const [i, y] of ys.entries()) {
      const row = rows.get(y)!.sort((a, b) => a.x - b.x);
      for (let j = 1; j < row.length; j++) expect(row[j].x).toBeGreaterThanOrEqual(row[j - 1].x + row[j - 1].w - 0.5);
      if (i === 0) continue;
      const above = rows.get(ys[i - 1])!;
      for (const b of row) expect(above.some((p) => b.x >= p.x - 0.5 && b.x + b.w <= p.x + p.w + 0.5)).toBe(true);
    }
  });

  test('names that are HTML and script payloads are drawn as text and run nothing', async ({ page }) => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const script = '<script>window.__pwned=2</script>';
    const b = new ProfileBuilder();
    b.addSampleType('samples', 'count');
    const m = b.addMapping({ start: 0x1000n, limit: 0x2000n, file: b.string('/bin/x'), hasFunctions: true });
    const f1 = b.addFunction(payload, payload, 'a.go', 1);
    const f2 = b.addFunction(script, script, 'b.go', 1);
    const l1 = b.addLocation(0x1100n, m, [{ function: f1, line: 2 }]);
    const l2 = b.addLocation(0x1200n, m, [{ function: f2, line: 3 }]);
    b.addSample([l1, l2], [3]);
    b.addSample([l2], [1]);
    await openFlame(page, { name: 'hostile.pb', buffer: Buffer.from(encodeProto(b.build())) });
    await expect(chart(page).getByText(`${payload} a.go`, { exact: true })).toBeVisible();
    await frame(page, new RegExp(`^${escape(script)} b\\.go: total 4 `)).hover();
    await expect(page.getByRole('tooltip')).toContainText(`${script} b.go`);
    await frame(page, new RegExp(`^${escape(payload)} a\\.go: `)).click({ button: 'right' });
    await expect(page.getByRole('menu', { name: `Actions for ${payload}` })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#root img, #root script, #root iframe').count()).toBe(0);
  });
});
