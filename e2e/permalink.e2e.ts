// Permalinks of a profile served by the CLI: pprof's /ui/top?si=... shows
// pprof's numbers, and a link copied after a refine shows the same rows in a
// fresh browser context.
import { expect, fixture, goldenRows, test } from './helpers';
import { copyLink, freshPage, startCli, topRows, topTable } from './permalink-servers';

test.describe.configure({ timeout: 120_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('/ui/top?si=alloc_space equals -sample_index=alloc_space -top; a refined view’s link reopens with the same numbers', async ({ page, browser }) => {
  const cli = await startCli([fixture('heap.pb.gz')]);
  try {
    await page.goto(`${cli.url}/ui/top?si=alloc_space`);
    await expect(page.getByRole('heading', { name: 'heap.pb.gz' })).toBeVisible();
    const want = goldenRows('heap/sample_index-alloc_space.top.txt');
    await expect(topTable(page)).toHaveAttribute('aria-rowcount', String(want.length + 1));
    expect(await topRows(page, 10)).toEqual(want.slice(0, 10));

    // REFINE > Focus on the first row (Store.Put), as a person does.
    const rows = topTable(page).getByRole('row');
    await rows.nth(1).click();
    await page.getByRole('banner').getByRole('button', { name: 'REFINE', exact: true }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Focus', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('f')).toContain('Put');
    await expect(topTable(page)).not.toHaveAttribute('aria-rowcount', String(want.length + 1));
    const count = await topTable(page).getAttribute('aria-rowcount');
    const refined = await topRows(page, Math.min(5, Number(count) - 1));

    const link = await copyLink(page);
    expect(link).toBe(page.url());
    const u = new URL(link);
    expect(u.pathname).toBe('/ui/top');
    expect(u.searchParams.get('si')).toBe('alloc_space');
    expect(u.searchParams.get('v')).toBe('1');

    const other = await freshPage(browser, link);
    try {
      await expect(other.getByRole('heading', { name: 'heap.pb.gz' })).toBeVisible();
      await expect(topTable(other)).toHaveAttribute('aria-rowcount', count!);
      expect(await topRows(other, refined.length)).toEqual(refined);
    } finally {
      await other.context().close();
    }
  } finally {
    await cli.close();
  }
});

test('/ui/ is the graph (pprof’s default) and /ui/graph too; bad values are reported, unknown ones ignored', async ({ page }) => {
  const cli = await startCli([fixture('cpu.http.pb.gz')]);
  try {
    for (const p of ['/ui/?v=1', '/ui/graph?v=1']) {
      await page.goto(cli.url + p);
      await expect(page.getByRole('heading', { name: 'cpu.http.pb.gz' })).toBeVisible();
      await expect(page.getByRole('img', { name: 'Call graph' })).toBeVisible({ timeout: 30_000 });
      await expect(topTable(page)).toHaveCount(0);
    }
    await page.goto(`${cli.url}/ui/top?n=lots&share=nothex&zz=1&v=1`);
    const problems = page.getByRole('region', { name: 'Problems with the address' });
    await expect(problems).toContainText('n=lots');
    await expect(problems).toContainText('share=nothex');
    await expect(problems).not.toContainText('zz');
    // Not fatal: the CLI's profile is shown.
    await expect(topTable(page)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'cpu.http.pb.gz' })).toBeVisible();
  } finally {
    await cli.close();
  }
});
