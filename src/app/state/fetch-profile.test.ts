import { describe, expect, it } from 'vitest';
import { fetchProfileUrl, fetchShared } from './fetch-profile';

const bin = (headers: Record<string, string> = {}, status = 200) =>
  new Response(status === 200 ? new Uint8Array([0x1f, 0x8b, 8]) : 'nope', { status, headers: { 'Content-Type': 'application/octet-stream', ...headers } });

describe('fetchProfileUrl', () => {
  it('names the profile after Content-Disposition, else the URL', async () => {
    const a = await fetchProfileUrl('http://h/debug/pprof/heap?seconds=2', () => Promise.resolve(bin()));
    expect(a.fileName).toBe('heap');
    expect(a.data.size).toBe(3);
    const b = await fetchProfileUrl('http://h/x', () => Promise.resolve(bin({ 'Content-Disposition': 'attachment; filename="cpu.pb.gz"' })));
    expect(b.fileName).toBe('cpu.pb.gz');
  });
  it('says what went wrong: unreachable or CORS, an HTTP status, a web page, an empty body', async () => {
    await expect(fetchProfileUrl('http://h/p', () => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow(
      /Could not fetch the profile from http:\/\/h\/p: .*Access-Control-Allow-Origin/,
    );
    await expect(fetchProfileUrl('http://h/p', () => Promise.resolve(bin({}, 404)))).rejects.toThrow(/answered 404/);
    await expect(
      fetchProfileUrl('http://h/p', () => Promise.resolve(new Response('<html>', { headers: { 'Content-Type': 'text/html' } }))),
    ).rejects.toThrow(/is a web page, not a profile/);
    await expect(fetchProfileUrl('http://h/p', () => Promise.resolve(new Response(new Uint8Array(0))))).rejects.toThrow(/empty body/);
  });
});

describe('fetchShared', () => {
  it('asks api/share/<id> under the app root and explains a missing id', async () => {
    const id = 'c'.repeat(64);
    const asked: string[] = [];
    const f = await fetchShared(id, '/x/', (u) => {
      asked.push(String(u));
      return Promise.resolve(bin());
    });
    expect(asked).toEqual([`/x/api/share/${id}`]);
    expect(f.data.size).toBe(3);
    await expect(fetchShared(id, '/', () => Promise.resolve(bin({}, 404)))).rejects.toThrow(/not here/);
  });
});
