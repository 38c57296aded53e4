// graph.newGraph for the columnar model: one pass over the samples' stacks of
// interned frame ids, accumulating into typed arrays; cum and edges are counted
// once per sample even under recursion (per-sample stamps instead of sets).
import type { Profile } from '../profile/model';
import { ProfileError } from '../profile/errors';
import type { FrameTable } from './frames';
import { blankNode, type Graph, type GraphEdge, type GraphNode, type Tag } from './types';
import { collectSampleTags, type SampleTags, type TagOptions } from './tags';

export interface BuildOptions {
  values: Float64Array; // the selected sample value of each sample
  meanDiv?: Float64Array | null; // -mean: the divisor of each sample
  kept?: Uint8Array | null; // by node id; null = keep all
  dropNegative?: boolean;
  tags?: TagOptions | null; // collect label tags (for -dot nodelets)
  edges?: boolean; // default true; false when only flat/cum are needed
  edgeDst?: Uint8Array | null; // by node id: only edges into marked nodes (null = all)
}

// Edges keyed by (src, dst) in an open-addressing hash whose slots hold the
// edge itself, 4 doubles per slot: the key src * 2^26 + dst (-1 = empty),
// 4 * last sample counted + flags (bit 0 residual, bit 1 inline), weight and
// weightDiv. One slot is half a cache line: memory latency is what the
// per-frame cost comes down to.
const KEY_SHIFT = 2 ** 26;

export class EdgeStore {
  private mask = 1023;
  slots = new Float64Array(1024 * 4).fill(-1);
  n = 0;
  // The slot of the last edge looked up from each source node: callers tend
  // to call the same callee again, and this small table stays in cache.
  private lastDst: Int32Array;
  private lastSlot: Int32Array;

  constructor(nodes: number) {
    this.lastDst = new Int32Array(nodes).fill(-1);
    this.lastSlot = new Int32Array(nodes);
  }

  /** AddToEdgeDiv, once per sample s for each (src, dst). */
  add(src: number, dst: number, w: number, dw: number, s: number, residual: boolean, inline: boolean): void {
    const slots = this.slots;
    let j: number;
    if (this.lastDst[src] === dst) {
      j = this.lastSlot[src];
    } else {
      const key = src * KEY_SHIFT + dst;
      let h = Math.imul(src, 0x9e3779b1) + dst;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = (h ^ (h >>> 13)) & this.mask;
      j = h << 2;
      while (slots[j] !== key && slots[j] !== -1) {
        h = (h + 1) & this.mask;
        j = h << 2;
      }
      if (slots[j] === -1) {
        slots[j] = key;
        slots[j + 1] = s * 4 + (inline ? 2 : 0) + (residual ? 1 : 0);
        slots[j + 2] = w;
        slots[j + 3] = dw;
        if (++this.n * 2 > this.mask) this.rehash();
        else {
          this.lastDst[src] = dst;
          this.lastSlot[src] = j;
        }
        return;
      }
      this.lastDst[src] = dst;
      this.lastSlot[src] = j;
    }
    const tag = slots[j + 1] | 0; // < 2^31: samples are fewer than 2^29
    if (tag >> 2 === s) return; // counted for this sample already
    let flags = tag & 3;
    if (!inline) flags &= ~2;
    if (residual) flags |= 1;
    slots[j + 1] = s * 4 + flags;
    slots[j + 2] += w;
    slots[j + 3] += dw;
  }

  private rehash(): void {
    this.lastDst.fill(-1);
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.slots = new Float64Array(cap * 4).fill(-1);
    for (let o = 0; o < old.length; o += 4) {
      const key = old[o];
      if (key === -1) continue;
      const src = Math.floor(key / KEY_SHIFT);
      const dst = key - src * KEY_SHIFT;
      let h = Math.imul(src, 0x9e3779b1) + dst;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = (h ^ (h >>> 13)) & this.mask;
      while (this.slots[h << 2] !== -1) h = (h + 1) & this.mask;
      this.slots.set(old.subarray(o, o + 4), h << 2);
    }
  }

  /** Adds every edge to its nodes' in and out maps (nodeOf: the GraphNode of a node id). */
  link(nodeOf: (id: number) => GraphNode): void {
    this.forEach((s, d, weight, weightDiv, flags) => {
      const src = nodeOf(s);
      const dest = nodeOf(d);
      const edge: GraphEdge = { src, dest, weight, weightDiv, residual: (flags & 1) !== 0, inline: (flags & 2) !== 0 };
      src.out.set(dest, edge);
      dest.in.set(src, edge);
    });
  }

  /** Calls f for every edge. */
  forEach(f: (src: number, dst: number, weight: number, weightDiv: number, flags: number) => void): void {
    const slots = this.slots;
    for (let j = 0; j < slots.length; j += 4) {
      const key = slots[j];
      if (key === -1) continue;
      const src = Math.floor(key / KEY_SHIFT);
      f(src, key - src * KEY_SHIFT, slots[j + 2], slots[j + 3], (slots[j + 1] | 0) & 3);
    }
  }
}

interface Acc {
  flat: Float64Array;
  flatDiv: Float64Array;
  cum: Float64Array;
  cumDiv: Float64Array;
  touched: Uint8Array;
  nodeSeen: Int32Array;
  edges: EdgeStore;
}

type TagHook = (node: number, sample: number, w: number, dw: number, flat: boolean) => void;

// walkSamples for the first graph of a trimmed report: all nodes kept, no
// edges, no tags. Only cum (once per sample) and flat (the innermost frame)
// are read, and most locations hold a single frame: one lookup for those.
// Without -mean the divisors stay 0 and `touched` is read from the stamps
// afterwards: two arrays per frame instead of four (memory is the cost).
function walkNodes(p: Profile, ft: FrameTable, o: BuildOptions, a: Acc): void {
  const meanDiv = o.meanDiv ?? null;
  if (meanDiv !== null) {
    walkNodesMean(p, ft, o.values, meanDiv, a);
    return;
  }
  const { stackStart, stackLocs, count } = p.samples;
  const { locStart, frames } = ft;
  const values = o.values;
  const { flat, cum, touched, nodeSeen } = a;
  const single = singleFrames(ft);
  for (let s = 0; s < count; s++) {
    const w = values[s];
    if (w === 0) continue;
    const first = stackStart[s];
    const end = stackStart[s + 1];
    if (first === end) continue;
    for (let i = first; i < end; i++) {
      const loc = stackLocs[i];
      const one = single[loc];
      if (one >= 0) {
        if (nodeSeen[one] !== s) {
          nodeSeen[one] = s;
          cum[one] += w;
        }
        continue;
      }
      for (let k = locStart[loc]; k < locStart[loc + 1]; k++) {
        const n = frames[k];
        if (nodeSeen[n] !== s) {
          nodeSeen[n] = s;
          cum[n] += w;
        }
      }
    }
    // Every frame is kept: the leaf is the innermost frame of the innermost location.
    flat[frames[locStart[stackLocs[first]]]] += w;
  }
  for (let n = 0; n < nodeSeen.length; n++) if (nodeSeen[n] >= 0) touched[n] = 1;
}

// The location's frame when it has one, else -1.
function singleFrames(ft: FrameTable): Int32Array {
  const { locStart, frames } = ft;
  const nLocs = locStart.length - 1;
  const single = new Int32Array(nLocs);
  for (let l = 0; l < nLocs; l++) single[l] = locStart[l + 1] - locStart[l] === 1 ? frames[locStart[l]] : -1;
  return single;
}

function walkNodesMean(p: Profile, ft: FrameTable, values: Float64Array, meanDiv: Float64Array, a: Acc): void {
  const { stackStart, stackLocs, count } = p.samples;
  const { locStart, frames } = ft;
  const { flat, flatDiv, cum, cumDiv, touched, nodeSeen } = a;
  for (let s = 0; s < count; s++) {
    const w = values[s];
    const dw = meanDiv[s];
    if (w === 0 && dw === 0) continue;
    const first = stackStart[s];
    const end = stackStart[s + 1];
    if (first === end) continue;
    for (let i = first; i < end; i++) {
      const loc = stackLocs[i];
      for (let k = locStart[loc]; k < locStart[loc + 1]; k++) {
        const n = frames[k];
        if (nodeSeen[n] !== s) {
          nodeSeen[n] = s;
          touched[n] = 1;
          cum[n] += w;
          cumDiv[n] += dw;
        }
      }
    }
    const leaf = frames[locStart[stackLocs[first]]];
    flat[leaf] += w;
    flatDiv[leaf] += dw;
  }
}

// The hot loop, kept small and monomorphic so that it optimizes well.
function walkSamples(p: Profile, ft: FrameTable, o: BuildOptions, a: Acc, onTag: TagHook | null): void {
  const { stackStart, stackLocs, count } = p.samples;
  const { locStart, frames } = ft;
  const values = o.values;
  const meanDiv = o.meanDiv ?? null;
  const kept = o.kept ?? null;
  const { flat, flatDiv, cum, cumDiv, touched, nodeSeen, edges } = a;
  const withEdges = o.edges !== false;
  const edgeDst = o.edgeDst ?? null;
  for (let s = 0; s < count; s++) {
    const w = values[s];
    const dw = meanDiv !== null ? meanDiv[s] : 0;
    if (w === 0 && dw === 0) continue;
    let parent = -1;
    let residual = false;
    const first = stackStart[s];
    for (let i = stackStart[s + 1] - 1; i >= first; i--) {
      const loc = stackLocs[i];
      const lo = locStart[loc];
      const last = locStart[loc + 1] - 1;
      for (let k = last; k >= lo; k--) {
        const n = frames[k];
        if (kept !== null && kept[n] === 0) {
          residual = true;
          continue;
        }
        if (nodeSeen[n] !== s) {
          nodeSeen[n] = s;
          touched[n] = 1;
          cum[n] += w;
          cumDiv[n] += dw;
          if (onTag !== null) onTag(n, s, w, dw, false);
        }
        if (withEdges && parent >= 0 && n !== parent && (edgeDst === null || edgeDst[n] !== 0))
          edges.add(parent, n, w, dw, s, residual, k !== last);
        parent = n;
        residual = false;
      }
    }
    if (parent >= 0 && !residual) {
      flat[parent] += w;
      flatDiv[parent] += dw;
      if (onTag !== null) onTag(parent, s, w, dw, true);
    }
  }
}


export function buildGraph(p: Profile, ft: FrameTable, o: BuildOptions): Graph {
  const nNodes = ft.infos.length;
  if (nNodes >= KEY_SHIFT) throw new ProfileError(`the profile has ${nNodes} distinct frames; graphs support up to ${KEY_SHIFT - 1}`);
  const a: Acc = {
    flat: new Float64Array(nNodes),
    flatDiv: new Float64Array(nNodes),
    cum: new Float64Array(nNodes),
    cumDiv: new Float64Array(nNodes),
    touched: new Uint8Array(nNodes),
    nodeSeen: new Int32Array(nNodes).fill(-1),
    edges: new EdgeStore(nNodes),
  };
  let tagAcc: Map<number, NodeTags> | null = null;
  let onTag: TagHook | null = null;
  let replayTags: (() => void) | null = null;
  if (o.tags) {
    const tagOpts = o.tags;
    const acc = (tagAcc = new Map<number, NodeTags>());
    // Samples share few distinct tag sets: sum values per (node, tag set) in
    // the walk, then add them to the tag maps once per pair, in first-seen
    // order (the maps' insertion order stays that of per-sample adding).
    const setIds = new Map<string, number>();
    const sets: SampleTags[] = [];
    const setOf = new Int32Array(p.samples.count);
    for (let s = 0; s < p.samples.count; s++) {
      if (o.values[s] === 0 && (!o.meanDiv || o.meanDiv[s] === 0)) continue; // not walked
      const st = collectSampleTags(p, s, tagOpts);
      let key = st.labels;
      for (const x of st.numeric) key += `\0${x.name}\x01${x.unit}\x01${x.value}`;
      let id = setIds.get(key);
      if (id === undefined) {
        id = sets.length;
        sets.push(st);
        setIds.set(key, id);
      }
      setOf[s] = id;
    }
    if (sets.length === 1) {
      // One tag set (no labels, say): a node's tag sums are its flat and cum.
      replayTags = () => {
        for (let n = 0; n < nNodes; n++) {
          if (!a.touched[n]) continue;
          addTags(acc, n, sets[0], a.cum[n], a.cumDiv[n], false);
          addTags(acc, n, sets[0], a.flat[n], a.flatDiv[n], true);
        }
      };
    } else if (sets.length > 1) {
      const pairs = new Map<number, number>();
      const sums: number[] = []; // per pair: node, set, cum, cumDiv, flat, flatDiv
      onTag = (n, s, w, dw, isFlat) => {
        const key = n * KEY_SHIFT + setOf[s];
        let j = pairs.get(key);
        if (j === undefined) {
          j = sums.length;
          sums.push(n, setOf[s], 0, 0, 0, 0);
          pairs.set(key, j);
        }
        if (isFlat) {
          sums[j + 4] += w;
          sums[j + 5] += dw;
        } else {
          sums[j + 2] += w;
          sums[j + 3] += dw;
        }
      };
      replayTags = () => {
        for (let j = 0; j < sums.length; j += 6) {
          const st = sets[sums[j + 1]];
          addTags(acc, sums[j], st, sums[j + 2], sums[j + 3], false);
          addTags(acc, sums[j], st, sums[j + 4], sums[j + 5], true);
        }
      };
    }
  }
  if (onTag === null && (o.kept ?? null) === null && o.edges === false) walkNodes(p, ft, o, a);
  else walkSamples(p, ft, o, a, onTag);
  if (replayTags) replayTags();

  const { flat, flatDiv, cum, cumDiv, touched, edges } = a;
  const nodeObjs: (GraphNode | undefined)[] = new Array(nNodes);
  const obj = (n: number): GraphNode => {
    let g = nodeObjs[n];
    if (!g) {
      const t = tagAcc?.get(n);
      g = blankNode(n, ft.infos[n]);
      g.flat = flat[n];
      g.flatDiv = flatDiv[n];
      g.cum = cum[n];
      g.cumDiv = cumDiv[n];
      if (t) {
        g.labelTags = t.labelTags;
        g.numericTags = t.numericTags;
      }
      nodeObjs[n] = g;
    }
    return g;
  };
  edges.link(obj);
  const nodes: GraphNode[] = [];
  for (let n = 0; n < nNodes; n++) {
    if (!touched[n]) continue;
    if (cum[n] === 0 && flat[n] === 0) continue;
    if (o.dropNegative && (flat[n] < 0 || (flat[n] === 0 && cum[n] < 0))) continue;
    nodes.push(obj(n));
  }
  return { nodes };
}

export interface NodeTags {
  labelTags: Map<string, Tag>;
  numericTags: Map<string, Map<string, Tag>>;
}

function findOrAddTag(m: Map<string, Tag>, name: string, unit: string, value: number): Tag {
  let t = m.get(name);
  if (!t) {
    t = { name, unit, value, flat: 0, flatDiv: 0, cum: 0, cumDiv: 0 };
    m.set(name, t);
  }
  return t;
}

export function addTags(acc: Map<number, NodeTags>, n: number, st: SampleTags, w: number, dw: number, isFlat: boolean): void {
  let nt = acc.get(n);
  if (!nt) {
    nt = { labelTags: new Map(), numericTags: new Map() };
    acc.set(n, nt);
  }
  const add = (t: Tag) => {
    if (isFlat) {
      t.flatDiv += dw;
      t.flat += w;
    } else {
      t.cumDiv += dw;
      t.cum += w;
    }
  };
  if (st.labels !== '') add(findOrAddTag(nt.labelTags, st.labels, '', 0));
  let num = nt.numericTags.get(st.labels);
  if (!num) {
    num = new Map();
    nt.numericTags.set(st.labels, num);
  }
  for (const x of st.numeric) add(findOrAddTag(num, x.name, x.unit, x.value));
}
