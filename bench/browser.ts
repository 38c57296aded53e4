// The web app's speed in headless Chromium (issue 4): open a profile with the
// "Open profile" file input and time it to the flame graph drawn, with the
// longest main-thread task meanwhile; the tab's memory after opening a
// generated 1 M-sample profile; then switching sample type, searching,
// focusing, zooming (a flame graph frame) and resizing, each with its longest
// main-thread task up to the DOM settled.
//
//   npm run build && npx tsx bench/browser.ts [--samples=1000000] [--runs=3]
//     [--no-generated] [--dist=dist] [--view=flamegraph|top]
//   (TSPROF_CHROMIUM overrides /usr/bin/chromium; --view=top times the Top
//   table instead of the flame graph, to tell reading from drawing)
//
// Every run gets a fresh browser (a clean renderer, so its peak RSS is this
// run's). Times are the page's own clock (see browser-page.ts). Nothing is
// asserted: a step that cannot be measured in this build says why.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { GO } from '../test/fixtures';
import { chromiumProcesses, mainHeapMB, tabRenderer, workerHeapMB } from './browser-memory';
import { CLICK_FLAME_FRAME, INIT_SCRIPT, MILESTONES, OTHER_MENU_ITEM, longTaskStats, menuItem, timedAction, type PageBench } from './browser-page';
import { serveStatic } from './browser-server';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/chromium';
import { flag, generatedProfile, loadNote, median, numFlag, type Figure } from './util';


type View = 'flamegraph' | 'top';
const VIEW_MILESTONE: Record<View, { name: string; what: string }> = {
  flamegraph: { name: 'flame graph drawn', what: 'flame graph (role img "Flame graph" with frames)' },
  top: { name: 'Top table drawn', what: 'Top table (role table "Top functions" with rows)' },
};

interface Input {
  label: string;
  file: string;
  loadTimeoutMs: number;
  /** A regexp for REFINE > Focus that matches some of the profile's functions. */
  focus: string;
  targetMs: number;
}

/** A figure of one run, or why it could not be measured. */
type Reading = number | { missing: string };

/** The metrics of one run, by name (see METRICS), and the load average at its end. */
interface RunResult {
  milestone: string;
  readings: Map<string, Reading>;
  load1: number;
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

async function bench(page: Page): Promise<PageBench> {
  return (await page.evaluate('window.__bench')) as PageBench;
}

/** Waits for a milestone of the load: the view drawn, or the summary in a build without views. */
async function waitLoaded(page: Page, view: View, timeoutMs: number): Promise<{ milestone: string; at: number } | { error: string }> {
  const deadline = Date.now() + timeoutMs;
  let summaryAt = 0;
  while (Date.now() < deadline) {
    const b = await bench(page);
    if (b.marks[view] !== undefined) return { milestone: VIEW_MILESTONE[view].name, at: b.marks[view] };
    const alert = await page.evaluate(`(() => { const a = document.querySelector('[role="alert"]'); return a ? a.textContent : null; })()`);
    if (typeof alert === 'string' && alert !== '') return { error: `the page shows an error: ${alert.slice(0, 160)}` };
    if (b.marks.summary !== undefined && b.marks.host === undefined) {
      // A build without the views: the summary is all there is.
      if (!summaryAt) summaryAt = Date.now();
      else if (Date.now() - summaryAt > 2000) return { milestone: 'summary shown (no views in this build)', at: b.marks.summary };
    }
    await sleep(50);
  }
  const b = await bench(page);
  if (b.marks.host !== undefined) return { error: `no ${VIEW_MILESTONE[view].what} within ${timeoutMs / 1000} s` };
  return { error: `nothing shown within ${timeoutMs / 1000} s` };
}

async function exists(page: Page, role: 'button' | 'searchbox', name: string): Promise<boolean> {
  return (await page.getByRole(role, { name, exact: true }).count()) > 0;
}

type Timed = { t0: number; answered: number; settled: number };

/** Switches to the other sample type with the SAMPLE menu; ms to the view updated. */
async function switchSample(page: Page): Promise<Timed | string> {
  if (!(await exists(page, 'button', 'SAMPLE'))) return 'no SAMPLE menu (one sample type, or not in this build)';
  await page.getByRole('button', { name: 'SAMPLE', exact: true }).click({ timeout: 10_000 });
  return (await page.evaluate(timedAction(`(${OTHER_MENU_ITEM}).click()`, 30_000))) as Timed;
}

/** Page-clock window of `act` until the DOM settles (300 ms quiet, nothing drawing). */
async function settledWindow(page: Page, act: () => Promise<unknown>): Promise<{ from: number; to: number }> {
  const from = (await page.evaluate('performance.now()')) as number;
  await act();
  await page.evaluate('window.__bench.settled(300, 20000)');
  return { from, to: (await page.evaluate('performance.now()')) as number };
}

/** Types `re` in the search box: the views highlight the matches (debounced). */
async function search(page: Page, re: string): Promise<{ from: number; to: number } | string> {
  if (!(await exists(page, 'searchbox', 'Search'))) return 'no search box in this build';
  return settledWindow(page, async () => {
    await page.getByRole('searchbox', { name: 'Search', exact: true }).fill(re, { timeout: 10_000 });
    await sleep(400); // the search box's debounce
  });
}

/** REFINE > Focus on the search text, else `f=` in the URL and a popstate. */
async function setFocus(page: Page, re: string): Promise<Timed | string> {
  if ((await exists(page, 'searchbox', 'Search')) && (await exists(page, 'button', 'REFINE'))) {
    await page.getByRole('button', { name: 'REFINE', exact: true }).click({ timeout: 10_000 });
    return (await page.evaluate(timedAction(`(${menuItem('Focus')}).click()`, 30_000))) as Timed;
  }
  if (!(await page.evaluate(MILESTONES.viewHost))) return 'no views in this build';
  const action = `(() => { const u = new URL(location.href); u.searchParams.set('f', ${JSON.stringify(re)}); history.pushState(null, '', u); dispatchEvent(new PopStateEvent('popstate')); })()`;
  return (await page.evaluate(timedAction(action, 30_000))) as Timed;
}

/** Clicks a flame graph frame (the engine re-roots the tree there). */
async function zoom(page: Page, view: View): Promise<Timed | string> {
  if (view !== 'flamegraph') return 'not the flame graph';
  return (await page.evaluate(timedAction(CLICK_FLAME_FRAME, 30_000))) as Timed;
}

/** The metrics, in the table's order: name, unit, target, and whether only the generated profile has it. */
const METRICS: { key: string; unit: 'ms' | 'MB' | 's' | 'n'; target?: string; memory?: boolean }[] = [
  { key: 'open -> profile read (views shown)', unit: 'ms' },
  { key: 'open -> drawn', unit: 'ms' },
  { key: 'open -> drawn and settled', unit: 'ms' },
  { key: 'longest main-thread task while opening', unit: 'ms', target: '< 50 ms' },
  { key: 'long tasks while opening', unit: 'n' },
  { key: 'total blocking time while opening', unit: 'ms' },
  { key: 'renderer CPU while opening (page + worker)', unit: 's' },
  { key: 'renderer peak RSS (page + worker)', unit: 'MB', target: '< 2 GB', memory: true },
  { key: 'renderer RSS after opening', unit: 'MB', memory: true },
  { key: 'all Chromium processes RSS after opening', unit: 'MB', memory: true },
  { key: 'main-thread JS heap after opening', unit: 'MB', memory: true },
  { key: 'worker JS heap after opening', unit: 'MB', memory: true },
  { key: 'SAMPLE switch -> view updated', unit: 'ms', target: '< 100 ms' },
  { key: 'SAMPLE switch -> DOM settled', unit: 'ms' },
  { key: 'longest task: SAMPLE switch', unit: 'ms', target: '< 50 ms' },
  { key: 'longest task: search', unit: 'ms', target: '< 50 ms' },
  { key: 'focus -> view updated', unit: 'ms', target: '< 100 ms' },
  { key: 'focus -> DOM settled', unit: 'ms' },
  { key: 'longest task: focus', unit: 'ms', target: '< 50 ms' },
  { key: 'zoom -> view updated', unit: 'ms' },
  { key: 'longest task: zoom', unit: 'ms', target: '< 50 ms' },
  { key: 'longest task: resize', unit: 'ms', target: '< 50 ms' },
  { key: 'longest main-thread task while interacting', unit: 'ms', target: '< 50 ms' },
];

async function measureOnce(url: string, input: Input, view: View): Promise<RunResult> {
  const readings = new Map<string, Reading>();
  const r: RunResult = { milestone: '-', readings, load1: 0 };
  const set = (key: string, v: number | string) => readings.set(key, typeof v === 'string' ? { missing: v } : v);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${url}?view=${view}`, { timeout: 30_000 });
    await page.locator('main[aria-busy="false"]').waitFor({ timeout: 30_000 });
    const name = path.basename(input.file);
    const T = input.loadTimeoutMs;
    await page.evaluate(`(() => {
      const b = window.__bench;
      b.watch('flamegraph', () => ${MILESTONES.flame}, ${T});
      b.watch('top', () => ${MILESTONES.top}, ${T});
      b.watch('summary', () => ${MILESTONES.summary(name)}, ${T});
      b.watch('host', () => ${MILESTONES.viewHost}, ${T});
    })()`);
    const cpuBefore = new Map((await chromiumProcesses(browser)).map((p) => [p.pid, p.cpuSeconds]));
    await page.getByRole('region', { name: 'Open profile' }).locator('input[type=file]').setInputFiles(input.file, { timeout: 60_000 });
    const loaded = await waitLoaded(page, view, T);
    const b = await bench(page);
    if (b.handedAt === null) throw new Error('the file input saw no input/change event');
    if (b.marks.host !== undefined) set('open -> profile read (views shown)', b.marks.host - b.handedAt);
    const end = 'error' in loaded ? ((await page.evaluate('performance.now()')) as number) : loaded.at;
    if ('error' in loaded) {
      set('open -> drawn', `${loaded.error} (${FORMAT.ms(end - b.handedAt)} after the file was handed over)`);
    } else {
      r.milestone = loaded.milestone;
      set('open -> drawn', loaded.at - b.handedAt);
    }
    // Long tasks up to the drawing settled (every flame graph tile drawn), or to the error.
    let settledAt = end;
    if (!('error' in loaded)) {
      settledAt = Math.max(end, (await page.evaluate('window.__bench.settled(300, 30000)')) as number);
      set('open -> drawn and settled', settledAt - b.handedAt);
    }
    if (b.longTaskError) set('longest main-thread task while opening', `no long task observer: ${b.longTaskError}`);
    else {
      const lt = longTaskStats((await bench(page)).longTasks, b.handedAt, settledAt);
      set('longest main-thread task while opening', lt.max);
      set('long tasks while opening', lt.count);
      set('total blocking time while opening', lt.blocking);
    }
    const procs = await chromiumProcesses(browser);
    const renderer = tabRenderer(procs);
    if (renderer) {
      set('renderer CPU while opening (page + worker)', renderer.cpuSeconds - (cpuBefore.get(renderer.pid) ?? 0));
      set('renderer peak RSS (page + worker)', renderer.peakMB);
      set('renderer RSS after opening', renderer.rssMB);
      set('all Chromium processes RSS after opening', procs.reduce((s, p) => s + p.rssMB, 0));
    } else set('renderer peak RSS (page + worker)', 'no renderer process found (CDP SystemInfo or /proc unavailable)');
    set('main-thread JS heap after opening', await mainHeapMB(page));
    const wh = await workerHeapMB(page);
    set('worker JS heap after opening', Number.isNaN(wh) ? 'performance.memory is not exposed in workers: see the renderer RSS' : wh);
    if ('error' in loaded) {
      for (const m of METRICS) if (!readings.has(m.key)) set(m.key, 'the first view did not finish');
      return r;
    }

    // Interactions, after the first load: each with its longest task, up to its DOM settled.
    const from = (await page.evaluate('performance.now()')) as number;
    const longest = async (key: string, w: { from: number; to: number } | Timed | string) => {
      if (typeof w === 'string') return set(key, w);
      const [a, z] = 't0' in w ? [w.t0, w.t0 + w.settled] : [w.from, w.to];
      set(key, longTaskStats((await bench(page)).longTasks, a, z).max);
    };
    const fail = (e: unknown) => `failed: ${firstLine(e)}`;
    const s = await switchSample(page).catch(fail);
    set('SAMPLE switch -> view updated', typeof s === 'string' ? s : s.answered);
    set('SAMPLE switch -> DOM settled', typeof s === 'string' ? s : s.settled);
    await longest('longest task: SAMPLE switch', s);
    await longest('longest task: search', await search(page, input.focus).catch(fail));
    const f = await setFocus(page, input.focus).catch(fail);
    set('focus -> view updated', typeof f === 'string' ? f : f.answered);
    set('focus -> DOM settled', typeof f === 'string' ? f : f.settled);
    await longest('longest task: focus', f);
    const z = await zoom(page, view).catch(fail);
    set('zoom -> view updated', typeof z === 'string' ? z : z.answered);
    await longest('longest task: zoom', z);
    const rs = await settledWindow(page, () => page.setViewportSize({ width: 1000, height: 800 })).catch(fail);
    await longest('longest task: resize', rs);
    const to = (await page.evaluate('performance.now()')) as number;
    set('longest main-thread task while interacting', longTaskStats((await bench(page)).longTasks, from, to).max);
    return r;
  } finally {
    r.load1 = os.loadavg()[0];
    await browser?.close().catch(() => {});
  }
}

const FORMAT: Record<'ms' | 'MB' | 's' | 'n', (x: number) => string> = {
  ms: (x) => `${Math.round(x)} ms`,
  MB: (x) => `${Math.round(x)} MB`,
  s: (x) => `${x.toFixed(1)} s`,
  n: (x) => String(Math.round(x)),
};

/** Aligned columns; the numeric ones (2-4) to the right, the last (runs or why not measured) to the left. */
function printRows(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export async function runBrowser(args: string[]): Promise<Figure[]> {
  const runs = Math.max(1, numFlag(args, 'runs', 3));
  const samples = numFlag(args, 'samples', 1_000_000);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dist = path.resolve(here, '..', flag(args, 'dist') ?? 'dist');
  const view = (flag(args, 'view') ?? 'flamegraph') as View;
  if (!(view in VIEW_MILESTONE)) throw new Error(`--view=${view}: expected flamegraph or top`);
  const inputs: Input[] = [
    { label: 'go/large.pb.gz', file: path.join(GO, 'large.pb.gz'), loadTimeoutMs: 30_000, focus: 'layer03', targetMs: 1000 },
  ];
  if (flag(args, 'no-generated') === undefined && samples > 0) {
    inputs.push({
      label: `generated ${samples} samples`,
      file: generatedProfile(samples),
      loadTimeoutMs: 120_000,
      focus: 'genprof/internal/store',
      targetMs: 15_000,
    });
  }
  const server = await serveStatic(dist);
  const rows: string[][] = [['input', 'metric', 'median', 'target', 'load avg', 'runs, or why not measured']];
  const figures: Figure[] = [];
  console.log(`browser bench: ${CHROMIUM}, ${dist} on ${server.url}, ${runs} run(s) each, ${loadNote()}`);
  try {
    for (const input of inputs) {
      const results: RunResult[] = [];
      for (let i = 0; i < runs; i++) {
        try {
          const res = await measureOnce(server.url, input, view);
          results.push(res);
          const open = res.readings.get('open -> drawn');
          console.log(`${input.label} run ${i + 1}: ${typeof open === 'number' ? `${res.milestone} in ${FORMAT.ms(open)}` : (open?.missing ?? '?')} (load ${res.load1.toFixed(1)})`);
        } catch (e) {
          console.error(`${input.label} run ${i + 1} failed: ${firstLine(e)}`);
        }
      }
      const loads = results.map((r) => r.load1);
      const loadCol = loads.length ? `${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}` : '-';
      const milestone = [...new Set(results.map((r) => r.milestone).filter((m) => m !== '-'))].join(' / ') || 'drawn';
      for (const m of METRICS) {
        if (m.memory && input.targetMs <= 1000) continue; // the tab's memory matters for the big profile
        let metric = m.key.replace('open -> drawn', `open -> ${milestone}`);
        if (m.key.startsWith('focus')) metric = metric.replace('focus', `focus ${input.focus}`);
        const target = m.key === 'open -> drawn' ? `< ${input.targetMs / 1000} s` : (m.target ?? '');
        const all = results.map((r) => r.readings.get(m.key) ?? { missing: 'not reached' });
        const nums = all.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
        let value: string;
        let note: string;
        if (nums.length) {
          value = FORMAT[m.unit](median(nums));
          note = nums.map(FORMAT[m.unit]).join(' ');
        } else {
          value = '-';
          const why = all.find((x): x is { missing: string } => typeof x === 'object');
          note = `not measured: ${why?.missing ?? 'every run failed'}`;
        }
        rows.push([input.label, metric, value, target, loadCol, note]);
        figures.push({ bench: 'browser', input: input.label, metric, value: nums.length ? value : note });
      }
    }
  } finally {
    await server.close();
  }
  console.log(`\n== browser figures (headless Chromium, ${os.cpus().length} CPUs; load avg = 1-min /proc/loadavg range over the runs)`);
  printRows(rows);
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBrowser(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
