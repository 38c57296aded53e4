// The shell: pprof's menus by role and name, SAMPLE switching against the
// sample_index goldens, the URL as the source of truth (reload, back and
// forward), keyboard shortcuts, a bad file keeping the profile, a runaway
// regular expression stopped, CONFIG and DOWNLOAD. No console errors (the
// fixture in helpers.ts fails a test on any).
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, fixture, openApp, openWithDrop, openWithPicker, test, serve } from './helpers';

// CI runs on a loaded 2-core machine: room for the slow views (graph layout, flame graph).
test.describe.configure({ timeout: 90_000 });

/** The golden's header (File/Type/Time/Duration + legend) and its table rows. */
function golden(file: string): { head: string[]; rows: string[][] } {
  const lines = fs.readFileSync(fixture(file), 'utf8').split('\n');
  const h = lines.findIndex((l) => /^\s+flat\s+flat%/.test(l));
  const rows = lines
    .slice(h + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(l)!;
      return m.slice(1, 7);
    });
  return { head: lines.slice(0, h), rows };
}

async function titleLines(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Profile details' }).locator('p').allTextContents();
}

async function topRows(page: Page, n: number): Promise<string[][]> {
  const rows = page.getByRole('table', { name: 'Top functions' }).getByRole('row');
  await expect(rows.nth(n)).toBeVisible();
  const out: string[][] = [];
  for (let i = 1; i <= n; i++) {
    const cells = rows.nth(i).getByRole('cell');
    const texts = await cells.allTextContents();
    const name = (await cells.nth(5).getAttribute('title')) ?? '';
    out.push([...texts.slice(0, 5).map((t) => t.trim()), name]);
  }
  return out;
}


async function pickMenu(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

test('the header has pprof\'s menus as ARIA menu buttons', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('heap.pb.gz'));
  const banner = page.getByRole('banner');
  for (const name of ['VIEW', 'SAMPLE', 'REFINE', 'CONFIG', 'DOWNLOAD']) {
    const b = banner.getByRole('button', { name, exact: true });
    await expect(b).toHaveAttribute('aria-haspopup', 'menu');
    await expect(b).toHaveAttribute('aria-expanded', 'false');
  }
  await expect(banner.getByRole('searchbox', { name: 'Search' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Open profile' })).toBeVisible();

  const view = banner.getByRole('button', { name: 'VIEW', exact: true });
  await view.click();
  await expect(view).toHaveAttribute('aria-expanded', 'true');
  const items = page.getByRole('menu').getByRole('menuitem');
  await expect(items).toHaveText(['Top', 'Graph', 'Flame Graph', 'Peek', 'Source'].map((t) => new RegExp(`^.?${t}`)));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(view).toBeFocused();

  // Keyboard: open with ArrowDown, move, pick with Enter.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Top', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Graph', exact: true })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Source', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wraps
  await expect(page.getByRole('menuitem', { name: 'Top', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]view=peek(&|$)/);
  await expect(page.getByRole('region', { name: 'Peek view' })).toBeVisible();

  await banner.getByRole('button', { name: 'SAMPLE', exact: true }).click();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'].map((t) => new RegExp(t)));
  await page.keyboard.press('Escape');

  await banner.getByRole('button', { name: 'REFINE', exact: true }).click();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['Focus', 'Ignore', 'Hide', 'Show', 'Show from', 'Reset']);
  // Nothing selected, nothing searched: the refinements are disabled.
  await expect(page.getByRole('menuitem', { name: 'Focus' })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');

  await banner.getByRole('button', { name: 'DOWNLOAD', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Profile (.pb.gz)' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'View as SVG' })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');

  // A profile with one sample type has no SAMPLE menu.
  await openWithPicker(page, fixture('goroutine.pb.gz'));
  await expect(page.getByRole('heading', { level: 2, name: 'goroutine.pb.gz' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'SAMPLE', exact: true })).toHaveCount(0);
});

test('SAMPLE switches the Top numbers to the sample_index goldens', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('heap.pb.gz'));
  const inuse = golden('heap/sample_index-inuse_space.top.txt');
  await expect.poll(() => titleLines(page)).toEqual(inuse.head);
  expect(await topRows(page, 8)).toEqual(inuse.rows.slice(0, 8));

  await pickMenu(page, 'SAMPLE', 'alloc_space');
  await expect(page).toHaveURL(/[?&]si=alloc_space(&|$)/);
  const alloc = golden('heap/sample_index-alloc_space.top.txt');
  await expect.poll(() => titleLines(page)).toEqual(alloc.head);
  expect(await topRows(page, 8)).toEqual(alloc.rows.slice(0, 8));

  await pickMenu(page, 'SAMPLE', 'inuse_objects');
  const objects = golden('heap/sample_index-inuse_objects.top.txt');
  await expect.poll(() => titleLines(page)).toEqual(objects.head);
  expect(await topRows(page, 5)).toEqual(objects.rows.slice(0, 5));
});

test('the URL restores the view on reload, and back/forward walk the history', async ({ page }) => {
  await serve(page, 'cpu.pb.gz');
  await page.goto('./?view=top&h=%5Eruntime%5C.&v=1');
  const hidden = golden('cpu/hide-runtime.top.txt');
  await expect.poll(() => titleLines(page)).toEqual(hidden.head);
  expect(await topRows(page, 3)).toEqual(hidden.rows.slice(0, 3));

  await pickMenu(page, 'VIEW', 'Flame Graph');
  await expect(page).toHaveURL(/view=flamegraph/);
  await expect(page.getByRole('region', { name: 'Flame Graph view' })).toBeVisible();
  await pickMenu(page, 'REFINE', 'Reset');
  await expect(page).not.toHaveURL(/[?&]h=/);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Flame Graph view' })).toBeVisible();
  await expect(page).toHaveURL(/view=flamegraph/);
  await expect.poll(() => titleLines(page)).toContain('Type: cpu');
  expect(await titleLines(page)).not.toContain('Active filters:');

  await page.goBack();
  await expect(page).toHaveURL(/[?&]h=%5Eruntime/);
  await expect.poll(() => titleLines(page)).toContain('   hide=^runtime\\.');
  await page.goBack();
  await expect(page).toHaveURL(/view=top/);
  await expect(page.getByRole('region', { name: 'Top view' })).toBeVisible();
  await expect.poll(() => titleLines(page)).toEqual(hidden.head);
  await page.goForward();
  await page.goForward();
  await expect(page.getByRole('region', { name: 'Flame Graph view' })).toBeVisible();
  await expect.poll(() => titleLines(page)).not.toContain('Active filters:');
});

test("pprof's /ui/ paths and parameters read the same, and bad values are reported", async ({ page }) => {
  await serve(page, 'heap.pb.gz');
  // vite preview serves index.html for unknown paths (SPA fallback), as the CLI does for /ui/*.
  await page.goto('./ui/top?si=alloc_space&n=ten&zz=1');
  const alloc = golden('heap/sample_index-alloc_space.top.txt');
  await expect.poll(() => titleLines(page)).toEqual(alloc.head);
  const problems = page.getByRole('region', { name: 'Problems with the address' });
  await expect(problems).toContainText('n=ten');
  await expect(problems).not.toContainText('zz');
  await pickMenu(page, 'VIEW', 'Peek');
  await expect(page).toHaveURL(/\/ui\/peek\?si=alloc_space/);
});

test('keyboard: / focuses the search, 1-5 switch views, Esc clears the selection', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('mutex.pb.gz'));
  await expect(page.getByRole('table', { name: 'Top functions' })).toBeVisible();
  await page.keyboard.press('2');
  await expect(page).toHaveURL(/view=graph/);
  await expect(page.getByRole('region', { name: 'Graph view' })).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('region', { name: 'Flame Graph view' })).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByRole('region', { name: 'Top view' })).toBeVisible();

  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await expect(search).toBeFocused();
  // Typing digits into the box does not switch views.
  await page.keyboard.type('4');
  await expect(page).toHaveURL(/view=top/);
  await search.fill('');

  const row = page.getByRole('table', { name: 'Top functions' }).getByRole('row').nth(1);
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'REFINE', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Focus' })).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape'); // closes the menu only
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(row).toHaveAttribute('aria-selected', 'false');
});

test('REFINE focuses on the selected rows, as pprof quotes them', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('heap.pb.gz'));
  const rows = page.getByRole('table', { name: 'Top functions' }).getByRole('row');
  await rows.nth(1).click();
  const name = (await rows.nth(1).getByRole('cell').nth(5).getAttribute('title'))!;
  await pickMenu(page, 'REFINE', 'Focus');
  const f = new URL(page.url()).searchParams.get('f');
  expect(f).toBe(name.replace(/ \((partial-)?inline\)$/, '').replace(/([\\.?+*[\](){}|^$])/g, '\\$1'));
  await expect.poll(() => titleLines(page)).toContain('Active filters:');
  // An invalid expression is searched for as literal text, and said so.
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('(*T');
  await expect(page.getByText('not a valid regexp: searching for the literal text')).toBeVisible();
  // The search text refines when nothing is selected; Ignore adds to the old value.
  await search.fill('runtime');
  await expect(page.getByText('not a valid regexp: searching for the literal text')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'REFINE', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'REFINE', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Ignore' })).not.toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('menuitem', { name: 'Ignore' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('i')).toBe('runtime');
});

test('a bad file alerts and the open profile and its view stay', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('heap.pb.gz'));
  await expect.poll(() => titleLines(page)).toContain('Type: inuse_space');
  await openWithDrop(page, 'trace.out', fs.readFileSync(fixture('trace.out')));
  await expect(page.getByRole('alert')).toContainText('trace.out');
  await expect(page.getByRole('table', { name: 'Top functions' })).toBeVisible();
  await pickMenu(page, 'SAMPLE', 'alloc_space');
  const alloc = golden('heap/sample_index-alloc_space.top.txt');
  await expect.poll(() => titleLines(page)).toEqual(alloc.head);
});

test('a runaway regular expression is stopped, the page says so, and the profile stays', async ({ page }) => {
  test.setTimeout(120_000);
  await serve(page, 'cpu.pb.gz');
  // Catastrophic backtracking in a JS RegExp on every long function name.
  await page.goto('./?view=top&f=' + encodeURIComponent('(.*)*Z$') + '&v=1');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/took longer than .* and was stopped/, { timeout: 45_000 });
  await pickMenu(page, 'REFINE', 'Reset');
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 30_000 });
  const top = golden('cpu/top.txt');
  await expect.poll(() => titleLines(page), { timeout: 30_000 }).toEqual(top.head);
});

test('CONFIG saves, applies and deletes named settings', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('heap.pb.gz'));
  await pickMenu(page, 'SAMPLE', 'alloc_space');
  await pickMenu(page, 'CONFIG', 'Save as…');
  const dialog = page.getByRole('dialog', { name: 'Save settings as' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('allocations');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  await pickMenu(page, 'SAMPLE', 'inuse_objects');
  await expect(page).toHaveURL(/si=inuse_objects/);
  await pickMenu(page, 'CONFIG', 'allocations');
  await expect(page).toHaveURL(/si=alloc_space/);
  await expect.poll(() => titleLines(page)).toContain('Type: alloc_space');

  // Kept across a reload (localStorage).
  await page.reload();
  await openWithPicker(page, fixture('heap.pb.gz'));
  await page.getByRole('button', { name: 'CONFIG', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'allocations', exact: true })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Delete allocations' }).click();
  await page.getByRole('button', { name: 'CONFIG', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'allocations', exact: true })).toHaveCount(0);
});

test('DOWNLOAD gives the profile as .pb.gz, and the graph as SVG', async ({ page }) => {
  await openApp(page);
  await openWithPicker(page, fixture('mutex.pb.gz'));
  await expect(page.getByRole('table', { name: 'Top functions' })).toBeVisible();
  const dl = page.waitForEvent('download');
  await pickMenu(page, 'DOWNLOAD', 'Profile (.pb.gz)');
  const d = await dl;
  expect(d.suggestedFilename()).toBe('mutex.pb.gz');
  const bytes = fs.readFileSync(await d.path());
  expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);

  await pickMenu(page, 'VIEW', 'Graph');
  await expect(page.getByRole('region', { name: 'Graph view' }).locator('svg').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'DOWNLOAD', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'View as SVG' })).not.toHaveAttribute('aria-disabled', 'true');
  const svgDl = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'View as SVG' }).click();
  const s = await svgDl;
  expect(s.suggestedFilename()).toBe('mutex-graph.svg');
  const text = fs.readFileSync(await s.path(), 'utf8');
  expect(text).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(text).toContain('sync');

  // The flame graph as PNG (its HTML labels become SVG text, so the canvas can be exported).
  await pickMenu(page, 'VIEW', 'Flame Graph');
  await expect(page.getByRole('region', { name: 'Flame Graph view' }).locator('svg').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'DOWNLOAD', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'View as PNG' })).not.toHaveAttribute('aria-disabled', 'true');
  const pngDl = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'View as PNG' }).click();
  const png = await pngDl;
  expect(png.suggestedFilename()).toBe('mutex-flamegraph.png');
  expect([...fs.readFileSync(await png.path()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the colour scheme toggle overrides the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await bg();
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await bg()).not.toBe(light);
  await toggle.click();
  expect(await bg()).toBe(light);
});
