import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../profile/builder';
import { internFrames } from '../graph/frames';
import { printableName } from '../graph/node-info';
import { buildStackTree, forEachChild, forEachWideChild, minNodeBounds, minNodeValue, nodeValues, releaseTree, rootNode, stackTree, type TreeNode } from './flame-tree';
import { buildStackIndex, sortSequences } from './stack-index';

// A seeded generator, so that a failure can be replayed.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function compare(raw: Int32Array, start: Uint32Array, a: number, b: number): number {
  for (let i = start[a], j = start[b]; ; i++, j++) {
    if (i === start[a + 1] || j === start[b + 1]) return start[a + 1] - i - (start[b + 1] - j);
    if (raw[i] !== raw[j]) return raw[i] - raw[j];
  }
}

describe('sortSequences', () => {
  it('orders like a lexicographic comparison sort, a prefix first', () => {
    const rnd = prng(7);
    const n = 5000;
    const seqs: number[][] = [];
    for (let i = 0; i < n; i++) {
      // Few symbols and shared prefixes, empty sequences, duplicates.
      const base = seqs.length > 0 && rnd() < 0.5 ? seqs[Math.floor(rnd() * seqs.length)].slice(0, Math.floor(rnd() * 6)) : [];
      const extra = Math.floor(rnd() * 5);
      for (let k = 0; k < extra; k++) base.push(Math.floor(rnd() * 4));
      seqs.push(base);
    }
    const start = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) start[i + 1] = start[i] + seqs[i].length;
    const raw = Int32Array.from(seqs.flat());
    const order = Uint32Array.from({ length: n }, (_, i) => i);
    const { off, end } = sortSequences(order, raw, start);
    const want = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => compare(raw, start, a, b));
    expect([...order].map((i) => seqs[i].join(','))).toEqual([...want].map((i) => seqs[i].join(',')));
    for (let x = 0; x < n; x++) {
      expect([off[x], end[x]]).toEqual([start[order[x]], start[order[x] + 1]]);
    }
  });
});

describe('buildStackTree', () => {
  // Large enough for the multikey quicksort path (>= 50,000 samples), with
  // recursion, inlined frames, negative and zero values; checked against a
  // naive tree of nested maps.
  it('equals a naive call tree on a generated profile', () => {
    const rnd = prng(42);
    const b = new ProfileBuilder();
    b.addSampleType('delta', 'count');
    const m = b.addMapping({ start: 0x1000n, limit: 0x9000n, file: b.string('/bin/x') });
    const fns = Array.from({ length: 12 }, (_, i) => b.addFunction(`f${i}`, `f${i}`, `f${i % 3}.go`));
    const locs = Array.from({ length: 14 }, (_, i) =>
      b.addLocation(
        BigInt(0x1000 + i * 16),
        m,
        i % 7 === 0 ? [{ function: fns[(i + 1) % 12], line: i }, { function: fns[i % 12], line: i + 1 }] : [{ function: fns[i % 12], line: i }],
      ),
    );
    const n = 60_000;
    for (let s = 0; s < n; s++) {
      const depth = Math.floor(rnd() * 7);
      const stack: number[] = [];
      for (let d = 0; d < depth; d++) stack.push(locs[Math.floor(rnd() * (d < 2 ? 3 : locs.length))]);
      const v = Math.floor(rnd() * 21) - 5; // some negative, some zero
      b.addSample(stack, [v]);
    }
    const p = b.build();
    const ft = internFrames(p, { granularity: 'functions' });
    const t = buildStackTree(p, ft, { values: p.samples.values[0], meanDiv: null });

    interface Naive {
      cum: number;
      flat: number;
      abs: number;
      kids: Map<number, Naive>;
    }
    const mk = (): Naive => ({ cum: 0, flat: 0, abs: 0, kids: new Map() });
    const naive = mk();
    const S = p.samples;
    for (let s = 0; s < S.count; s++) {
      const w = S.values[0][s];
      if (w === 0) continue;
      let node = naive;
      node.cum += w;
      node.abs += Math.abs(w);
      for (let i = S.stackStart[s + 1] - 1; i >= S.stackStart[s]; i--) {
        const loc = S.stackLocs[i];
        for (let k = ft.locStart[loc + 1] - 1; k >= ft.locStart[loc]; k--) {
          const f = ft.frames[k];
          let c = node.kids.get(f);
          if (!c) node.kids.set(f, (c = mk()));
          node = c;
          node.cum += w;
          node.abs += Math.abs(w);
        }
      }
      if (node !== naive) node.flat += w;
    }

    let visited = 0;
    const bad: string[] = [];
    const check = (tn: TreeNode, nv: Naive, path: string) => {
      visited++;
      const v = nodeValues(t, tn);
      if (v.cum !== nv.cum || v.flat !== nv.flat || v.abs !== nv.abs) bad.push(`${path}: ${JSON.stringify([v, nv.cum, nv.flat, nv.abs])}`);
      const kids: TreeNode[] = [];
      forEachChild(t, tn, (c) => kids.push(c));
      const want = [...nv.kids.keys()].sort((a, c) => a - c).join(',');
      if (kids.map((c) => c.frame).join(',') !== want) bad.push(`${path}: children ${kids.map((c) => c.frame)} != ${want}`);
      for (const c of kids) if (nv.kids.has(c.frame)) check(c, nv.kids.get(c.frame)!, `${path}/${c.frame}`);
    };
    check(rootNode(t), naive, '');
    expect(bad.slice(0, 5)).toEqual([]);

    // forEachWideChild: exactly the children of at least minAbs, and whether others were left out.
    for (const minAbs of [1, 7, 50, 400]) {
      let wide = 0;
      const walk = (tn: TreeNode) => {
        const all: TreeNode[] = [];
        forEachChild(t, tn, (c) => all.push(c));
        const absOf = (c: TreeNode) => t.absPre[c.hi] - t.absPre[c.lo];
        const want = all.filter((c) => absOf(c) >= minAbs && absOf(c) > 0);
        const got: TreeNode[] = [];
        const left = forEachWideChild(t, tn, minAbs, (c) => got.push(c));
        expect(got).toEqual(want);
        expect(left).toBe(all.some((c) => absOf(c) > 0 && absOf(c) < minAbs));
        wide += got.length;
        for (const c of got) walk(c);
      };
      walk(rootNode(t));
      expect(wide).toBeGreaterThan(0);
    }
    expect(visited).toBeGreaterThan(1000);
    expect(t.negative).toBe(true);
    expect(printableName(ft.infos[0])).toMatch(/^f\d+$/);
  });
});

describe('stackTree with a selection', () => {
  it('weighs only the kept samples, and finds the smallest sum over equal stacks', () => {
    const rnd = prng(7);
    const b = new ProfileBuilder();
    b.addSampleType('samples', 'count');
    const fns = Array.from({ length: 6 }, (_, i) => b.addFunction(`g${i}`, `g${i}`, 'g.go'));
    const locs = fns.map((f, i) => b.addLocation(BigInt(i + 1), -1, [{ function: f, line: 1 }]));
    const n = 3000;
    for (let s = 0; s < n; s++) {
      const depth = Math.floor(rnd() * 4);
      b.addSample(Array.from({ length: depth }, () => locs[Math.floor(rnd() * locs.length)]), [1 + Math.floor(rnd() * 50)]);
    }
    const p = b.build();
    const ft = internFrames(p, { granularity: 'functions' });
    const idx = buildStackIndex(p, ft);
    const values = p.samples.values[0];
    const S = p.samples;
    // Naive: sums of the kept samples by stack, the empty stack apart.
    const naive = (keep: Uint8Array) => {
      const sums = new Map<string, number>();
      let total = 0;
      for (let s = 0; s < n; s++) {
        if (!keep[s]) continue;
        total += values[s];
        if (S.stackStart[s + 1] === S.stackStart[s]) continue;
        const key = [...S.stackLocs.subarray(S.stackStart[s], S.stackStart[s + 1])].join(',');
        sums.set(key, (sums.get(key) ?? 0) + values[s]);
      }
      return { total, min: Math.min(...sums.values()) };
    };
    let last: ReturnType<typeof stackTree> | null = null;
    for (const share of [0.4, 0.1, 0.9]) {
      const keep = Uint8Array.from({ length: n }, () => (rnd() < share ? 1 : 0));
      const t = stackTree(idx, { values, meanDiv: null, keep });
      // A released tree's sums are the next tree's buffer, overwritten whole.
      if (last) expect(t.cumPre).toBe(last.cumPre);
      const want = naive(keep);
      // The bounds found without walking every run hold the smallest node.
      const b = minNodeBounds(t)!;
      expect(b.lo).toBeGreaterThan(0);
      expect(b.lo).toBeLessThanOrEqual(want.min);
      expect(b.hi).toBeGreaterThanOrEqual(want.min);
      expect(nodeValues(t, rootNode(t)).cum).toBe(want.total);
      expect(nodeValues(t, rootNode(t)).abs).toBe(want.total);
      expect(minNodeValue(t)).toBe(want.min);
      releaseTree(t);
      last = t;
    }
    // A column with negative values is summed apart (|value| and value differ).
    const neg = values.map((v, s) => (s % 3 === 0 ? -v : v));
    const keep = Uint8Array.from({ length: n }, () => (rnd() < 0.5 ? 1 : 0));
    const t = stackTree(idx, { values: neg, meanDiv: null, keep });
    let cum = 0;
    let abs = 0;
    for (let s = 0; s < n; s++) if (keep[s]) (cum += neg[s]), (abs += Math.abs(neg[s]));
    expect(t.cumPre).not.toBe(t.absPre);
    expect(nodeValues(t, rootNode(t))).toMatchObject({ cum, abs });
  });
});
