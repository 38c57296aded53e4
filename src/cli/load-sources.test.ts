import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { loadSource, loadSources, sourceURL, type FetchContext } from './load-sources';

describe('sourceURL (pprof’s adjustURL)', () => {
  it('tells URLs from files', () => {
    expect(sourceURL('cpu.pb.gz')).toBeNull();
    expect(sourceURL('dir/cpu.pb.gz')).toBeNull();
    expect(sourceURL('/abs/cpu.pb.gz')).toBeNull();
    expect(sourceURL('http://host:6060/debug/pprof/heap')).toBe('http://host:6060/debug/pprof/heap');
    expect(sourceURL('localhost:6060/debug/pprof/profile')).toBe('http://localhost:6060/debug/pprof/profile');
  });
  it('sets seconds when asked', () => {
    expect(sourceURL('http://h/debug/pprof/profile?seconds=30', 5)).toBe('http://h/debug/pprof/profile?seconds=5');
  });
});

describe('fetching over HTTP', () => {
  const bytes = readFileSync(path.join(GO, 'goroutine.pb.gz'));
  let server: Server;
  let base = '';
  const lines: string[] = [];
  const ctx = (): FetchContext => ({ cwd: GO, maxInflate: 1 << 30, stderr: (l) => lines.push(l) });

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/debug/pprof/goroutine')) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end(bytes);
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain', 'X-Go-Pprof': '1' });
        res.end('Unknown profile');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('loads a profile from a URL, and says so on stderr', async () => {
    const s = await loadSource(`${base}/debug/pprof/goroutine`, ctx());
    expect(s.profile.samples.count).toBeGreaterThan(0);
    expect(Buffer.compare(Buffer.from(s.bytes), bytes)).toBe(0);
    expect(lines).toContain(`Fetching profile over HTTP from http://${base}/debug/pprof/goroutine`);
  });

  it('reports a server error as pprof does', async () => {
    await expect(loadSource(`http://${base}/debug/pprof/nope`, ctx())).rejects.toThrow('server response: 404 Not Found - Unknown profile');
  });

  it('failing sources are listed; none at all is an error', async () => {
    const out: string[] = [];
    const c = { ...ctx(), stderr: (l: string) => out.push(l) };
    await expect(loadSources(['a.pb.gz', 'b.pb.gz'], 'base', c)).rejects.toThrow('failed to fetch any base profiles');
    expect(out).toEqual(['a.pb.gz: open a.pb.gz: no such file or directory', 'b.pb.gz: open b.pb.gz: no such file or directory']);
  });
});
