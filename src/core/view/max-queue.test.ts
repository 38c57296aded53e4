import { describe, expect, it } from 'vitest';
import { MaxQueue } from './max-queue';

describe('MaxQueue', () => {
  it('pops items by decreasing priority', () => {
    const q = new MaxQueue<string>();
    const keys = Array.from({ length: 200 }, (_, i) => (i * 7919) % 211);
    for (const k of keys) q.push(k, `k${k}`);
    const out: string[] = [];
    while (q.size > 0) out.push(q.pop());
    expect(out).toEqual([...keys].sort((a, b) => b - a).map((k) => `k${k}`));
  });
});
