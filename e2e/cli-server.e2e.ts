// The page served by the real CLI (`tsprof-web -http=...`): it opens the
// profile the CLI serves at api/profile on startup.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, fixture, test } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Starts `tsprof-web -http=127.0.0.1: ...args` on a free port; resolves with its URL. */
function startCli(args: string[]): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [path.join(root, 'bin/tsprof-web.js'), '-http=127.0.0.1:', '-no_browser', ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`tsprof-web did not start: ${err}`)), 20_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /Serving web UI on (http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], proc });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tsprof-web exited with ${code}: ${err}`));
    });
  });
}

test('tsprof-web -http serves the page and its profile', async ({ page }) => {
  const { url, proc } = await startCli([fixture('cpu.pb.gz')]);
  try {
    await page.goto(url);
    const rows = page.getByRole('table', { name: 'Sample types' }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).locator('td').nth(2)).toHaveText('1,814'); // README: 1814 samples
    await expect(page.locator('dl.facts > div', { hasText: 'Sample records' }).locator('dd')).toHaveText('1,175');
    await expect(page.getByRole('button', { name: 'Open profile' })).toBeVisible();
  } finally {
    proc.kill();
  }
});

test('tsprof-web -http without a profile shows the demo', async ({ page }) => {
  const { url, proc } = await startCli([]);
  try {
    await page.goto(url);
    const rows = page.getByRole('table', { name: 'Sample types' }).locator('tbody tr');
    await expect(rows.nth(0).locator('td').nth(2)).toHaveText('108'); // the demo is cpu.http.pb.gz
  } finally {
    proc.kill();
  }
});
