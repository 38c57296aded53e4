import { describe, expect, it } from 'vitest';
import { varintEnds } from './proto-reader';

describe('varintEnds', () => {
  it('counts the bytes below 0x80 of every range, at every alignment', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const backing = new Uint8Array(4096 + 8);
    for (let i = 0; i < backing.length; i++) backing[i] = rand(256);
    for (let off = 0; off < 8; off++) {
      for (const len of [0, 1, 2, 3, 5, 7, 64, 4096]) {
        const buf = backing.subarray(off, off + len);
        const starts: number[] = [];
        const ends: number[] = [];
        for (let r = 0; r < 200 && len > 0; r++) {
          const a = rand(len + 1);
          const b = a + rand(len - a + 1);
          starts.push(a);
          ends.push(b);
        }
        let want = 0;
        for (let r = 0; r < starts.length; r++) for (let k = starts[r]; k < ends[r]; k++) if (buf[k] < 0x80) want++;
        expect(varintEnds(buf, Uint32Array.from(starts), Uint32Array.from(ends), starts.length)).toBe(want);
      }
    }
  });
});
