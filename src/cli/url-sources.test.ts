// Profiles loaded by URL from a local HTTP server, as `tsprof-web -http=...
// http://host/debug/pprof/profile` does: success, pprof's error texts, the
// timeout and -seconds.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { withFetchProgress } from './fetch-progress';
import { httpRequest, runMain, serveMain } from './http-test-client';

const cpuBytes = readFileSync(path.join(GO, 'cpu.pb.gz'));
const requested: string[] = [];
let server: Server;
let base = '';

// A stand-in for net/http/pprof.
function handler(req: IncomingMessage, res: ServerResponse): void {
  requested.push(req.url ?? '');
  const p = new URL(req.url ?? '/', 'http://x').pathname;
  if (p === '/debug/pprof/profile') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(cpuBytes);
  } else if (p === '/debug/pprof/nosuch') {
    // net/http/pprof's serveError
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Go-Pprof': '1' });
    res.end('Unknown profile');
  } else if (p === '/page') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><html><body>hello</body></html>');
  } else if (p === '/hang') {
    // never answers
  } else {
    res.writeHead(404);
    res.end('not here');
  }
}

beforeAll(async () => {
  server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const run = (argv: string[]) => runMain(argv, GO);

describe('sources given by URL', () => {
  it('serves a profile fetched over HTTP, with -seconds added to the URL', async () => {
    const m = await serveMain(['-http=127.0.0.1:0', '-no_browser', '-seconds=2', `${base}/debug/pprof/profile`], { cwd: GO, distDir: GO });
    try {
      expect(requested).toContain('/debug/pprof/profile?seconds=2');
      expect(m.stderr()).toContain(`Fetching profile over HTTP from ${base}/debug/pprof/profile?seconds=2\n`);
      expect(m.stderr()).toContain(`Serving web UI on ${m.url}\n`);
      const r = await httpRequest(m.url + '/api/profile');
      expect(Buffer.compare(r.body, cpuBytes)).toBe(0);
      expect(r.headers['content-disposition']).toContain('filename="profile"');
    } finally {
      await m.close();
    }
  });

  it('host:port/path means http, as in pprof', async () => {
    const r = await run(['-top', `${base.slice('http://'.length)}/debug/pprof/profile`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(GO, 'cpu/top.txt'), 'utf8'));
  });

  it('a 404 from a pprof handler shows its text', async () => {
    const r = await run(['-top', `${base}/debug/pprof/nosuch`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${base}/debug/pprof/nosuch: server response: 404 Not Found - Unknown profile\n`);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('failed to fetch any source profiles');
  });

  it('a plain 404', async () => {
    const r = await run(['-top', `${base}/elsewhere`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${base}/elsewhere: server response: 404 Not Found\n`);
  });

  it('connection refused', async () => {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const r = await run(['-top', `http://127.0.0.1:${port}/debug/pprof/heap`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`/debug/pprof/heap: http fetch: .*ECONNREFUSED`));
  });

  it('not a profile', async () => {
    const r = await run(['-top', `${base}/page`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${base}/page: parsing profile: `);
    expect(r.stderr).toMatch(/HTML/i);
  });

  it('gives up after -timeout (+5 s, as pprof)', { timeout: 20_000 }, async () => {
    const r = await run(['-top', '-timeout=1', `${base}/hang`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${base}/hang: http fetch: timed out after 6s`);
  });
});

describe('withFetchProgress', () => {
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  it('prints the elapsed time while a URL is fetched', async () => {
    const lines: string[] = [];
    let t = 0;
    const v = await withFetchProgress(['http://localhost:6060/debug/pprof/profile'], (l) => lines.push(l), async () => {
      await sleep(260);
      return 42;
    }, { everyMs: 50, seconds: 30, now: () => (t += 1000) });
    expect(v).toBe(42);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^Still fetching: \d+s elapsed \(the profile covers 30s\)\.\.\.$/);
    const n = lines.length;
    await sleep(120);
    expect(lines.length).toBe(n); // stopped
  });

  it('is silent for files', async () => {
    const lines: string[] = [];
    await withFetchProgress(['cpu.pb.gz'], (l) => lines.push(l), () => sleep(120), { everyMs: 20 });
    expect(lines).toEqual([]);
  });
});
