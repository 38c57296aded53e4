// The page served by the real CLI (`tsprof-web -http=...`, after `npm run
// build`): pprof's paths, the CLI's options as the page's initial URL, the
// profile the CLI serves at api/profile, and the drop zone with the demo when
// there is no source.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, fixture, test } from './helpers';

// Each test starts a CLI and loads a profile in a fresh page: give it room on a 2-core machine.
test.describe.configure({ timeout: 60_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Starts `tsprof-web -http=127.0.0.1:0 -no_browser ...args`; resolves with its printed URL. */
function startCli(args: string[]): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [path.join(root, 'bin/tsprof-web.js'), '-http=127.0.0.1:0', '-no_browser', ...args], {
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
    await expect(page).toHaveURL(`${url}/ui/flamegraph?v=1`);
    await expect(page.getByRole('heading', { name: 'cpu.pb.gz' })).toBeVisible();
    const rows = page.getByRole('table', { name: 'Sample types' }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).locator('td').nth(2)).toHaveText('1,814'); // README: 1814 samples
    await expect(page.locator('dl.facts > div', { hasText: 'Sample records' }).locator('dd')).toHaveText('1,175');
  } finally {
    proc.kill();
  }
});

test('the CLI’s options become the page’s initial URL, at pprof’s paths', async ({ page }) => {
  const { url, proc } = await startCli(['-sample_index=alloc_space', '-focus=internal/store', fixture('heap.pb.gz')]);
  try {
    await page.goto(url);
    await expect(page).toHaveURL(`${url}/ui/flamegraph?si=alloc_space&f=internal%2Fstore&v=1`);
    await expect(page.getByRole('heading', { name: 'heap.pb.gz' })).toBeVisible();
    // A pprof link path works unchanged; a bare view path gets the options too.
    await page.goto(`${url}/ui/top`);
    await expect(page).toHaveURL(`${url}/ui/top?si=alloc_space&f=internal%2Fstore&v=1`);
    await expect(page.getByRole('heading', { name: 'heap.pb.gz' })).toBeVisible();
  } finally {
    proc.kill();
  }
});

test('tsprof-web -http without a profile offers the drop zone and the demo', async ({ page }) => {
  const { url, proc } = await startCli([]);
  try {
    await page.goto(url);
    const zone = page.getByRole('region', { name: 'Open profile' });
    await expect(zone).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    await zone.getByRole('button', { name: 'Load the demo profile' }).click();
    await expect(page.getByRole('heading', { name: 'demo.pb.gz' })).toBeVisible();
    const rows = page.getByRole('table', { name: 'Sample types' }).locator('tbody tr');
    await expect(rows.nth(0).locator('td').nth(2)).toHaveText('108'); // the demo is cpu.http.pb.gz
  } finally {
    proc.kill();
  }
});

test('a profile given by URL is fetched by the CLI and shown', async ({ page }) => {
  // A stand-in for net/http/pprof's /debug/pprof/heap.
  const heap = readFileSync(fixture('heap.pb.gz'));
  const asked: string[] = [];
  const pprof = createServer((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(heap);
  });
  await new Promise<void>((r) => pprof.listen(0, '127.0.0.1', () => r()));
  const source = `http://127.0.0.1:${(pprof.address() as AddressInfo).port}/debug/pprof/heap`;
  try {
    const { url, proc } = await startCli(['-seconds=1', source]);
    try {
      expect(asked).toEqual(['/debug/pprof/heap?seconds=1']);
      await page.goto(url + '/ui/top?si=alloc_space');
      await expect(page.getByRole('heading', { name: 'heap', exact: true })).toBeVisible();
    } finally {
      proc.kill();
    }
  } finally {
    pprof.close();
  }
});

test('a foreign Host gets 403 and a `..` source request gets nothing', async ({ page }) => {
  const { url, proc } = await startCli([fixture('cpu.pb.gz')]);
  try {
    // What a DNS-rebinding page would send: the right address, a foreign name.
    const foreign = await page.request.get(`${url}/api/profile`, { headers: { Host: 'attacker.example' } });
    expect(foreign.status()).toBe(403);
    const local = await page.request.get(`${url}/api/profile`);
    expect(local.status()).toBe(200);
    for (const file of ['../../../../etc/passwd', '/etc/passwd', 'example.com/workload/../../../../etc/passwd']) {
      const res = await page.request.get(`${url}/api/source?file=${encodeURIComponent(file)}`);
      expect(res.status(), file).toBeGreaterThanOrEqual(400);
      expect(await res.text(), file).not.toContain('root:');
    }
  } finally {
    proc.kill();
  }
});
