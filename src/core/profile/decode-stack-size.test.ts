import { describe, expect, it } from 'vitest';
import { growStack, stackCapacity } from './decode-stack-size';
import { Grow, varintEnds } from './proto-reader';

/** Samples of the given depths: packed one-byte location ids, then two one-byte values. */
function samples(depths: number[]): { buf: Uint8Array; sr: Uint32Array; se: Uint32Array } {
  const bytes: number[] = [];
  const sr: number[] = [];
  const se: number[] = [];
  for (const d of depths) {
    const body = [0x0a, d, ...Array.from({ length: d }, (_, k) => 1 + (k % 100)), 0x10, 1, 0x10, 2];
    bytes.push(0x12, body.length);
    sr.push(bytes.length);
    bytes.push(...body);
    se.push(bytes.length);
  }
  return { buf: Uint8Array.from(bytes), sr: Uint32Array.from(sr), se: Uint32Array.from(se) };
}

describe('stackCapacity', () => {
  it('counts the varint ends of a small profile: never fewer than its ids', () => {
    const s = samples([3, 0, 50, 7]);
    expect(stackCapacity(s.buf, s.sr, s.se, 4)).toBe(varintEnds(s.buf, s.sr, s.se, 4) + 16);
    expect(stackCapacity(s.buf, s.sr, s.se, 4)).toBeGreaterThanOrEqual(60);
  });

  it('estimates the ids of a big profile from a few samples, closely', () => {
    const depths = Array.from({ length: 20000 }, (_, i) => 10 + (i % 50));
    const ids = depths.reduce((a, b) => a + b, 0);
    const s = samples(depths);
    const cap = stackCapacity(s.buf, s.sr, s.se, depths.length);
    expect(cap).toBeGreaterThanOrEqual(ids);
    expect(cap).toBeLessThan(ids * 1.08);
  });
});

describe('growStack', () => {
  it('grows to what the rest needs at the rate so far, at least by an eighth', () => {
    const g = new Grow(new Uint32Array(100));
    g.n = 100;
    growStack(g, 101, 1000, 4000); // a quarter of the bytes held 100 ids: about 400 in all
    expect(g.a.length).toBe(Math.ceil(400 * 1.05) + 1024);
    const h = new Grow(new Uint32Array(100_000));
    h.n = 100_000;
    growStack(h, 100_001, 999_000, 1_000_000);
    expect(h.a.length).toBe(112_500);
    growStack(h, 10, 1, 1); // room enough: unchanged
    expect(h.a.length).toBe(112_500);
  });
});
