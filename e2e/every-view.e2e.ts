// Every view of the VIEW menu on every kind of profile, found the way a person
// (or an outside checker) finds them: by role and accessible name. Each test
// opens one profile and visits Top, Graph, Flame Graph, Peek and Source in
// turn (one page load per profile): each must show something meaningful for
// that profile (rows, nodes, frames, the searched function, or the page's
// clear message when there is nothing), never an alert. Profiles with several
// sample types also switch SAMPLE in one view. The custom `test` fails on any
// console error, uncaught exception or dialog.
// Profiles: the Go fixtures of open-profiles.e2e.ts, pprof's legacy formats,
// and edge cases written here with the project's encoder.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { ProfileBuilder } from '../src/core/profile/builder';
import { encodeProto } from '../src/core/profile/encode-proto';
import { PPROF_TESTDATA } from '../test/fixtures';
import { expect, fixture, goldenType, openApp, openWithDrop, openWithPicker, parseValueLabel, test } from './helpers';

// The graph's first layout starts Graphviz's WebAssembly; the machine is a loaded 2-core one.
test.describe.configure({ timeout: 90_000 });
const SLOW = { timeout: 30_000 };

type View = 'Top' | 'Graph' | 'Flame Graph' | 'Peek' | 'Source';
const VIEWS: View[] = ['Top', 'Graph', 'Flame Graph', 'Peek', 'Source'];

interface Case {
  file: string; // the name the page shows
  bytes: () => Buffer;
  via: 'picker' | 'drop';
  /** The title's `Type:` line once opened (from a golden or the generator); unchecked when absent. */
  type?: string;
  /** No sample with a non-zero value: every view shows the page's empty-profile note. */
  empty?: boolean;
  /** No function names (addresses and mappings only): Peek and Source say that nothing matches. */
  unsymbolized?: boolean;
  /** Where to switch SAMPLE, when the profile has several sample types. */
  switchIn?: View;
  /** Extra checks for what makes the case special, run in the given view. */
  extra?: Partial<Record<View, (page: Page) => Promise<void>>>;
}

// ---------------------------------------------------------------- the profiles

const read = (file: string) => () => fs.readFileSync(file);

/**
 * The Go fixtures of open-profiles.e2e.ts, one of each kind, with the Type of
 * their golden. Left out for time: allocs (heap's four types), allocs.delta
 * (as heap.delta), cpu.http, cpu.base and cpu.new (as cpu), threadcreate (as
 * goroutine, smaller), and large (long-tasks.e2e.ts visits every view of it).
 */
const GO_CASES: Case[] = (
  [
    ['cpu.pb.gz', 'cpu', 'Top'],
    ['heap.pb.gz', 'heap', 'Graph'],
    ['goroutine.pb.gz', 'goroutine'],
    ['mutex.pb.gz', 'mutex', 'Flame Graph'],
    ['block.pb.gz', 'block', 'Source'],
    ['heap.delta.pb.gz', 'heap.delta', 'Flame Graph'],
    ['heap.debug1.txt', 'heap.debug1', 'Peek'],
    ['goroutine.debug1.txt', 'goroutine.debug1'],
    ['goroutine.debug2.txt', 'goroutine'], // same moment as goroutine.pb.gz (fixtures README)
  ] as [string, string, View?][]
).map(([file, dir, switchIn], i) => ({
  file,
  bytes: read(fixture(file)),
  via: i % 2 === 0 ? 'picker' : 'drop',
  type: goldenType(`${dir}/top.txt`),
  switchIn,
}));

/** pprof's own parser test data in legacy formats; the default type is the last one its `.string` lists. */
function legacyType(file: string): string {
  const lines = fs.readFileSync(path.join(PPROF_TESTDATA, `${file}.string`), 'utf8').split('\n');
  const types = lines[lines.indexOf('Samples:') + 1].trim().split(/\s+/);
  return types[types.length - 1].split('/')[0];
}

const LEGACY_CASES: Case[] = (
  [
    { file: 'cppbench.heap', switchIn: 'Graph', unsymbolized: true }, // heap text (heap_v2)
    { file: 'cppbench.contention', switchIn: 'Top', unsymbolized: true }, // --- contentionz
    { file: 'cppbench.thread', unsymbolized: true }, // --- threadz
    { file: 'cppbench.cpu', switchIn: 'Flame Graph', unsymbolized: true }, // gperftools binary CPU profile
    { file: 'java.heap', switchIn: 'Top' }, // --- heapz, with function names
  ] as Pick<Case, 'file' | 'switchIn' | 'unsymbolized'>[]
).map((c, i): Case => ({
  ...c,
  bytes: read(path.join(PPROF_TESTDATA, c.file)),
  via: i % 2 === 0 ? 'drop' : 'picker',
  type: legacyType(c.file),
}));

/** A CPU profile (samples/count, cpu/nanoseconds) with main.main and the given extra functions. */
function cpuProfile(fill: (b: ProfileBuilder, loc: (fn: string) => number) => void): Buffer {
  const b = new ProfileBuilder();
  b.addSampleType('samples', 'count');
  b.addSampleType('cpu', 'nanoseconds');
  b.periodType = b.valueType('cpu', 'nanoseconds');
  b.period = 10_000_000;
  b.durationNanos = 1e9;
  b.timeNanos = 1_700_000_000_000_000_000n;
  const m = b.addMapping({ start: 0x400000n, limit: 0x800000n, file: b.string('/bin/prog'), hasFunctions: true });
  const locs = new Map<string, number>();
  const loc = (fn: string): number => {
    let l = locs.get(fn);
    if (l === undefined) {
      const f = b.addFunction(fn, fn, 'prog/main.go', 1);
      l = b.addLocation(BigInt(0x401000 + locs.size * 0x100), m, [{ function: f, line: 10 + locs.size }]);
      locs.set(fn, l);
    }
    return l;
  };
  fill(b, loc);
  return zlib.gzipSync(encodeProto(b.build()));
}

const LONG_NAME = 'main.Long' + 'x'.repeat(50_000 - 'main.Long'.length);
const SIX_TYPES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];

const EDGE_CASES: Case[] = [
  {
    file: 'zero-samples.pb.gz',
    bytes: () => cpuProfile(() => {}),
    via: 'drop',
    type: 'cpu',
    empty: true,
  },
  {
    file: 'one-sample.pb.gz',
    bytes: () => cpuProfile((b, loc) => b.addSample([loc('main.work'), loc('main.main')], [1, 10_000_000])),
    via: 'picker',
    type: 'cpu',
    switchIn: 'Graph',
    extra: { 'Flame Graph': focusOnNothing },
  },
  {
    file: 'all-zero.pb.gz',
    bytes: () =>
      cpuProfile((b, loc) => {
        b.addSample([loc('main.work'), loc('main.main')], [0, 0]);
        b.addSample([loc('main.main')], [0, 0]);
      }),
    via: 'drop',
    type: 'cpu',
    empty: true,
  },
  {
    file: 'deep-recursion.pb.gz',
    bytes: () =>
      cpuProfile((b, loc) => {
        const stack = [loc('main.leaf'), ...Array<number>(4_998).fill(loc('main.recurse')), loc('main.main')];
        expect(stack.length).toBe(5_000);
        b.addSample(stack, [3, 30_000_000]);
        b.addSample(stack.slice(2_500), [1, 10_000_000]);
      }),
    via: 'picker',
    type: 'cpu',
    switchIn: 'Flame Graph',
    extra: { 'Flame Graph': deepFlame },
  },
  {
    file: 'long-name.pb.gz',
    bytes: () =>
      cpuProfile((b, loc) => {
        b.addSample([loc(LONG_NAME), loc('main.main')], [2, 20_000_000]);
        b.addSample([loc('main.main')], [1, 10_000_000]);
      }),
    via: 'drop',
    type: 'cpu',
    extra: { Top: longNameTop, Graph: readableGraph },
  },
  {
    file: 'unsymbolized.pb.gz',
    bytes: () => {
      const b = new ProfileBuilder();
      b.addSampleType('samples', 'count');
      b.addSampleType('cpu', 'nanoseconds');
      const m = b.addMapping({ start: 0x400000n, limit: 0x500000n, file: b.string('/usr/bin/stripped') });
      const [a, c, d] = [0x401000n, 0x402000n, 0x403000n].map((addr) => b.addLocation(addr, m, []));
      b.addSample([d, c, a], [3, 30_000_000]);
      b.addSample([c, a], [1, 10_000_000]);
      return zlib.gzipSync(encodeProto(b.build()));
    },
    via: 'picker',
    type: 'cpu',
    unsymbolized: true,
    switchIn: 'Top',
  },
  {
    file: 'six-types.pb.gz',
    bytes: () => {
      const b = new ProfileBuilder();
      for (const t of SIX_TYPES) b.addSampleType(t, 'count');
      const m = b.addMapping({ start: 0x1000n, limit: 0x9000n, file: b.string('/bin/prog'), hasFunctions: true });
      const f0 = b.addFunction('main.main', 'main.main', 'main.go', 1);
      const f1 = b.addFunction('main.work', 'main.work', 'main.go', 10);
      const l0 = b.addLocation(0x1100n, m, [{ function: f0, line: 5 }]);
      const l1 = b.addLocation(0x1200n, m, [{ function: f1, line: 12 }]);
      // Every type has its own total and its own leader.
      b.addSample([l1, l0], [1, 2, 3, 4, 5, 6]);
      b.addSample([l0], [60, 50, 40, 30, 20, 10]);
      return zlib.gzipSync(encodeProto(b.build()));
    },
    via: 'drop',
    type: 'zeta', // no default_sample_type: pprof shows the last
    switchIn: 'Peek',
    extra: { Source: everyType },
  },
  {
    file: 'all-shrank.pb.gz',
    bytes: () => {
      const b = new ProfileBuilder();
      b.addSampleType('inuse_objects', 'count');
      b.addSampleType('inuse_space', 'bytes');
      b.defaultSampleType = b.string('inuse_space');
      const m = b.addMapping({ start: 0x1000n, limit: 0x9000n, file: b.string('/bin/prog'), hasFunctions: true });
      const f0 = b.addFunction('main.main', 'main.main', 'main.go', 1);
      const f1 = b.addFunction('main.alloc', 'main.alloc', 'main.go', 10);
      const l0 = b.addLocation(0x1100n, m, [{ function: f0, line: 5 }]);
      const l1 = b.addLocation(0x1200n, m, [{ function: f1, line: 12 }]);
      b.addSample([l1, l0], [-3, -3072]);
      b.addSample([l0], [-1, -1024]);
      return zlib.gzipSync(encodeProto(b.build()));
    },
    via: 'picker',
    type: 'inuse_space',
    switchIn: 'Graph',
    extra: { Top: negativeTop, 'Flame Graph': negativeFlame },
  },
];

// ---------------------------------------------------------------- the page

const host = (page: Page, view: View) => page.getByRole('region', { name: `${view} view` });
const title = (page: Page) => page.getByRole('region', { name: 'Profile details' });
const topTable = (page: Page) => page.getByRole('table', { name: 'Top functions' });
const callGraph = (page: Page) => page.getByRole('img', { name: 'Call graph' });
const flameChart = (page: Page) => page.getByRole('img', { name: 'Flame graph' });
const EMPTY_NOTE = /^(This profile has no samples|Every sample of this profile has the value 0)/;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "prefix name", matched whole; a very long name by its start (a failure then prints a readable matcher). */
function named(prefix: string, name: string): RegExp {
  const whole = `${prefix} ${name}`.trimStart();
  return new RegExp(`^${escapeRe(whole.slice(0, 200))}${whole.length > 200 ? '' : '$'}`);
}

async function pick(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

/** The view's answer is on screen (not "Computing", not busy), with no alert. */
async function settled(page: Page, view: View): Promise<void> {
  await expect(host(page, view)).toHaveAttribute('aria-busy', 'false', SLOW);
  await expect(host(page, view).getByText(/^Computing the /)).toHaveCount(0, SLOW);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

/** The sample types of the summary table under the view, with their exact totals. */
async function sampleTotals(page: Page): Promise<Map<string, number>> {
  const rows = page.getByRole('table', { name: 'Sample types' }).locator('tbody tr');
  const out = new Map<string, number>();
  for (const row of await rows.all()) {
    out.set(await row.locator('th .type-name').innerText(), Number((await row.locator('td').nth(2).innerText()).replace(/,/g, '')));
  }
  return out;
}

/** The legend's "... of T total" is the exact total of the type, as pprof rounds it. */
async function expectLegendTotal(page: Page, exact: number): Promise<void> {
  const legend = title(page).getByText(/^Showing nodes accounting for .* of \S+ total$/);
  await expect(legend).toBeVisible();
  const shown = parseValueLabel(/of (\S+) total$/.exec(await legend.innerText())![1]);
  expect(Math.abs(shown.value - exact), `legend total ${shown.value} vs ${exact}`).toBeLessThanOrEqual(shown.tolerance);
}

/** The names in the Top table's first rows, as its Name cells give them (inline marks dropped). */
async function topNames(page: Page, n: number): Promise<string[]> {
  const rows = topTable(page).getByRole('row');
  const count = Math.min(n, (await rows.count()) - 1);
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    const t = (await rows.nth(i).getByRole('cell').nth(5).getAttribute('title')) ?? '';
    out.push(t.replace(/ \((partial-)?inline\)$/, ''));
  }
  return out;
}

// ---------------------------------------------------------------- one check per view

async function checkTop(page: Page): Promise<void> {
  const table = topTable(page);
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  expect(Number(await table.getAttribute('aria-rowcount'))).toBeGreaterThan(1);
  // Sorted by |flat|: the first row carries samples, and the legend accounts for them.
  const [flat, flatPct, , cum] = (await rows.nth(1).getByRole('cell').allTextContents()).map((t) => t.trim());
  expect(flat, 'the first row has a flat value').not.toBe('0');
  expect(flatPct).toMatch(/^\d+(\.\d+)?%$/);
  expect(cum).not.toBe('0');
  await expect(title(page).getByText(/^Showing nodes accounting for /)).toBeVisible();
}

async function checkGraph(page: Page): Promise<void> {
  const g = callGraph(page);
  await expect(g.getByRole('button').first()).toBeVisible(SLOW);
  await expect(g).not.toHaveAttribute('data-drawing', SLOW);
  // Each node is named by its function and its numbers.
  await expect(g.getByRole('button').first()).toHaveAttribute('aria-label', /: flat \S+ \(.*\), cum \S+ \(.*\)$/);
}

async function checkFlame(page: Page): Promise<void> {
  const chart = flameChart(page);
  await expect(chart.getByRole('button', { name: /^root: total / })).toBeVisible(SLOW);
  await expect(chart).not.toHaveAttribute('data-drawing', SLOW);
  // Frames below the root: the profile's stacks.
  await expect(chart.getByRole('button', { name: /^(?!root: )/ }).first()).toBeVisible();
}

async function checkPeek(page: Page, c: Case, symbol: string): Promise<void> {
  const view = host(page, 'Peek');
  if (c.unsymbolized) {
    // Not a function: the page says why there is nothing to show.
    await expect(view.getByRole('status').filter({ hasText: /^No function matches “.*”\. .* have no function name/ })).toBeVisible();
    return;
  }
  const t = view.getByRole('table', { name: named('Callers and callees of', symbol) });
  await expect(t).toBeVisible(SLOW);
  await expect(t.getByRole('rowheader')).toHaveText(named('', symbol));
  await expect(t.getByRole('columnheader')).toHaveText(['Flat', 'Flat%', 'Sum%', 'Cum', 'Cum%', 'Calls', 'Calls%', 'Function']);
}

async function checkSource(page: Page, c: Case, symbol: string): Promise<void> {
  const view = host(page, 'Source');
  if (c.unsymbolized) {
    // Not a function: the page says why there is nothing to show.
    await expect(view.getByRole('status').filter({ hasText: /^No function matches “.*”\. .* have no function name/ })).toBeVisible();
    return;
  }
  const r = view.getByRole('region', { name: named('Source of', symbol) }).first();
  await expect(r).toBeVisible(SLOW);
  // Its lines with their numbers, or the page's word that the profile has no file or line for it.
  const lines = r.getByRole('table', { name: named('Lines of', symbol) });
  await expect(lines.or(r.getByText('No source information for this function in the profile.'))).toBeVisible();
}

/** Visits a view with the VIEW menu and checks what it shows. */
async function visit(page: Page, c: Case, view: View, symbol: string): Promise<void> {
  await pick(page, 'VIEW', view);
  await settled(page, view);
  if (c.empty) {
    // One clear sentence instead of a blank chart or an empty table.
    await expect(host(page, view).getByRole('status').filter({ hasText: EMPTY_NOTE })).toBeVisible();
    return;
  }
  await check(page, c, view, symbol);
}

async function check(page: Page, c: Case, view: View, symbol: string): Promise<void> {
  if (view === 'Top') await checkTop(page);
  if (view === 'Graph') await checkGraph(page);
  if (view === 'Flame Graph') await checkFlame(page);
  if (view === 'Peek') await checkPeek(page, c, symbol);
  if (view === 'Source') await checkSource(page, c, symbol);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

/** SAMPLE: another type with samples; the title's Type line and the view follow. */
async function switchSample(page: Page, c: Case, view: View, symbol: string): Promise<void> {
  const totals = await sampleTotals(page);
  const current = /^Type: (\S+)$/.exec(await title(page).getByText(/^Type: /).innerText())![1];
  const next = [...totals].find(([t, total]) => t !== current && total > 0);
  if (!next) return;
  await pick(page, 'SAMPLE', next[0]);
  await expect(page).toHaveURL(new RegExp(`[?&]si=${escapeRe(next[0])}(&|$)`));
  await expect(title(page).getByText(/^Type: /)).toHaveText(`Type: ${next[0]}`, SLOW);
  await settled(page, view);
  // Source's title has no legend.
  if (view !== 'Source') await expectLegendTotal(page, next[1]);
  await check(page, c, view, symbol);
}

// ---------------------------------------------------------------- what makes a case special

/** 5,000 frames deep: the chart draws its widest frames and says the rest are left out; zooming in works. */
async function deepFlame(page: Page): Promise<void> {
  const chart = flameChart(page);
  await expect(page.getByText(/ \d+ frames drawn; the rest are left out/)).toBeVisible();
  const frames = chart.getByRole('button', { name: /^main\.recurse / });
  expect(await frames.count()).toBeGreaterThan(100);
  await frames.nth(10).click();
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeVisible(SLOW);
  await expect(chart).not.toHaveAttribute('data-drawing', SLOW);
  // Re-rooted below the faded path: the chart is drawn again, not left blank.
  await expect(frames.first()).toBeVisible();
  expect(await frames.count()).toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toHaveCount(0, SLOW);
}

/** A focus that matches no sample: the flame graph says so, rather than a blank chart; Reset brings it back. */
async function focusOnNothing(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill('no_function_matches_this');
  await pick(page, 'REFINE', 'Focus');
  await settled(page, 'Flame Graph');
  await expect(title(page).getByText('Active filters:')).toBeVisible(SLOW);
  await expect(host(page, 'Flame Graph').getByRole('status').filter({ hasText: 'No frames to show for these options.' })).toBeVisible();
  await expect(page.getByText(/frames drawn; the rest are left out/)).toHaveCount(0);
  await pick(page, 'REFINE', 'Reset');
  await settled(page, 'Flame Graph');
  await checkFlame(page);
}

/** The 50,000-character name is whole in its row, and does not widen the page. */
async function longNameTop(page: Page): Promise<void> {
  expect((await topNames(page, 2)).some((n) => n === LONG_NAME), 'the long name, whole, in the Top table').toBe(true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(1);
}

/** Every node is drawn at a size one can read (a huge label once shrank the graph to zoom 0%), and keeps its whole name. */
async function readableGraph(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Zoom level' })).not.toHaveText('0%');
  const nodes = callGraph(page).getByRole('button');
  for (const node of await nodes.all()) {
    const box = await node.boundingBox();
    expect(box?.height ?? 0, `${((await node.getAttribute('aria-label')) ?? '').slice(0, 40)}… is drawn readable`).toBeGreaterThan(20);
  }
  const labels = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels.some((l) => l.startsWith(`${LONG_NAME}: flat `)), 'the long node is named in full').toBe(true);
}

/** Everything shrank: negative flat values in Top. */
async function negativeTop(page: Page): Promise<void> {
  const cells = topTable(page).getByRole('row').nth(1).getByRole('cell');
  await expect(cells.nth(0)).toHaveText(/^-/);
  await expect(cells.nth(3)).toHaveText(/^-/);
}

/** Everything shrank: the flame graph is a diff, every frame a shrinkage. */
async function negativeFlame(page: Page): Promise<void> {
  await expect(host(page, 'Flame Graph').getByText('shrinkage')).toBeVisible();
  const names = await flameChart(page)
    .getByRole('button', { name: /^(?!root: )/ })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toMatch(/: total -/);
}

/** Six sample types: each one, picked in SAMPLE, titles the view with its own total. */
async function everyType(page: Page): Promise<void> {
  const totals = await sampleTotals(page);
  expect([...totals.keys()]).toEqual(SIX_TYPES);
  await page.getByRole('banner').getByRole('button', { name: 'SAMPLE', exact: true }).click();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(SIX_TYPES.map((t) => new RegExp(t)));
  await page.keyboard.press('Escape');
  await pick(page, 'VIEW', 'Top');
  for (const t of SIX_TYPES) {
    await pick(page, 'SAMPLE', t);
    await expect(title(page).getByText(/^Type: /)).toHaveText(`Type: ${t}`, SLOW);
    await settled(page, 'Top');
    await expectLegendTotal(page, totals.get(t)!);
  }
}

// ---------------------------------------------------------------- the tests

async function open(page: Page, c: Case): Promise<void> {
  await openApp(page);
  if (c.via === 'picker') await openWithPicker(page, { name: c.file, buffer: c.bytes() });
  else await openWithDrop(page, c.file, c.bytes());
  await expect(page.getByRole('heading', { level: 2, name: c.file, exact: true })).toBeVisible(SLOW);
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false', SLOW);
  await settled(page, 'Top');
  if (c.type) await expect(title(page).getByText(/^Type: /)).toHaveText(`Type: ${c.type}`);
}

/** What Peek and Source look for: the first function of the Top table (a mapping or <unknown> is no function). */
async function chooseSymbol(page: Page, c: Case): Promise<string> {
  if (c.empty) return 'main';
  const names = await topNames(page, 10);
  const fn = names.find((n) => !/^(\[.*\]|<unknown>)$/.test(n));
  if (c.unsymbolized) {
    expect(fn, 'an unsymbolized profile has no function names').toBeUndefined();
    return names[0];
  }
  expect(fn, 'a function among the first rows').toBeDefined();
  return fn!;
}

for (const c of [...GO_CASES, ...LEGACY_CASES, ...EDGE_CASES]) {
  test(`${c.file}: every view shows it`, async ({ page }) => {
    await open(page, c);
    let symbol = '';
    for (const view of VIEWS) {
      if (view === 'Peek') {
        // Peek and Source take the search text as their functions, as pprof's links do.
        const re = `^${escapeRe(symbol.slice(0, 200))}${symbol.length > 200 ? '' : '$'}`;
        await page.getByRole('searchbox', { name: 'Search' }).fill(re);
      }
      await visit(page, c, view, symbol);
      if (view === 'Top') symbol = await chooseSymbol(page, c);
      await c.extra?.[view]?.(page);
      if (view === c.switchIn) await switchSample(page, c, view, symbol);
    }
  });
}
