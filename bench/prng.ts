// A small seeded PRNG (mulberry32): the generator must be deterministic, so
// the same options always give the same bytes.
export type Rand = () => number; // uniform in [0, 1)

export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [0, n). */
export function randInt(rand: Rand, n: number): number {
  return Math.floor(rand() * n);
}
