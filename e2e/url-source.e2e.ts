// Profiles on the web: `?url=` makes the page (here the static build) fetch a
// profile from another server, which must allow it with CORS; the Open URL
// field does the same and puts url= in the address. A 404, a server without
// CORS and a page that is not a profile are said in an alert.
import type { Browser, Page } from '@playwright/test';
import { expect, goldenRows, test } from './helpers';
import { startProfileHost, startStatic, topRows, topTable, type Running } from './permalink-servers';

test.describe.configure({ timeout: 120_000 });

const PREFIX = '/app/';
let site: Running;
let profiles: Running & { asked: string[] };
test.beforeAll(async () => {
  site = await startStatic(PREFIX);
  profiles = await startProfileHost();
});
test.afterAll(async () => {
  await site.close();
  await profiles.close();
});

function pageUrl(query: string): string {
  return `${site.url}${PREFIX}?${query}`;
}

test('?url= loads a profile from another server, then applies the view params', async ({ page }) => {
  const src = `${profiles.url}/profiles/heap.pb.gz`;
  await page.goto(pageUrl(`view=top&si=alloc_space&url=${encodeURIComponent(src)}&v=1`));
  await expect(page.getByRole('heading', { name: 'heap.pb.gz' })).toBeVisible();
  const want = goldenRows('heap/sample_index-alloc_space.top.txt');
  await expect(topTable(page)).toHaveAttribute('aria-rowcount', String(want.length + 1));
  expect(await topRows(page, 8)).toEqual(want.slice(0, 8));
  // The address keeps naming the profile through a change of view.
  await page.getByRole('banner').getByRole('button', { name: 'VIEW', exact: true }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Flame Graph' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('flamegraph');
  expect(new URL(page.url()).searchParams.get('url')).toBe(src);
});

test('the Open URL field opens a profile and puts url= in the address', async ({ page }) => {
  await page.goto(pageUrl('view=top'));
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
  const src = `${profiles.url}/profiles/cpu.http.pb.gz`;
  const zone = page.getByRole('region', { name: 'Open profile' });
  await zone.getByRole('textbox', { name: 'Profile URL' }).fill(src);
  await zone.getByRole('button', { name: 'Open URL' }).click();
  await expect(page.getByRole('heading', { name: 'cpu.http.pb.gz' })).toBeVisible();
  expect(await topRows(page, 5)).toEqual(goldenRows('cpu.http/top.txt').slice(0, 5));
  await expect.poll(() => new URL(page.url()).searchParams.get('url')).toBe(src);
});

/** A context of its own: the browser logs the failed fetch, which these tests expect. */
async function ownPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('a 404, a server without CORS and a web page are said in an alert', async ({ browser }) => {
  const page = await ownPage(browser);
  try {
    const cases: [string, RegExp][] = [
      [`${profiles.url}/profiles/no-such.pb.gz`, /answered 404/],
      [`${profiles.url}/nocors/heap.pb.gz`, /Access-Control-Allow-Origin/],
      [`${site.url}${PREFIX}`, /web page, not a profile/],
    ];
    for (const [src, message] of cases) {
      await page.goto(pageUrl(`view=top&url=${encodeURIComponent(src)}`));
      await expect(page.getByRole('alert')).toContainText(message);
      await expect(page.getByRole('alert')).toContainText(src);
      // Not fatal: the drop zone is there to open something else.
      await expect(page.getByRole('region', { name: 'Open profile' })).toBeVisible();
      await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    }
    // A value that is not an http(s) address is reported, not fetched.
    await page.goto(pageUrl('view=top&url=ftp%3A%2F%2Fx%2Fp'));
    await expect(page.getByRole('region', { name: 'Problems with the address' })).toContainText('url=ftp://x/p');
  } finally {
    await page.context().close();
  }
});
