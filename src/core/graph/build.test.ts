import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { internFrames } from './frames';
import { printableName } from './node-info';
import { tinyProfile } from './test-profile';
import type { Graph, GraphNode } from './types';

const p = tinyProfile();
const values = p.samples.values[1];

function byName(g: Graph): Map<string, GraphNode> {
  return new Map(g.nodes.map((n) => [printableName(n.info), n]));
}

describe('buildGraph', () => {
  const ft = internFrames(p);
  const g = byName(buildGraph(p, ft, { values }));

  it('counts cum once per sample, even under recursion', () => {
    expect(g.get('main.A')).toMatchObject({ flat: 5e6, cum: 15e6 });
    expect(g.get('main.main')).toMatchObject({ flat: 0, cum: 17e6 });
    expect(g.get('pkg.B')).toMatchObject({ flat: 0, cum: 15e6 });
    expect(g.get('pkg.C')).toMatchObject({ flat: 10e6, cum: 10e6 });
  });

  it('names a frame without function after its binary', () => {
    expect(g.get('[prog]')).toMatchObject({ flat: 2e6, cum: 2e6 });
  });

  it('marks inlined calls and weighs edges once per sample', () => {
    const b = g.get('pkg.B')!;
    const c = g.get('pkg.C')!;
    const a = g.get('main.A')!;
    expect(b.out.get(c)).toMatchObject({ weight: 10e6, inline: true, residual: false });
    expect(b.out.get(a)).toMatchObject({ weight: 5e6, inline: false });
    expect(a.out.get(b)).toMatchObject({ weight: 15e6, inline: false });
  });

  it('bridges dropped nodes with residual edges', () => {
    const kept = new Uint8Array(ft.infos.length).fill(1);
    const bId = ft.infos.findIndex((i) => i.name === 'pkg.B');
    kept[bId] = 0;
    const k = byName(buildGraph(p, ft, { values, kept }));
    expect(k.has('pkg.B')).toBe(false);
    const a = k.get('main.A')!;
    const c = k.get('pkg.C')!;
    expect(a.out.get(c)).toMatchObject({ weight: 10e6, residual: true, inline: true });
    expect(a.out.has(a)).toBe(false); // A -> (B) -> A is not a self edge
    expect(a).toMatchObject({ flat: 5e6, cum: 15e6 });
  });

  it('keys nodes by granularity', () => {
    const lines = byName(buildGraph(p, internFrames(p, { granularity: 'lines' }), { values }));
    expect([...lines.keys()].sort()).toContain('pkg.B pkg/b.go:31');
    expect([...lines.keys()].sort()).toContain('main.A prog/a.go:20');
    const files = byName(buildGraph(p, internFrames(p, { granularity: 'files' }), { values }));
    expect(files.get('pkg/c.go')).toMatchObject({ flat: 10e6 });
    const addrs = byName(buildGraph(p, internFrames(p, { granularity: 'addresses' }), { values }));
    expect(addrs.has('0000000000403000 pkg.C pkg/c.go:40')).toBe(true);
    const noinl = byName(buildGraph(p, internFrames(p, { noInlines: true }), { values }));
    expect(noinl.has('pkg.C')).toBe(false);
    expect(noinl.get('pkg.B')).toMatchObject({ flat: 10e6, cum: 15e6 });
  });

  it('applies -mean divisors and drop_negative', () => {
    const neg = new Float64Array(values).map((v) => -v);
    const dropped = buildGraph(p, ft, { values: neg, dropNegative: true });
    expect(dropped.nodes.length).toBe(0);
    const mean = byName(buildGraph(p, ft, { values, meanDiv: p.samples.values[0] }));
    expect(mean.get('main.main')).toMatchObject({ cum: 17e6, cumDiv: 3 });
  });
});
