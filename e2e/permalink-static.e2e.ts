// The static build (dist/) served by a plain file server under a sub-path, as
// any static host would: relative asset URLs, the worker, and a dropped small
// profile that travels inside its link (#p=), reopened in a fresh context
// with nothing but that static server. A large one cannot: said, with a download.
import fs from 'node:fs';
import { expect, fixture, goldenRows, openWithDrop, test } from './helpers';
import { copyLink, freshPage, startStatic, topRows, topTable, type Running } from './permalink-servers';

test.describe.configure({ timeout: 120_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const PREFIX = '/static/tsprof/';
let host: Running;
test.beforeAll(async () => {
  host = await startStatic(PREFIX);
});
test.afterAll(async () => {
  await host.close();
});

test('the build uses relative URLs only', () => {
  const html = fs.readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((r) => !r.startsWith('data:'));
  expect(refs.length).toBeGreaterThan(0);
  for (const r of refs) expect(r).toMatch(/^\.\/assets\//);
});

test('a dropped small profile travels inside its link and reopens from the static host alone', async ({ page, browser }) => {
  await page.goto(host.url + PREFIX + '?view=top');
  await expect(page.getByRole('region', { name: 'Open profile' })).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await openWithDrop(page, 'cpu.http.pb.gz', fs.readFileSync(fixture('cpu.http.pb.gz')));
  await expect(page.getByRole('heading', { name: 'cpu.http.pb.gz' })).toBeVisible();
  const want = goldenRows('cpu.http/top.txt');
  expect(await topRows(page, 8)).toEqual(want.slice(0, 8));
  // A dropped file is not in the address until a link is asked for.
  expect(new URL(page.url()).hash).toBe('');

  const link = await copyLink(page);
  const u = new URL(link);
  expect(u.pathname).toBe(PREFIX);
  expect(u.searchParams.get('view')).toBe('top');
  expect(u.searchParams.get('v')).toBe('1');
  expect(u.hash).toMatch(/^#p=[A-Za-z0-9_-]+$/);

  const other = await freshPage(browser, link);
  try {
    await expect(other.getByRole('heading', { name: 'profile-from-link.pb.gz' })).toBeVisible();
    await expect(topTable(other)).toHaveAttribute('aria-rowcount', String(want.length + 1));
    expect(await topRows(other, 8)).toEqual(want.slice(0, 8));
    // Refining keeps the profile in the address: the new link still works alone.
    await other.getByRole('banner').getByRole('button', { name: 'SAMPLE', exact: true }).click();
    await other.getByRole('menu').getByRole('menuitem', { name: 'samples', exact: true }).click();
    await expect.poll(() => new URL(other.url()).searchParams.get('si')).toBe('samples');
    expect(new URL(other.url()).hash).toBe(u.hash);
  } finally {
    await other.context().close();
  }
});

test('a link followed in the open page, and back: each address opens its own profile', async ({ page }) => {
  await page.goto(host.url + PREFIX + '?view=top');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await openWithDrop(page, 'cpu.http.pb.gz', fs.readFileSync(fixture('cpu.http.pb.gz')));
  const cpu = goldenRows('cpu.http/top.txt').slice(0, 5);
  expect(await topRows(page, 5)).toEqual(cpu);
  const cpuLink = await copyLink(page);
  await openWithDrop(page, 'heap.pb.gz', fs.readFileSync(fixture('heap.pb.gz')));
  const heap = goldenRows('heap/top.txt').slice(0, 5);
  expect(await topRows(page, 5)).toEqual(heap);
  const heapLink = await copyLink(page);
  expect(new URL(heapLink).search).toBe(new URL(cpuLink).search); // only the #p= differs

  // Following the first link changes only the fragment: the page stays, the profile changes.
  await page.goto(cpuLink);
  await expect.poll(() => topRows(page, 5)).toEqual(cpu);
  await page.goBack();
  await expect.poll(() => page.url()).toBe(heapLink);
  await expect.poll(() => topRows(page, 5)).toEqual(heap);
  await page.goForward();
  await expect.poll(() => topRows(page, 5)).toEqual(cpu);
});

test('a large dropped profile on a static host: too big for a link, offered as a download', async ({ page }) => {
  await page.goto(host.url + PREFIX);
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await openWithDrop(page, 'large.pb.gz', fs.readFileSync(fixture('large.pb.gz')));
  await expect(page.getByRole('heading', { name: 'large.pb.gz' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Copy link' }).click();
  const panel = page.getByRole('region', { name: 'Link to this view' });
  await expect(panel).toContainText('too big to put in a link', { timeout: 30_000 });
  await expect(panel).toContainText('no share store');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download profile' }).click();
  expect((await download).suggestedFilename()).toBe('large.pb.gz');
  expect(page.url()).not.toContain('#p=');
});

test('when the clipboard is refused, the link is shown selected for copying', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
  });
  await page.goto(host.url + PREFIX + '?view=top');
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  await openWithDrop(page, 'cpu.http.pb.gz', fs.readFileSync(fixture('cpu.http.pb.gz')));
  await expect(topTable(page)).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copy the selected link below' })).toBeVisible({ timeout: 30_000 });
  const field = page.getByRole('region', { name: 'Link to this view' }).getByRole('textbox', { name: 'Link' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(page.url());
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, page.url().length]);
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(0);
});
