// The edges into a few marked nodes, for reports that read only whether the
// calls into a node were inlined (-top/-text's "(inline)" marks). The nodes and
// their values come from a graph already built; this walks again only the
// samples that hold a marked node, and does none of the per-node accounting.
import type { Profile } from '../profile/model';
import { EdgeStore } from './build';
import type { FrameTable } from './frames';
import type { GraphEdge, GraphNode } from './types';

export interface InlineEdgeOptions {
  values: Float64Array;
  meanDiv?: Float64Array | null;
  kept: Uint8Array | null; // by node id; null = all
  dst: Uint8Array; // by node id: the nodes whose incoming edges are wanted
}

/** Replaces the edges of `nodes` by newGraph's edges into the marked nodes. */
export function addInlineEdges(p: Profile, ft: FrameTable, nodes: GraphNode[], o: InlineEdgeOptions): void {
  const edges = walkEdges(p, ft, o);
  const byId: (GraphNode | undefined)[] = new Array(ft.infos.length);
  for (const n of nodes) {
    n.in = new Map();
    n.out = new Map();
    byId[n.id] = n;
  }
  // A source not in the graph (zero values) still needs an object: edges are
  // keyed by node. It has no values and is not listed.
  const obj = (id: number): GraphNode =>
    (byId[id] ??= {
      id,
      info: ft.infos[id],
      flat: 0,
      flatDiv: 0,
      cum: 0,
      cumDiv: 0,
      in: new Map(),
      out: new Map(),
      labelTags: new Map(),
      numericTags: new Map(),
    });
  edges.forEach((s, d, weight, weightDiv, flags) => {
    const src = obj(s);
    const dest = obj(d);
    const edge: GraphEdge = { src, dest, weight, weightDiv, residual: (flags & 1) !== 0, inline: (flags & 2) !== 0 };
    src.out.set(dest, edge);
    dest.in.set(src, edge);
  });
}

const NONE_KEPT = -1;
const HAS_MARKED = -2;

// walkSamples' edge logic (graph.newGraph), restricted to edges into dst.
function walkEdges(p: Profile, ft: FrameTable, o: InlineEdgeOptions): EdgeStore {
  const { stackStart, stackLocs, count } = p.samples;
  const { locStart, frames } = ft;
  const { values, kept, dst } = o;
  const meanDiv = o.meanDiv ?? null;
  const nLocs = locStart.length - 1;
  // One code per location, so that the walk does one lookup per location: a
  // location without a marked frame only moves the parent, to its innermost
  // kept frame n (code 2n, or 2n+1: residual, frames below it dropped) or
  // nowhere (NONE_KEPT: all dropped); HAS_MARKED: walk its frames.
  const code = new Int32Array(nLocs).fill(NONE_KEPT);
  for (let l = 0; l < nLocs; l++) {
    let marked = false;
    for (let k = locStart[l]; k < locStart[l + 1]; k++) if (dst[frames[k]] !== 0) marked = true;
    if (marked) {
      code[l] = HAS_MARKED;
      continue;
    }
    for (let k = locStart[l]; k < locStart[l + 1]; k++) {
      if (kept === null || kept[frames[k]] !== 0) {
        code[l] = frames[k] * 2 + (k > locStart[l] ? 1 : 0);
        break;
      }
    }
  }
  const edges = new EdgeStore(ft.infos.length);
  for (let s = 0; s < count; s++) {
    const w = values[s];
    const dw = meanDiv !== null ? meanDiv[s] : 0;
    if (w === 0 && dw === 0) continue;
    const first = stackStart[s];
    let parent = -1;
    let residual = false;
    for (let i = stackStart[s + 1] - 1; i >= first; i--) {
      const loc = stackLocs[i];
      const c = code[loc];
      if (c !== HAS_MARKED) {
        if (c === NONE_KEPT) residual = true;
        else {
          parent = c >> 1;
          residual = (c & 1) !== 0;
        }
        continue;
      }
      const lo = locStart[loc];
      const last = locStart[loc + 1] - 1;
      for (let k = last; k >= lo; k--) {
        const n = frames[k];
        if (kept !== null && kept[n] === 0) {
          residual = true;
          continue;
        }
        if (dst[n] !== 0 && parent >= 0 && n !== parent) edges.add(parent, n, w, dw, s, residual, k !== last);
        parent = n;
        residual = false;
      }
    }
  }
  return edges;
}
