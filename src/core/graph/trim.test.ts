import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import { buildGraph } from './build';
import { inlinedNodes, internFrames } from './frames';
import { printableName } from './node-info';
import { sortNodes } from './sort';
import { tinyProfile } from './test-profile';
import { trimmedGraph, type EdgeNeed, type TrimOptions } from './trim';
import type { Graph, GraphNode } from './types';
import { addInlineEdges } from './inline-edges';

const p = tinyProfile();
const ft = internFrames(p);
const values = p.samples.values[1];
const build = (kept: Uint8Array | null, edges: boolean | Uint8Array) =>
  buildGraph(p, ft, { values, kept, edges: edges !== false, edgeDst: edges instanceof Uint8Array ? edges : null });
const names = (ns: { info: Parameters<typeof printableName>[0] }[]) => ns.map((n) => printableName(n.info));

describe('trimming and order', () => {
  it('sorts by flat, then name (pprof FlatNameOrder)', () => {
    const g = build(null, true);
    expect(names(sortNodes(g.nodes, 'flat-name'))).toEqual(['pkg.C', 'main.A', '[prog]', 'main.main', 'pkg.B']);
    expect(names(sortNodes(g.nodes, 'cum-name'))).toEqual(['main.main', 'main.A', 'pkg.B', 'pkg.C', '[prog]']);
  });
  it('drops nodes under nodefraction of the total and counts them', () => {
    // total flat = 17ms; cutoff 0.2 -> 3.4ms drops [prog] (2ms)
    const t = trimmedGraph(build, ft.infos.length, { nodeFraction: 0.2, edgeFraction: 0, nodeCount: 0, cumSort: false, visualMode: false });
    expect(t.droppedNodes).toBe(1);
    expect(names(t.graph.nodes)).toEqual(['pkg.C', 'main.A', 'main.main', 'pkg.B']);
  });
  it('keeps the top nodecount nodes and drops light edges', () => {
    const t = trimmedGraph(build, ft.infos.length, { nodeFraction: 0, edgeFraction: 0.9, nodeCount: 2, cumSort: true, visualMode: false });
    expect(t.origCount).toBe(5);
    expect(names(t.graph.nodes)).toEqual(['main.main', 'main.A']);
    expect(t.droppedEdges).toBe(1); // main -> A weighs 15ms, under 0.9 * 17ms
    expect(t.graph.nodes[0].out.size).toBe(0);
  });
});

// What a text report reads of a graph: nodes in order, values, and its inline
// mark (text.ts inlineLabel: some kept edge into the node is inline; all are).
function textView(g: Graph): string[] {
  return g.nodes.map((n) => {
    const ins = [...n.in.values()];
    const mark = !ins.some((e) => e.inline) ? '' : ins.every((e) => e.inline) ? 'inline' : 'partial';
    return `${printableName(n.info)} ${n.flat} ${n.cum} ${mark}`;
  });
}

describe('graphs built for fewer edges', () => {
  let marks = 0;
  // Real profiles with inlined frames, recursion and negative values.
  for (const [file, granularity] of [
    ['cpu.pb.gz', 'functions'],
    ['cpu.pb.gz', 'lines'],
    ['cpu.pb.gz', 'addresses'],
    ['large.pb.gz', 'functions'],
    ['heap.delta.pb.gz', 'functions'],
  ] as const) {
    const prof = parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, file))));
    const frames = internFrames(prof, { granularity });
    const inlined = inlinedNodes(frames);
    for (let vi = 0; vi < prof.samples.values.length; vi++) {
      const vals = prof.samples.values[vi];
      const b = (kept: Uint8Array | null, edges: boolean | Uint8Array) =>
        buildGraph(prof, frames, { values: vals, kept, edges: edges !== false, edgeDst: edges instanceof Uint8Array ? edges : null });
      for (const [nodeFraction, nodeCount] of [[0.005, 0], [0.05, 0], [0, 0], [0.005, 7], [0.01, 80]]) {
        it(`${file} -${granularity} sample ${vi} nf=${nodeFraction} n=${nodeCount}: same nodes, values and inline marks`, () => {
          const o: TrimOptions = { nodeFraction, edgeFraction: 0.001, nodeCount, cumSort: nodeCount === 7, visualMode: false };
          const all = trimmedGraph(b, frames.infos.length, o);
          const view = textView(all.graph);
          marks += view.filter((l) => !l.endsWith(' ')).length;
          const walk = (nodes: GraphNode[], kept: Uint8Array | null, dst: Uint8Array) =>
            addInlineEdges(prof, frames, nodes, { values: vals, kept, dst });
          for (const [need, inlineEdges] of [['inline', null], ['inline', walk], ['none', null]] as const) {
            const t = trimmedGraph(b, frames.infos.length, { ...o, edges: need as EdgeNeed, inlined, inlineEdges });
            expect([t.origCount, t.droppedNodes]).toEqual([all.origCount, all.droppedNodes]);
            if (need === 'inline') expect(textView(t.graph)).toEqual(view);
            else expect(t.graph.nodes.map((n) => `${n.id} ${n.flat} ${n.cum}`)).toEqual(all.graph.nodes.map((n) => `${n.id} ${n.flat} ${n.cum}`));
          }
        });
      }
    }
  }
  it('the real profiles have inline marks to compare', () => {
    expect(marks).toBeGreaterThan(20);
  });
});
