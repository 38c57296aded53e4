import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../../test/fixtures';
import type { DownloadResult } from '../../worker/protocol';
import { fromBase64Url } from './permalink';
import { planLink, postShare, serverCanShare } from './share-link';

function fixtureBytes(name: string): ArrayBuffer {
  const b = readFileSync(path.join(GO, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

function deps(name: string, share: boolean) {
  const asked: string[] = [];
  return {
    asked,
    d: {
      download: (): Promise<DownloadResult> => {
        asked.push('download');
        return Promise.resolve({ id: 1, kind: 'download', ok: true, fileName: name, bytes: fixtureBytes(name) });
      },
      canShare: () => {
        asked.push('config');
        return Promise.resolve(share);
      },
    },
  };
}

describe('planLink', () => {
  it('needs nothing when the address already names the profile', async () => {
    for (const kind of ['served', 'url', 'share', 'inline']) {
      const { asked, d } = deps('cpu.http.pb.gz', true);
      expect(await planLink(kind, d)).toEqual({ kind: 'ready' });
      expect(asked).toEqual([]);
    }
  });
  it('puts a small dropped profile inside the link', async () => {
    const { asked, d } = deps('cpu.http.pb.gz', true);
    const plan = await planLink('file', d);
    expect(plan.kind).toBe('inline');
    expect(fromBase64Url((plan as { p: string }).p)).toEqual(new Uint8Array(fixtureBytes('cpu.http.pb.gz')));
    expect(asked).toEqual(['download']);
  });
  it('offers the share store for a large one, or the download without a store', async () => {
    const shared = await planLink('file', deps('large.pb.gz', true).d);
    expect(shared).toMatchObject({ kind: 'share', size: fixtureBytes('large.pb.gz').byteLength });
    const alone = await planLink('file', deps('large.pb.gz', false).d);
    expect(alone).toMatchObject({ kind: 'too-big', fileName: 'large.pb.gz' });
  });
  it('passes a failed download on', async () => {
    const plan = await planLink('file', {
      download: () => Promise.resolve({ id: 1, kind: 'download', ok: false, message: 'Could not prepare the download: x.' }),
      canShare: () => Promise.resolve(true),
    });
    expect(plan).toEqual({ kind: 'error', message: 'Could not prepare the download: x.' });
  });
});

describe('the share store over HTTP', () => {
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  it('reads api/config, and says no on a static host or a failure', async () => {
    expect(await serverCanShare('/ui/../', () => Promise.resolve(json({ share: true })))).toBe(true);
    expect(await serverCanShare('', () => Promise.resolve(json({ share: false })))).toBe(false);
    expect(await serverCanShare('', () => Promise.resolve(new Response('<html>', { headers: { 'Content-Type': 'text/html' } })))).toBe(false);
    expect(await serverCanShare('', () => Promise.reject(new TypeError('Failed to fetch')))).toBe(false);
  });
  it('posts the bytes and checks the id', async () => {
    const id = 'f'.repeat(64);
    let sent: RequestInit | undefined;
    expect(
      await postShare('/', new ArrayBuffer(3), (u, init) => {
        expect(u).toBe('/api/share');
        sent = init;
        return Promise.resolve(json({ id }));
      }),
    ).toBe(id);
    expect(sent?.method).toBe('POST');
    await expect(postShare('/', new ArrayBuffer(3), () => Promise.resolve(json({ id: '../x' })))).rejects.toThrow(/no share id/);
    await expect(postShare('/', new ArrayBuffer(3), () => Promise.resolve(new Response('too big', { status: 413 })))).rejects.toThrow(/-share_limit/);
    await expect(postShare('/', new ArrayBuffer(3), () => Promise.resolve(new Response('not a profile: bad magic', { status: 400 })))).rejects.toThrow(
      /400 \(not a profile: bad magic\)/,
    );
  });
});
