// The stack tree of a flame graph (pprof's call tree, graph.newTree, as its
// web flame graph uses it: one node per distinct path of frames from the root,
// with flat and cum), kept implicit so that a profile of a million samples
// does not become tens of millions of nodes:
//
// the samples' frame sequences (root first) are sorted; then the samples below
// any node of the tree are one contiguous run of the sorted order, its children
// are consecutive sub-runs (by the frame at the node's depth), and its values
// are differences of prefix sums. A view walks only the nodes it shows.
import type { Profile } from '../profile/model';
import type { FrameTable } from '../graph/frames';

export interface StackTreeOptions {
  values: Float64Array;
  meanDiv: Float64Array | null;
}

/** A node: the sorted samples [lo, hi) share its path of `depth` frames; frame = last of them (-1 = root). */
export interface TreeNode {
  lo: number;
  hi: number;
  depth: number;
  frame: number;
}

export interface StackTree {
  /** Samples that count (newTree skips zero values), in sorted order. */
  count: number;
  /** Frame sequence of sorted sample x: seq[seqOff[x] .. seqEnd[x]-1], root first. */
  seq: Int32Array;
  seqOff: Uint32Array;
  seqEnd: Uint32Array;
  /** Prefix sums over the sorted samples of value, |value| and the -mean divisor (null without -mean). */
  cumPre: Float64Array;
  absPre: Float64Array;
  divPre: Float64Array | null;
  /** Some selected value is negative (delta or diff profile). */
  negative: boolean;
}

export function buildStackTree(p: Profile, ft: FrameTable, o: StackTreeOptions): StackTree {
  const { stackStart, stackLocs, count: nSamples } = p.samples;
  const { locStart, frames } = ft;
  const { values, meanDiv } = o;

  const kept: number[] = [];
  let total = 0;
  let negative = false;
  for (let s = 0; s < nSamples; s++) {
    if (values[s] === 0 && (!meanDiv || meanDiv[s] === 0)) continue;
    if (values[s] < 0) negative = true;
    kept.push(s);
    for (let i = stackStart[s]; i < stackStart[s + 1]; i++) {
      const loc = stackLocs[i];
      total += locStart[loc + 1] - locStart[loc];
    }
  }
  const m = kept.length;
  // Root first: the stack is leaf first, and a location's lines innermost first.
  const raw = new Int32Array(total);
  const rawStart = new Uint32Array(m + 1);
  let off = 0;
  for (let r = 0; r < m; r++) {
    const s = kept[r];
    rawStart[r] = off;
    for (let i = stackStart[s + 1] - 1; i >= stackStart[s]; i--) {
      const loc = stackLocs[i];
      const lo = locStart[loc];
      for (let k = locStart[loc + 1] - 1; k >= lo; k--) raw[off++] = frames[k];
    }
  }
  rawStart[m] = off;

  // Lexicographic, a sequence before its extensions: a node's own samples
  // (where it is the leaf) come first in its run, then its children's runs.
  const order = new Uint32Array(m);
  for (let r = 0; r < m; r++) order[r] = r;
  let seqOff: Uint32Array;
  let seqEnd: Uint32Array;
  if (m < SMALL_SORT) {
    order.sort((a, b) => compareSeq(raw, rawStart, a, b));
    seqOff = new Uint32Array(m);
    seqEnd = new Uint32Array(m);
    for (let x = 0; x < m; x++) {
      seqOff[x] = rawStart[order[x]];
      seqEnd[x] = rawStart[order[x] + 1];
    }
  } else {
    ({ off: seqOff, end: seqEnd } = sortSequences(order, raw, rawStart));
  }

  const cumPre = new Float64Array(m + 1);
  const absPre = new Float64Array(m + 1);
  const divPre = meanDiv ? new Float64Array(m + 1) : null;
  for (let x = 0; x < m; x++) {
    const s = kept[order[x]];
    const w = values[s];
    cumPre[x + 1] = cumPre[x] + w;
    absPre[x + 1] = absPre[x] + Math.abs(w);
    if (divPre) divPre[x + 1] = divPre[x] + meanDiv![s];
  }
  return { count: m, seq: raw, seqOff, seqEnd, cumPre, absPre, divPre, negative };
}

// Below this many samples a comparison sort measured as fast or faster.
const SMALL_SORT = 50_000;

function compareSeq(raw: Int32Array, start: Uint32Array, a: number, b: number): number {
  let i = start[a];
  let j = start[b];
  const ea = start[a + 1];
  const eb = start[b + 1];
  while (i < ea && j < eb) {
    const d = raw[i] - raw[j];
    if (d !== 0) return d;
    i++;
    j++;
  }
  return ea - i - (eb - j);
}

export function rootNode(t: StackTree): TreeNode {
  return { lo: 0, hi: t.count, depth: 0, frame: -1 };
}

const len = (t: StackTree, x: number) => t.seqEnd[x] - t.seqOff[x];

/** First sample of the node's run that goes deeper than the node (its own samples come before). */
export function ownEnd(t: StackTree, n: TreeNode): number {
  let lo = n.lo;
  let hi = n.hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (len(t, mid) > n.depth) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Calls f for each child of n, in frame id order. */
export function forEachChild(t: StackTree, n: TreeNode, f: (c: TreeNode) => void): void {
  const d = n.depth;
  const { seq, seqOff } = t;
  let x = ownEnd(t, n);
  while (x < n.hi) {
    const key = seq[seqOff[x] + d];
    // Gallop then bisect to the end of the run with this frame at depth d.
    let step = 1;
    let lo = x + 1;
    let hi = x + 1;
    while (hi < n.hi && seq[seqOff[hi] + d] === key) {
      lo = hi + 1;
      hi = Math.min(n.hi, hi + step);
      step *= 2;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (seq[seqOff[mid] + d] === key) lo = mid + 1;
      else hi = mid;
    }
    f({ lo: x, hi: lo, depth: d + 1, frame: key });
    x = lo;
  }
}

export interface NodeValues {
  /** Signed sums of the selected value: through the node (cum) and where it is the leaf (flat). */
  cum: number;
  flat: number;
  /** Sum of |value| through the node: its width. */
  abs: number;
}

/** The node's values as pprof prints them: with -mean, sums divided by the divisors' sums. */
export function nodeValues(t: StackTree, n: TreeNode): NodeValues {
  const own = n.depth === 0 ? n.lo : ownEnd(t, n); // the root's own samples have empty stacks: not flat
  let cum = t.cumPre[n.hi] - t.cumPre[n.lo];
  let flat = t.cumPre[own] - t.cumPre[n.lo];
  if (t.divPre) {
    const cd = t.divPre[n.hi] - t.divPre[n.lo];
    const fd = t.divPre[own] - t.divPre[n.lo];
    if (cd !== 0) cum = Math.trunc(cum / cd);
    if (fd !== 0) flat = Math.trunc(flat / fd);
  }
  return { cum, flat, abs: t.absPre[n.hi] - t.absPre[n.lo] };
}

/**
 * The smallest non-zero |flat| (else |cum|) over the tree's nodes, as
 * Report.selectOutputUnit takes it over pprof's call tree. Without negative
 * values (and without -mean) it is the smallest sum over identical stacks: a
 * node without flat has a cum at least as large; otherwise every node is visited.
 */
export function minNodeValue(t: StackTree): number {
  let min = 0;
  const consider = (v: number) => {
    if (v > 0 && (min === 0 || v < min)) min = v;
  };
  if (!t.negative && !t.divPre) {
    const { seq, seqOff, cumPre } = t;
    let x = ownEnd(t, rootNode(t)); // samples with empty stacks are the root's only
    while (x < t.count) {
      let y = x + 1;
      const l = len(t, x);
      while (y < t.count && len(t, y) === l && sameSeq(seq, seqOff[x], seqOff[y], l)) y++;
      consider(Math.abs(cumPre[y] - cumPre[x]));
      x = y;
    }
    return min;
  }
  const stack: TreeNode[] = [];
  forEachChild(t, rootNode(t), (c) => stack.push(c));
  while (stack.length > 0) {
    const n = stack.pop()!;
    const v = nodeValues(t, n);
    if (v.flat !== 0) consider(Math.abs(v.flat));
    else consider(Math.abs(v.cum));
    forEachChild(t, n, (c) => stack.push(c));
  }
  return min;
}

function sameSeq(seq: Int32Array, a: number, b: number, l: number): boolean {
  for (let i = 0; i < l; i++) if (seq[a + i] !== seq[b + i]) return false;
  return true;
}

/**
 * Sorts sequence indexes lexicographically (a prefix first) with multikey
 * quicksort (Bentley and Sedgewick): each frame of a common prefix is read
 * about once, where a comparison sort re-reads shared prefixes at every
 * comparison (stacks share long prefixes): measured 1.5 s against 4.4 s of
 * CPU on a generated 1 M-sample profile. The offsets and ends travel with the
 * indexes (so the loop reads them sequentially) and are returned, in order.
 */
export function sortSequences(order: Uint32Array, raw: Int32Array, start: Uint32Array): { off: Uint32Array; end: Uint32Array } {
  const n = order.length;
  const off = new Uint32Array(n);
  const end = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    off[i] = start[order[i]];
    end[i] = start[order[i] + 1];
  }
  const swap = (a: number, b: number) => {
    let t = order[a];
    order[a] = order[b];
    order[b] = t;
    t = off[a];
    off[a] = off[b];
    off[b] = t;
    t = end[a];
    end[a] = end[b];
    end[b] = t;
  };
  // The frame at depth d, or -1 past the end (frame ids are >= 0).
  const key = (i: number, d: number) => (off[i] + d < end[i] ? raw[off[i] + d] : -1);
  const stack: number[] = [0, n, 0];
  while (stack.length > 0) {
    const d = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo < 2) continue;
    if (hi - lo <= 8) {
      for (let i = lo + 1; i < hi; i++) {
        for (let j = i; j > lo && compareFrom(raw, off, end, j - 1, j, d) > 0; j--) swap(j - 1, j);
      }
      continue;
    }
    const a = key(lo, d);
    const b = key((lo + hi) >>> 1, d);
    const c = key(hi - 1, d);
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i < gt) {
      const k = key(i, d);
      if (k < pivot) swap(lt++, i++);
      else if (k > pivot) swap(i, --gt);
      else i++;
    }
    stack.push(lo, lt, d, gt, hi, d);
    if (pivot >= 0) stack.push(lt, gt, d + 1); // all ended at d: equal sequences
  }
  return { off, end };
}

function compareFrom(raw: Int32Array, off: Uint32Array, end: Uint32Array, a: number, b: number, d: number): number {
  let i = off[a] + d;
  let j = off[b] + d;
  const ea = end[a];
  const eb = end[b];
  while (i < ea && j < eb) {
    const x = raw[i] - raw[j];
    if (x !== 0) return x;
    i++;
    j++;
  }
  return ea - i - (eb - j);
}
