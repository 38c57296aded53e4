import { describe, expect, it } from 'vitest';
import { readBlob } from './read-blob';

describe('readBlob', () => {
  it('reads a large blob in chunks with progress up to its size', async () => {
    const data = new Uint8Array(9 << 20);
    for (let i = 0; i < data.length; i += 4099) data[i] = i & 0xff;
    const seen: number[] = [];
    const out = await readBlob(new Blob([data]), (done, total) => {
      expect(total).toBe(data.length);
      seen.push(done);
    });
    expect(Buffer.from(out).equals(Buffer.from(data))).toBe(true);
    expect(seen.at(-1)).toBe(data.length);
    expect(seen.length).toBeGreaterThan(1);
  });
  it('reads a small blob at once', async () => {
    const seen: number[] = [];
    expect([...(await readBlob(new Blob([new Uint8Array([1, 2, 3])]), (d) => seen.push(d)))]).toEqual([1, 2, 3]);
    expect(seen).toEqual([]);
  });
});
