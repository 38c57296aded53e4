import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { isLocalHost, parseHostPort, startServer, staticPath, type RunningServer } from './http-server';
import { main } from './main';

// A GET with a chosen Host header (fetch cannot set Host).
function get(url: string, host?: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { hostname: u.hostname, port: u.port, path: u.pathname, headers: host ? { Host: host } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const dist = mkdtempSync(path.join(tmpdir(), 'tsprof-dist-'));
const outside = path.join(path.dirname(dist), path.basename(dist) + '-secret.txt');
const profileBytes = readFileSync(path.join(GO, 'threadcreate.pb.gz'));
let srv: RunningServer;

beforeAll(async () => {
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>tsprof-web</title>');
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(outside, 'secret');
  srv = await startServer({ host: '127.0.0.1', port: 0, distDir: dist, profile: profileBytes });
});
afterAll(async () => {
  await srv.close();
  rmSync(dist, { recursive: true, force: true });
  rmSync(outside, { force: true });
});

describe('the -http server', () => {
  it('serves the app for / and /ui/...', async () => {
    for (const p of ['/', '/ui/', '/ui/flamegraph']) {
      const r = await get(srv.url.replace(/\/$/, p));
      expect(r.status).toBe(200);
      expect(r.type).toMatch(/^text\/html/);
      expect(r.body.toString()).toContain('<title>tsprof-web</title>');
    }
    const js = await get(srv.url + 'assets/app.js');
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/^text\/javascript/);
  });

  it('serves the profile’s bytes at /api/profile', async () => {
    const r = await get(srv.url + 'api/profile');
    expect(r.status).toBe(200);
    expect(Buffer.compare(r.body, profileBytes)).toBe(0);
  });

  it('answers 403 to a foreign Host header', async () => {
    expect((await get(srv.url + 'api/profile', 'evil.example:80')).status).toBe(403);
    expect((await get(srv.url, 'localhost.evil.example')).status).toBe(403);
    expect((await get(srv.url, `localhost:${new URL(srv.url).port}`)).status).toBe(200);
  });

  it('opens nothing outside dist/', async () => {
    const name = path.basename(outside);
    for (const p of [`/../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`]) {
      const r = await get(srv.url.replace(/\/$/, p));
      expect(r.status).toBe(404);
      expect(r.body.toString()).not.toContain('secret');
    }
    expect(staticPath(dist, `/..%2f${name}`)).toBe(path.join(dist, name));
    expect(staticPath(dist, '/%E0%A4%A')).toBeNull();
  });

  it('404 without a profile, the demo when dist has one', async () => {
    const s = await startServer({ host: '', port: 0, distDir: dist, profile: null });
    try {
      expect((await get(s.url + 'api/profile')).status).toBe(404);
      writeFileSync(path.join(dist, 'demo.pb.gz'), 'demo');
      const r = await get(s.url + 'api/profile');
      expect(r.status).toBe(200);
      expect(r.body.toString()).toBe('demo');
    } finally {
      await s.close();
    }
  });

  it('main -http serves the loaded profile and prints the URL', async () => {
    let stderr = '';
    let url = '';
    let close: () => Promise<void> = async () => {};
    const served = new Promise<void>((resolve) => {
      void main(['-http=127.0.0.1:0', '-no_browser', 'threadcreate.pb.gz'], {
        stdout: () => {},
        stderr: (s) => (stderr += s),
        cwd: GO,
        distDir: dist,
        onServe: (u, c) => {
          url = u;
          close = c;
          resolve();
        },
      });
    });
    await served;
    try {
      expect(stderr).toBe(`Serving web UI on ${url}\n`);
      const r = await get(url + 'api/profile');
      expect(Buffer.compare(r.body, profileBytes)).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('host checks', () => {
  it('parses -http host:port', () => {
    expect(parseHostPort(':6001')).toEqual({ host: '', port: 6001 });
    expect(parseHostPort('localhost:')).toEqual({ host: 'localhost', port: 0 });
    expect(parseHostPort('[::1]:80')).toEqual({ host: '::1', port: 80 });
    expect(parseHostPort('host:99999')).toBeNull();
  });
  it('accepts only loopback names', () => {
    expect(['localhost', 'LOCALHOST:1', '127.0.0.1:8080', '[::1]:3'].map(isLocalHost)).toEqual([true, true, true, true]);
    expect(['example.com', '127.0.0.2', '', undefined].map(isLocalHost)).toEqual([false, false, false, false]);
  });
});
