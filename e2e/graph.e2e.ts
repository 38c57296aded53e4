// The Graph view in a real browser: cpu.pb.gz's call graph laid out by
// Graphviz (WASM, in the worker) and drawn as SVG; its nodes carry the values
// of `go tool pprof -dot` (read from the golden), clicking selects, zoom and
// pan work, and a node's context menu refines the graph.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, fixture, openApp, openWithPicker, test } from './helpers';

const unescapeDot = (s: string) => s.replaceAll('\\"', '"').replaceAll('\\\\', '\\');

/** Each golden node's accessible name as the view gives it: "name: flat X (p%), cum Y (q%)". */
function goldenNodeNames(goldenFile: string): string[] {
  const dot = fs.readFileSync(fixture(goldenFile), 'utf8');
  const out: string[] = [];
  for (const m of dot.matchAll(/^N\d+ \[label="((?:[^"\\]|\\.)*)" .* tooltip="((?:[^"\\]|\\.)*) \([^()]*\)" color=/gm)) {
    const [label, name] = [m[1], unescapeDot(m[2])];
    let v: RegExpExecArray | null;
    // a value is "540ms" or "-1.50MB": no spaces, no DOT escapes
    if ((v = /\\n0 of ([^\\\s]+) \(([^)]+)\)$/.exec(label))) out.push(`${name}: flat 0 (0%), cum ${v[1]} (${v[2]})`);
    else if ((v = /\\n([^\\\s]+) \(([^)]+)\)\\nof ([^\\\s]+) \(([^)]+)\)$/.exec(label)))
      out.push(`${name}: flat ${v[1]} (${v[2]}), cum ${v[3]} (${v[4]})`);
    else if ((v = /\\n([^\\\s]+) \(([^)]+)\)$/.exec(label))) out.push(`${name}: flat ${v[1]} (${v[2]}), cum ${v[1]} (${v[2]})`);
    else throw new Error(`unexpected label in ${goldenFile}: ${label}`);
  }
  return out;
}

async function openGraph(page: Page, file: string): Promise<void> {
  await openApp(page);
  await openWithPicker(page, fixture(file));
  await page.getByRole('button', { name: 'VIEW', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Graph', exact: true }).click();
  // The first layout starts Graphviz's WebAssembly: give a loaded CI machine time.
  await expect(page.getByRole('img', { name: 'Call graph' }).getByRole('button').first()).toBeVisible({ timeout: 30_000 });
  // Drawn a chunk of nodes or edges per animation frame: all of them.
  await expect(page.getByRole('img', { name: 'Call graph' })).not.toHaveAttribute('data-drawing', { timeout: 30_000 });
}

const graph = (page: Page) => page.getByRole('img', { name: 'Call graph' });
const node = (page: Page, name: string) => graph(page).getByRole('button', { name, exact: true });
const zoomLevel = (page: Page) => page.getByRole('status', { name: 'Zoom level' });

test.describe('Graph view', () => {
  test.setTimeout(90_000);

  test('draws the nodes of -dot with their values', async ({ page }) => {
    await openGraph(page, 'cpu.pb.gz');
    const want = goldenNodeNames('cpu/dot.txt');
    expect(want.length).toBeGreaterThan(20);
    const got = await graph(page).getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect([...got].sort()).toEqual([...want].sort());
    await expect(node(page, want[0])).toBeVisible();
    // edges are drawn too, with weight labels
    expect(await graph(page).locator('.graph-edge').count()).toBeGreaterThan(want.length - 1);
  });

  test('draws a heap profile with its tag nodelets, values as -dot', async ({ page }) => {
    await openGraph(page, 'heap.pb.gz');
    const want = goldenNodeNames('heap/dot.txt');
    const got = await graph(page).getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect([...got].sort()).toEqual([...want].sort());
    const nodelets = [...fs.readFileSync(fixture('heap/dot.txt'), 'utf8').matchAll(/^NN?\d+_\d+(?:_\d+)? \[label/gm)].length;
    expect(nodelets).toBeGreaterThan(0);
    await expect(graph(page).locator('.graph-nodelet')).toHaveCount(nodelets);
  });

  test('clicking selects a node, shift-click adds one, clicking again clears', async ({ page }) => {
    await openGraph(page, 'cpu.pb.gz');
    const [a, b] = goldenNodeNames('cpu/dot.txt').slice(1, 3);
    await node(page, a).click();
    await expect(node(page, a)).toHaveAttribute('aria-pressed', 'true');
    await node(page, b).click({ modifiers: ['Shift'] });
    await expect(node(page, b)).toHaveAttribute('aria-pressed', 'true');
    await expect(node(page, a)).toHaveAttribute('aria-pressed', 'true');
    await node(page, b).click();
    await expect(node(page, a)).toHaveAttribute('aria-pressed', 'false');
    await expect(node(page, b)).toHaveAttribute('aria-pressed', 'true');
    await node(page, b).click();
    await expect(node(page, b)).toHaveAttribute('aria-pressed', 'false');
  });

  test('zooms with the buttons and the wheel, and pans by dragging', async ({ page }) => {
    await openGraph(page, 'cpu.pb.gz');
    const viewport = graph(page).locator('g').first();
    const level0 = await zoomLevel(page).textContent();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(zoomLevel(page)).not.toHaveText(level0 ?? '');
    const level1 = await zoomLevel(page).textContent();
    const box = (await graph(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await expect(zoomLevel(page)).not.toHaveText(level1 ?? '');
    const t0 = await viewport.getAttribute('transform');
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 90, { steps: 5 });
    await page.mouse.up();
    await expect(viewport).not.toHaveAttribute('transform', t0 ?? '');
    await page.getByRole('button', { name: 'Fit to window' }).click();
    await expect(zoomLevel(page)).toHaveText(/^\d+%$/);
  });

  test('the search box highlights the matching nodes', async ({ page }) => {
    await openGraph(page, 'cpu.pb.gz');
    const names = goldenNodeNames('cpu/dot.txt');
    const matching = names.filter((n) => /^runtime\.mallocgc\b|^runtime\.memmove\b/.test(n));
    expect(matching.length).toBe(2);
    await page.getByRole('searchbox', { name: 'Search' }).fill('runtime\\.(mallocgc|memmove)$');
    for (const n of matching) await expect(node(page, n)).toHaveClass(/\bmatch\b/);
    await expect(graph(page).locator('.graph-node.match')).toHaveCount(2);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(graph(page).locator('.graph-node.match')).toHaveCount(0);
  });

  test('DOWNLOAD exports the whole drawing even while its chunks are still coming', async ({ page }) => {
    await openApp(page);
    await openWithPicker(page, fixture('cpu.pb.gz'));
    await expect(page.getByRole('table', { name: 'Top functions' })).toBeVisible();
    // No animation frames from now on: the graph's chunks wait (Playwright's own checks run in another world).
    await page.evaluate(() => {
      window.requestAnimationFrame = () => 0;
    });
    await page.getByRole('button', { name: 'VIEW', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Graph', exact: true }).click();
    await expect(graph(page)).toHaveAttribute('data-drawing', '', { timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Graph view' })).toHaveAttribute('aria-busy', 'false');
    const want = goldenNodeNames('cpu/dot.txt');
    expect(await graph(page).getByRole('button').count()).toBeLessThan(want.length);
    await page.getByRole('button', { name: 'DOWNLOAD', exact: true }).click();
    const dl = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'View as SVG' }).click();
    const text = fs.readFileSync(await (await dl).path(), 'utf8');
    expect([...text.matchAll(/<g [^>]*class="graph-node"/g)].length).toBe(want.length);
    expect([...text.matchAll(/<g [^>]*class="graph-edge"/g)].length).toBeGreaterThan(want.length - 1);
    await expect(graph(page)).not.toHaveAttribute('data-drawing');
    await expect(graph(page).getByRole('button')).toHaveCount(want.length);
  });

  test("a node's context menu refines the graph", async ({ page }) => {
    await openGraph(page, 'cpu.pb.gz');
    const names = goldenNodeNames('cpu/dot.txt');
    const target = names.find((n) => n.startsWith('runtime.mallocgc: '))!;
    expect(target).toBeDefined();
    // keyboard: Shift+F10 on the focused node opens the menu, Escape closes it
    await node(page, target).focus();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Actions for runtime.mallocgc' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem')).toHaveText(['Focus', 'Ignore', 'Hide', 'Show', 'Show from', 'Peek', 'Source']);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    // right click, Ignore: the node and its callees' share go away
    await node(page, target).click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Ignore' }).click();
    await expect(page).toHaveURL(/[?&]i=runtime%5C.mallocgc(&|$)/, { timeout: 30_000 });
    await expect(graph(page).getByRole('button', { name: /^runtime\.mallocgc: / })).toHaveCount(0, { timeout: 30_000 });
    await expect(graph(page).getByRole('button').first()).toBeVisible();
    const after = await graph(page).getByRole('button').count();
    expect(after).toBeGreaterThan(5);
  });
});
