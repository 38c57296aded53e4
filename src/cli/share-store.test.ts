import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultShareDir, isShareId, ShareStore } from './share-store';

const tmp = mkdtempSync(path.join(tmpdir(), 'tsprof-share-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('ShareStore', () => {
  it('stores by SHA-256 and reads back', async () => {
    const s = new ShareStore({ dir: path.join(tmp, 'a', 'shared') });
    const bytes = new TextEncoder().encode('profile bytes');
    const id = await s.put(bytes);
    expect(id).toBe(sha(bytes));
    expect(Buffer.from((await s.get(id))!).toString()).toBe('profile bytes');
    expect(await s.put(bytes)).toBe(id); // idempotent
    expect(readdirSync(s.dir)).toEqual([id]);
  });

  it('refuses anything that is not an id', async () => {
    const s = new ShareStore({ dir: path.join(tmp, 'a', 'shared') });
    for (const bad of ['../x', '', 'A'.repeat(64), 'a'.repeat(63), 'a'.repeat(64) + '/..', '..']) {
      expect(isShareId(bad)).toBe(false);
      expect(await s.get(bad)).toBeNull();
    }
    expect(await s.get('0'.repeat(64))).toBeNull();
  });

  it('evicts the oldest beyond the total size', async () => {
    const s = new ShareStore({ dir: path.join(tmp, 'b'), maxTotal: 25 });
    const one = await s.put(new Uint8Array(10).fill(1));
    const two = await s.put(new Uint8Array(10).fill(2));
    // Make "one" clearly the oldest, whatever the clock's resolution.
    utimesSync(path.join(s.dir, one), new Date(1000), new Date(1000));
    const three = await s.put(new Uint8Array(10).fill(3));
    expect(await s.get(one)).toBeNull();
    expect(await s.get(two)).not.toBeNull();
    expect(await s.get(three)).not.toBeNull();
    // A single file above the total is still kept (it is the one just shared).
    const big = await s.put(new Uint8Array(40).fill(4));
    expect(readdirSync(s.dir)).toEqual([big]);
  });
});

describe('defaultShareDir', () => {
  it('follows the platform’s cache directory', () => {
    expect(defaultShareDir({ XDG_CACHE_HOME: '/c' }, 'linux', '/h')).toBe('/c/tsprof-web/shared');
    expect(defaultShareDir({}, 'linux', '/h')).toBe('/h/.cache/tsprof-web/shared');
    expect(defaultShareDir({ XDG_CACHE_HOME: 'rel' }, 'linux', '/h')).toBe('/h/.cache/tsprof-web/shared');
    expect(defaultShareDir({}, 'darwin', '/h')).toBe('/h/Library/Caches/tsprof-web/shared');
  });
});
