import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { parseProfile } from '../core/profile/parse';
import { contentDisposition, isLocalHost, isLocalOrigin, parseHostPort, sameOrigin, startServer, staticPath, type RunningServer } from './http-server';
import { httpRequest as req, serveMain, type MainServer } from './http-test-client';
import { main } from './main';

const tmp = mkdtempSync(path.join(tmpdir(), 'tsprof-http-'));
const dist = path.join(tmp, 'dist');
const shareDir = path.join(tmp, 'share');
const outside = path.join(tmp, 'secret.txt');
const cpuBytes = readFileSync(path.join(GO, 'cpu.pb.gz'));
const threadBytes = readFileSync(path.join(GO, 'threadcreate.pb.gz'));
const ENCODE_GO = 'example.com/workload/internal/encode/encode.go';
const SOURCE_PATH = path.join(GO, 'source/workload');

let srv: MainServer; // main -http on cpu.pb.gz with options

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>tsprof-web</title>');
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'demo.pb.gz'), threadBytes);
  writeFileSync(outside, 'secret');
  srv = await serveMain(
    ['-http=127.0.0.1:0', '-no_browser', `-share_dir=${shareDir}`, '-share_limit=16kB', `-source_path=${SOURCE_PATH}`,
      '-sample_index=cpu', '-focus=encode', '-nodecount=20', '-noinlines', 'cpu.pb.gz'],
    { cwd: GO, distDir: dist },
  );
});
afterAll(async () => {
  await srv.close();
  rmSync(tmp, { recursive: true, force: true });
});

const at = (p: string): string => srv.url + p;

describe('pprof’s paths', () => {
  it('prints pprof’s line and stops when closed', async () => {
    expect(srv.stderr()).toBe(`Serving web UI on ${srv.url}\n`);
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('redirects / to the flame graph with the CLI options as pprof’s parameters', async () => {
    const r = await req(at('/'));
    expect(r.status).toBe(307);
    expect(r.headers.location).toBe('/ui/flamegraph?si=cpu&f=encode&n=20&noinlines=t&v=1');
    const q = await req(at('/?f=other&g=lines'));
    expect(q.headers.location).toBe('/ui/flamegraph?si=cpu&f=other&n=20&noinlines=t&g=lines&v=1');
  });

  it('serves the app at the view paths, after adding the options to a bare one', async () => {
    for (const p of ['/ui/', '/ui/top', '/ui/graph', '/ui/flamegraph', '/ui/peek', '/ui/source', '/ui']) {
      const bare = await req(at(p));
      const view = p === '/ui' ? '/ui/' : p;
      expect(bare.status, p).toBe(307);
      expect(bare.headers.location).toBe(`${view}?si=cpu&f=encode&n=20&noinlines=t&v=1`);
      const r = await req(at(`${p}?si=samples&v=1`));
      expect(r.status, p).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.text).toContain('<title>tsprof-web</title>');
    }
  });

  it('serves assets and the api both at /x and at /ui/x', async () => {
    for (const prefix of ['', '/ui']) {
      const js = await req(at(`${prefix}/assets/app.js`));
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toMatch(/^text\/javascript/);
      const p = await req(at(`${prefix}/api/profile`));
      expect(p.status).toBe(200);
      expect(Buffer.compare(p.body, cpuBytes)).toBe(0);
      expect(p.headers['content-disposition']).toBe(`inline; filename="cpu.pb.gz"; filename*=UTF-8''cpu.pb.gz`);
    }
  });

  it('/ui/download is the profile as gzipped protobuf', async () => {
    const r = await req(at('/ui/download'));
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment;filename=profile.pb.gz');
    expect(r.body[0]).toBe(0x1f);
    expect(parseProfile(new Uint8Array(gunzipSync(r.body))).samples.count).toBe(parseProfile(cpuBytes).samples.count);
    // The downloaded file reads as the original: pprof's -top golden.
    writeFileSync(path.join(tmp, 'download.pb.gz'), r.body);
    let top = '';
    const code = await main(['-top', 'download.pb.gz'], { stdout: (x) => (top += x), stderr: () => {}, cwd: tmp });
    expect(code).toBe(0);
    expect(top).toBe(readFileSync(path.join(GO, 'cpu/top.txt'), 'utf8'));
  });

  it('answers 404 to unknown paths', async () => {
    for (const p of ['/nope', '/ui/disasm', '/ui/nope/x', '/api/nope', '/ui/api/', '/api/share/']) {
      expect((await req(at(p))).status, p).toBe(404);
    }
    expect((await req(at('/api/profile'), { method: 'DELETE' })).status).toBe(405);
  });

  it('api/config says what the server offers', async () => {
    const r = await req(at('/ui/api/config'));
    expect(r.headers['content-type']).toBe('application/json');
    const c = JSON.parse(r.text) as Record<string, unknown>;
    expect(c).toEqual({
      fileName: 'cpu.pb.gz',
      sourcePath: true,
      share: true,
      version: JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version,
      params: 'si=cpu&f=encode&n=20&noinlines=t',
    });
  });
});

describe('local-only checks', () => {
  it('403 on a foreign Host header', async () => {
    const port = new URL(srv.url).port;
    expect((await req(at('/api/profile'), { headers: { Host: 'evil.example:80' } })).status).toBe(403);
    expect((await req(at('/'), { headers: { Host: 'localhost.evil.example' } })).status).toBe(403);
    expect((await req(at('/ui/top?v=1'), { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('403 on a foreign Origin, for reads and for shares', async () => {
    const evil = { Origin: 'http://evil.example' };
    const r = await req(at('/api/profile'), { headers: evil });
    expect(r.status).toBe(403);
    expect(r.body.length).toBeLessThan(200);
    expect((await req(at('/api/share'), { method: 'POST', headers: evil, body: threadBytes })).status).toBe(403);
    expect((await req(at('/api/profile'), { headers: { Origin: 'null' } })).status).toBe(403);
    expect((await req(at('/api/profile'), { headers: { Origin: srv.url } })).status).toBe(200);
  });

  it('opens nothing outside dist/', async () => {
    const name = path.basename(outside);
    for (const p of [`/../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`, `/ui/..%2f${name}`, `/assets/%2e%2e%2f%2e%2e%2f${name}`]) {
      const r = await req(at(p));
      expect(r.status, p).toBe(404);
      expect(r.text).not.toContain('secret');
    }
    expect(staticPath(dist, `/..%2f${name}`)).toBe(path.join(dist, name));
    expect(staticPath(dist, '/%E0%A4%A')).toBeNull();
  });
});

describe('api/source', () => {
  const src = (file: string): Promise<Awaited<ReturnType<typeof req>>> => req(at(`/ui/api/source?file=${encodeURIComponent(file)}`));

  it('serves a source file the profile names, found on -source_path', async () => {
    const r = await src(ENCODE_GO);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.text).toBe(readFileSync(path.join(SOURCE_PATH, 'internal/encode/encode.go'), 'utf8'));
  });

  it('refuses names the profile does not name', async () => {
    for (const f of ['../../../etc/passwd', '/etc/passwd', `${SOURCE_PATH}/internal/encode/encode.go`, 'a/../../b.go']) {
      const r = await src(f);
      expect(r.status, f).toBe(400);
      expect(r.text).not.toContain('package');
    }
    expect((await src('go.mod')).status).toBe(404); // exists on the path, but not in the profile
    expect((await src('example.com/workload/internal/encode/nope.go')).status).toBe(404);
    expect((await req(at('/api/source'))).status).toBe(400);
  });

  it('404 for a file the profile names but the path lacks', async () => {
    const r = await src('runtime/proc.go');
    expect(r.status).toBe(404);
    expect(r.text).toContain('-source_path');
  });
});

describe('share store', () => {
  it('round-trips a profile, content-addressed', async () => {
    const post = await req(at('/ui/api/share'), { method: 'POST', body: threadBytes, headers: { Origin: srv.url } });
    expect(post.status).toBe(200);
    const { id } = JSON.parse(post.text) as { id: string };
    expect(id).toBe(createHash('sha256').update(threadBytes).digest('hex'));
    expect(readdirSync(shareDir)).toContain(id);
    const get = await req(at(`/api/share/${id}`));
    expect(get.status).toBe(200);
    expect(Buffer.compare(get.body, threadBytes)).toBe(0);
  });

  it('refuses a body that is not a profile, with the parse message', async () => {
    const r = await req(at('/api/share'), { method: 'POST', body: Buffer.from('<html>not a profile</html>') });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^Not shared: the body is not a profile: \S/);
    expect(r.text).toMatch(/HTML/i);
  });

  it('refuses a profile above -share_limit', async () => {
    expect(cpuBytes.length).toBeGreaterThan(16 * 1024);
    const r = await req(at('/api/share'), { method: 'POST', body: cpuBytes });
    expect(r.status).toBe(413);
    expect(r.text).toContain('-share_limit');
    const chunked = await new Promise<number>((resolve, reject) => {
      // Without a Content-Length: the limit is applied while reading.
      void import('node:http').then(({ request }) => {
        const u = new URL(at('/api/share'));
        const q = request({ hostname: u.hostname, port: u.port, path: u.pathname, method: 'POST' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        q.on('error', reject);
        q.write(cpuBytes.subarray(0, 10 * 1024));
        q.end(cpuBytes.subarray(10 * 1024));
      });
    });
    expect(chunked).toBe(413);
  });

  it('404 for an unknown or malformed id', async () => {
    for (const id of ['0'.repeat(64), 'abc', '..%2f..%2fsecret.txt', 'A'.repeat(64)]) {
      expect((await req(at(`/api/share/${id}`))).status, id).toBe(404);
    }
  });
});

describe('without a source', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ host: '', port: 0, distDir: dist, profile: null });
  });
  afterAll(() => s.close());

  it('binds localhost, has no api/profile and serves the demo', async () => {
    expect(s.url).toMatch(/^http:\/\/localhost:\d+$/);
    const port = new URL(s.url).port;
    const none = await req(`http://127.0.0.1:${port}/api/profile`);
    expect([none.status, none.body.length]).toEqual([204, 0]);
    expect((await req(`http://127.0.0.1:${port}/ui/download`)).status).toBe(404);
    const demo = await req(`http://127.0.0.1:${port}/ui/demo.pb.gz`);
    expect(Buffer.compare(demo.body, threadBytes)).toBe(0);
    const r = await req(`http://127.0.0.1:${port}/`);
    expect(r.headers.location).toBe('/ui/flamegraph?v=1');
    expect((await req(`http://127.0.0.1:${port}/ui/top`)).status).toBe(200); // no options: no redirect
    const c = JSON.parse((await req(`http://127.0.0.1:${port}/api/config`)).text) as Record<string, unknown>;
    expect(c).toMatchObject({ fileName: null, sourcePath: false, share: false, params: '' });
    expect((await req(`http://127.0.0.1:${port}/api/source?file=x.go`)).status).toBe(404);
  });
});

describe('main -http', () => {
  it('merges several sources and names the result', async () => {
    const m = await serveMain(['-http=127.0.0.1:', '-no_browser', `-share_dir=${shareDir}`, 'cpu.base.pb.gz', 'cpu.new.pb.gz'], { cwd: GO, distDir: dist });
    try {
      const r = await req(m.url + '/api/profile');
      expect(r.headers['content-disposition']).toContain('filename="cpu.base.pb.gz (+1 merged)"');
      const total = (b: Uint8Array): number => parseProfile(b).samples.values[1].reduce((a, v) => a + v, 0);
      const both = total(readFileSync(path.join(GO, 'cpu.base.pb.gz'))) + total(readFileSync(path.join(GO, 'cpu.new.pb.gz')));
      expect(total(new Uint8Array(r.body))).toBe(both);
    } finally {
      await m.close();
    }
    expect(await m.exit).toBe(0);
  });

  it('opens the browser at the served URL unless -no_browser', async () => {
    const opened: string[] = [];
    const m = await serveMain(['-http=127.0.0.1:0', 'threadcreate.pb.gz'], { cwd: GO, distDir: dist, openBrowser: (u) => opened.push(u) });
    await m.close();
    expect(opened).toEqual([m.url + '/']);
  });

  it('refuses a malformed -http and -share_limit', async () => {
    await expect(serveMain(['-http=a:b:c', '-no_browser', 'cpu.pb.gz'], { cwd: GO, distDir: dist })).rejects.toThrow(/-http=a:b:c: want host:port/);
    await expect(serveMain(['-http=:0', '-share_limit=lots', 'cpu.pb.gz'], { cwd: GO, distDir: dist })).rejects.toThrow(/-share_limit/);
    const port = new URL(srv.url).port;
    await expect(serveMain([`-http=127.0.0.1:${port}`, '-no_browser', 'cpu.pb.gz'], { cwd: GO, distDir: dist })).rejects.toThrow(
      new RegExp(`-http=127.0.0.1:${port}: cannot listen: the port is in use`),
    );
  });
});

describe('host checks', () => {
  it('parses -http host:port', () => {
    expect(parseHostPort(':6001')).toEqual({ host: '', port: 6001 });
    expect(parseHostPort('localhost:')).toEqual({ host: 'localhost', port: 0 });
    expect(parseHostPort('[::1]:80')).toEqual({ host: '::1', port: 80 });
    expect(parseHostPort('host:99999')).toBeNull();
  });
  it('accepts only loopback names and origins', () => {
    expect(['localhost', 'LOCALHOST:1', '127.0.0.1:8080', '[::1]:3'].map(isLocalHost)).toEqual([true, true, true, true]);
    expect(['example.com', '127.0.0.2', '', undefined].map(isLocalHost)).toEqual([false, false, false, false]);
    expect([undefined, 'http://localhost:6001', 'http://[::1]:1', 'https://127.0.0.1'].map(isLocalOrigin)).toEqual([true, true, true, true]);
    expect(['null', 'http://evil.example', 'http://localhost.evil.example', 'file://', ''].map(isLocalOrigin)).toEqual([false, false, false, false, false]);
  });
  it('takes shares only from the page’s own origin, whatever the bind', () => {
    const r = (headers: Record<string, string>) => sameOrigin({ headers });
    expect(r({ host: '10.0.0.5:6001' })).toBe(true);
    expect(r({ host: '10.0.0.5:6001', origin: 'http://10.0.0.5:6001' })).toBe(true);
    expect(r({ host: '10.0.0.5:6001', origin: 'http://evil.example' })).toBe(false);
    expect(r({ host: '10.0.0.5:6001', origin: 'null' })).toBe(false);
  });
  it('writes a Content-Disposition any client reads', () => {
    expect(contentDisposition('inline', 'prof "x" é.pb.gz')).toBe(`inline; filename="prof _x_ _.pb.gz"; filename*=UTF-8''prof%20%22x%22%20%C3%A9.pb.gz`);
  });
});
