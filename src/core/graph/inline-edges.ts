// The edges into a few marked nodes, for reports that read only whether the
// calls into a node were inlined (-top/-text's "(inline)" marks). The nodes and
// their values come from a graph already built; this walks again only the
// samples that hold a marked node, and does none of the per-node accounting.
import type { Profile } from '../profile/model';
import { EdgeStore } from './build';
import type { FrameTable } from './frames';
import { blankNode, type GraphNode } from './types';

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
  edges.link((id) => (byId[id] ??= blankNode(id, ft.infos[id])));
}

const NONE_KEPT = -1;
const HAS_MARKED = -2;
// Flags of a step of a location's program.
const DST = 1; // the frame is marked: edges into it are wanted
const INLINE = 2; // an inlined frame (not the location's outermost line)
const DROPPED_BEFORE = 4; // frames not kept come between the previous kept frame and this one

// walkSamples' edge logic (graph.newGraph), restricted to edges into dst.
function walkEdges(p: Profile, ft: FrameTable, o: InlineEdgeOptions): EdgeStore {
  const { stackStart, stackLocs, count } = p.samples;
  const { values } = o;
  const meanDiv = o.meanDiv ?? null;
  const { code, progStart, progNode, progFlags, tail } = locationPrograms(ft, o.kept, o.dst);
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
      // The kept frames of the location, outermost first (see locationPrograms).
      const end = progStart[loc + 1];
      for (let j = progStart[loc]; j < end; j++) {
        const n = progNode[j];
        const f = progFlags[j];
        if ((f & DROPPED_BEFORE) !== 0) residual = true;
        if ((f & DST) !== 0 && parent >= 0 && n !== parent) edges.add(parent, n, w, dw, s, residual, (f & INLINE) !== 0);
        parent = n;
        residual = false;
      }
      residual = tail[loc] !== 0;
    }
  }
  return edges;
}

/**
 * One code per location, so that the walk does one lookup per location: a
 * location without a marked frame only moves the parent, to its innermost
 * kept frame n (code 2n, or 2n+1: residual, frames below it dropped) or
 * nowhere (NONE_KEPT: all dropped). A location with a marked frame
 * (HAS_MARKED) has a program: its kept frames, outermost first, with flags;
 * tail: frames below the innermost kept one are dropped.
 */
function locationPrograms(ft: FrameTable, kept: Uint8Array | null, dst: Uint8Array) {
  const { locStart, frames } = ft;
  const nLocs = locStart.length - 1;
  const isKept = (n: number) => kept === null || kept[n] !== 0;
  const code = new Int32Array(nLocs).fill(NONE_KEPT);
  const progStart = new Uint32Array(nLocs + 1);
  const progNode: number[] = [];
  const progFlags: number[] = [];
  const tail = new Uint8Array(nLocs);
  for (let l = 0; l < nLocs; l++) {
    progStart[l] = progNode.length;
    const lo = locStart[l];
    const last = locStart[l + 1] - 1;
    let marked = false;
    for (let k = lo; k <= last; k++) if (dst[frames[k]] !== 0) marked = true;
    if (!marked) {
      for (let k = lo; k <= last; k++) {
        if (isKept(frames[k])) {
          code[l] = frames[k] * 2 + (k > lo ? 1 : 0);
          break;
        }
      }
      continue;
    }
    code[l] = HAS_MARKED;
    let dropped = false;
    for (let k = last; k >= lo; k--) {
      const n = frames[k];
      if (!isKept(n)) {
        dropped = true;
        continue;
      }
      progNode.push(n);
      progFlags.push((dst[n] !== 0 ? DST : 0) | (k !== last ? INLINE : 0) | (dropped ? DROPPED_BEFORE : 0));
      dropped = false;
    }
    tail[l] = dropped ? 1 : 0;
  }
  progStart[nLocs] = progNode.length;
  return { code, progStart, progNode: Int32Array.from(progNode), progFlags: Uint8Array.from(progFlags), tail };
}
