import { describe, expect, it } from 'vitest';
import { fetchDemoProfile, fetchServedProfile, fileNameFromDisposition } from './served-profile';

function fakeFetch(res: Response | Error): typeof fetch {
  return (async () => {
    if (res instanceof Error) throw res;
    return res;
  }) as typeof fetch;
}

const bytes = new Uint8Array([0x1f, 0x8b, 8, 0]);

describe('fileNameFromDisposition', () => {
  it('reads quoted, bare and RFC 5987 names', () => {
    expect(fileNameFromDisposition('attachment; filename="cpu.pb.gz"')).toBe('cpu.pb.gz');
    expect(fileNameFromDisposition('inline; filename=heap.pb.gz')).toBe('heap.pb.gz');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''caf%C3%A9.pb.gz")).toBe('café.pb.gz');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});

describe('fetchServedProfile', () => {
  it('returns the bytes and name the CLI serves', async () => {
    const r = await fetchServedProfile(
      fakeFetch(new Response(bytes, { headers: { 'content-disposition': 'attachment; filename="cpu.pb.gz"' } })),
    );
    expect(r?.fileName).toBe('cpu.pb.gz');
    expect(new Uint8Array(await r!.data.arrayBuffer())).toEqual(bytes);
  });
  it('names an unnamed profile "profile"', async () => {
    const r = await fetchServedProfile(fakeFetch(new Response(bytes)));
    expect(r?.fileName).toBe('profile');
  });
  it('is null on a static host: 404, an HTML fallback page, an empty body, no server', async () => {
    expect(await fetchServedProfile(fakeFetch(new Response('no', { status: 404 })))).toBeNull();
    expect(
      await fetchServedProfile(fakeFetch(new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }))),
    ).toBeNull();
    expect(await fetchServedProfile(fakeFetch(new Response(new Uint8Array(0))))).toBeNull();
    expect(await fetchServedProfile(fakeFetch(new TypeError('Failed to fetch')))).toBeNull();
  });
});

describe('fetchDemoProfile', () => {
  it('returns the demo bytes', async () => {
    const r = await fetchDemoProfile(fakeFetch(new Response(bytes)));
    expect(r.fileName).toBe('demo.pb.gz');
    expect(r.data.size).toBe(4);
  });
  it('explains a missing demo', async () => {
    await expect(fetchDemoProfile(fakeFetch(new Response('', { status: 404 })))).rejects.toThrow(/answered 404 for demo\.pb\.gz/);
  });
});
