// addInlineEdges must give, for the marked nodes, the edges buildGraph gives
// with the same kept set: weights, inline and residual flags.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import { buildGraph } from './build';
import { inlinedNodes, internFrames } from './frames';
import { addInlineEdges } from './inline-edges';
import type { Graph } from './types';

function edgesInto(g: Graph, dst: Uint8Array): string[] {
  const out: string[] = [];
  for (const n of g.nodes) {
    if (!dst[n.id]) continue;
    for (const e of n.in.values()) out.push(`${e.src.id}->${n.id} ${e.weight}/${e.weightDiv} ${e.inline ? 'i' : ''}${e.residual ? 'r' : ''}`);
  }
  return out.sort();
}

describe('addInlineEdges', () => {
  it.each(['cpu.pb.gz', 'heap.pb.gz', 'large.pb.gz'])('%s: the edges of buildGraph into the marked nodes', (file) => {
    const p = parseProfile(new Uint8Array(readFileSync(path.join(GO, file))));
    for (const granularity of ['functions', 'lines'] as const) {
      const ft = internFrames(p, { granularity });
      const values = p.samples.values[p.samples.values.length - 1];
      const all = buildGraph(p, ft, { values, edges: false });
      // Keep the heavier half (some inlined frames dropped, so residual edges appear), mark every inlined node.
      const cums = all.nodes.map((n) => Math.abs(n.cum)).sort((a, b) => a - b);
      const cut = cums[Math.floor(cums.length / 2)];
      const kept = new Uint8Array(ft.infos.length);
      for (const n of all.nodes) if (Math.abs(n.cum) >= cut) kept[n.id] = 1;
      const dst = inlinedNodes(ft).map((m, id) => (m && kept[id] ? 1 : 0));
      const want = buildGraph(p, ft, { values, kept });
      const nodes = all.nodes.filter((n) => kept[n.id]);
      addInlineEdges(p, ft, nodes, { values, kept, dst });
      const got = edgesInto({ nodes }, dst);
      expect(got).toEqual(edgesInto(want, dst));
      if (file === 'cpu.pb.gz') expect(got.some((e) => / i/.test(e)) && got.some((e) => /r$/.test(e))).toBe(true);
    }
  });
});
