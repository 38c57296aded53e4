import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { internFrames } from './frames';
import { printableName } from './node-info';
import { sortNodes } from './sort';
import { tinyProfile } from './test-profile';
import { trimmedGraph } from './trim';

const p = tinyProfile();
const ft = internFrames(p);
const values = p.samples.values[1];
const build = (kept: Uint8Array | null, edges: boolean) => buildGraph(p, ft, { values, kept, edges });
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
