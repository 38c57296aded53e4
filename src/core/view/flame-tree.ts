// The stack tree of a flame graph (pprof's call tree, graph.newTree, as its
// web flame graph uses it: one node per distinct path of frames from the root,
// with flat and cum), kept implicit so that a profile of a million samples
// does not become tens of millions of nodes:
//
// the samples' frame sequences (root first) are sorted, once per profile and
// granularity (stack-index.ts); then the samples below
// any node of the tree are one contiguous run of the sorted order, its children
// are consecutive sub-runs (by the frame at the node's depth), and its values
// are differences of prefix sums. A view walks only the nodes it shows.
import type { Profile } from '../profile/model';
import type { FrameTable } from '../graph/frames';
import { buildStackIndex, columnSums, sortedColumn, type StackIndex } from './stack-index';

export interface StackTreeOptions {
  values: Float64Array;
  meanDiv: Float64Array | null;
  /** The samples that count (applyQuery's select mode); null = all. */
  keep?: Uint8Array | null;
}

/** A node: the sorted samples [lo, hi) share its path of `depth` frames; frame = last of them (-1 = root). */
export interface TreeNode {
  lo: number;
  hi: number;
  depth: number;
  frame: number;
}

export interface StackTree {
  /** All samples of the index, in sorted order: those that do not count weigh 0. */
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
  /** Where each run of equal stacks starts in sorted order, then count. */
  runs: Uint32Array;
  /** No node weighs less than this (0: no such bound is known). */
  floor: number;
  /** Where results that depend only on the sums are kept (null: not memoized). */
  memo: { minNode?: number } | null;
  /** The index, to give the sums back to (releaseTree) when they are its own buffer, else null. */
  owner: StackIndex | null;
}

export function buildStackTree(p: Profile, ft: FrameTable, o: StackTreeOptions): StackTree {
  return stackTree(buildStackIndex(p, ft), o);
}

/**
 * The tree of the index's samples: the index's own arrays, and prefix sums in
 * which a sample left out (by keep) weighs nothing. A sample of value 0 (and
 * divisor 0) weighs nothing either, and pprof's newTree skips those: a node
 * that weighs nothing is not part of the tree (forEachChild passes it by).
 */
export function stackTree(idx: StackIndex, o: StackTreeOptions): StackTree {
  const { order, seq, seqOff, seqEnd, runs } = idx;
  const keep = o.keep ?? null;
  const n = order.length;
  const tree = (cumPre: Float64Array, absPre: Float64Array, divPre: Float64Array | null, negative: boolean, memo: StackTree['memo'], owner: StackIndex | null = null) =>
    ({ count: n, seq, seqOff, seqEnd, cumPre, absPre, divPre, negative, runs, floor: 0, memo, owner });
  const all = o.meanDiv === null ? columnSums(idx, o.values) : null; // made once per column
  if (all !== null && keep === null) return tree(all.cumPre, all.absPre, null, all.negative, all);
  const values = sortedColumn(idx, o.values);
  if (all !== null && !all.negative) {
    // A focus or ignore on values that are never negative: |value| is value,
    // one array serves both sums, and the selection multiplies (no branch:
    // what is kept is clustered, but not enough for a branch to be predicted).
    const pre = idx.spare ?? new Float64Array(n + 1);
    idx.spare = null;
    pre[0] = 0;
    let cum = 0;
    for (let x = 0; x < n; x++) pre[x + 1] = cum += keep![order[x]] * values[x];
    // A node is a sum of values that are all 0 or at least minNonZero.
    return { ...tree(pre, pre, null, false, {}, idx), floor: all.minNonZero };
  }
  const meanDiv = o.meanDiv ? sortedColumn(idx, o.meanDiv) : null;
  const cumPre = new Float64Array(n + 1);
  const absPre = new Float64Array(n + 1);
  const divPre = meanDiv ? new Float64Array(n + 1) : null;
  let negative = false;
  let cum = 0;
  let abs = 0;
  let div = 0;
  for (let x = 0; x < n; x++) {
    if (keep === null || keep[order[x]] !== 0) {
      const w = values[x];
      if (w < 0) negative = true;
      cum += w;
      abs += Math.abs(w);
      if (meanDiv !== null) div += meanDiv[x];
    }
    cumPre[x + 1] = cum;
    absPre[x + 1] = abs;
    if (divPre !== null) divPre[x + 1] = div;
  }
  return tree(cumPre, absPre, divPre, negative, negative || divPre !== null ? null : {});
}

/** Gives a tree's sums back to its index for the next tree: the tree must not be read again. */
export function releaseTree(t: StackTree): void {
  if (t.owner && t.owner.spare === null && t.owner.order.length === t.count) t.owner.spare = t.cumPre;
}

/** Whether the samples [lo, hi) weigh anything: a value or a -mean divisor. */
export function weighs(t: StackTree, lo: number, hi: number): boolean {
  return t.absPre[hi] > t.absPre[lo] || (t.divPre !== null && t.divPre[hi] !== t.divPre[lo]);
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

/** Calls f for each child of n that weighs something, in frame id order. */
export function forEachChild(t: StackTree, n: TreeNode, f: (c: TreeNode) => void): void {
  const d = n.depth;
  let x = ownEnd(t, n);
  while (x < n.hi) {
    const e = runEnd(t, x, n.hi, d);
    if (weighs(t, x, e)) f({ lo: x, hi: e, depth: d + 1, frame: t.seq[t.seqOff[x] + d] });
    x = e;
  }
}

/** End of the run of samples from x (< hi) that share the frame at depth d: gallop, then bisect. */
function runEnd(t: StackTree, x: number, hi: number, d: number): number {
  const { seq, seqOff } = t;
  const key = seq[seqOff[x] + d];
  let step = 1;
  let lo = x + 1;
  let end = x + 1;
  while (end < hi && seq[seqOff[end] + d] === key) {
    lo = end + 1;
    end = Math.min(hi, end + step);
    step *= 2;
  }
  while (lo < end) {
    const mid = (lo + end) >>> 1;
    if (seq[seqOff[mid] + d] === key) lo = mid + 1;
    else end = mid;
  }
  return lo;
}

/**
 * Calls f for each child of n that weighs minAbs or more (sum of |value|), in
 * frame id order, and returns whether narrower children with a value were
 * left out. Runs of narrow children are skipped in one step each (children
 * come in frame id order, so the frame at the node's depth only grows along
 * the run): the work follows the wide children, not the number of children.
 */
export function forEachWideChild(t: StackTree, n: TreeNode, minAbs: number, f: (c: TreeNode) => void): boolean {
  const d = n.depth;
  const { seq, seqOff, absPre } = t;
  const keyAt = (i: number) => seq[seqOff[i] + d];
  let left = false;
  let x = ownEnd(t, n);
  while (x < n.hi) {
    if (absPre[n.hi] - absPre[x] < minAbs) return left || absPre[n.hi] > absPre[x];
    // y: the first end past x where the samples from x weigh minAbs.
    let lo = x + 1;
    let hi = n.hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (absPre[mid] - absPre[x] >= minAbs) hi = mid;
      else lo = mid + 1;
    }
    const k = keyAt(lo - 1);
    if (k !== keyAt(x)) {
      // The children before k's run end before y: all narrower. Skip to k's run.
      let a = x;
      let b = lo - 1;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (keyAt(mid) >= k) b = mid;
        else a = mid + 1;
      }
      if (absPre[a] > absPre[x]) left = true;
      x = a;
    }
    const e = runEnd(t, x, n.hi, d);
    const abs = absPre[e] - absPre[x];
    if (abs >= minAbs && abs > 0) f({ lo: x, hi: e, depth: d + 1, frame: keyAt(x) });
    else if (abs > 0) left = true;
    x = e;
  }
  return left;
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
  if (t.memo) return (t.memo.minNode ??= minNodeOf(t));
  return minNodeOf(t);
}

/**
 * Bounds of minNodeValue found without walking every run of equal stacks: the
 * tree's floor, and the sum of the first run that weighs anything. Null
 * without a floor.
 */
export function minNodeBounds(t: StackTree): { lo: number; hi: number } | null {
  const known = t.memo?.minNode;
  if (known !== undefined) return { lo: known, hi: known };
  if (t.floor <= 0 || t.negative || t.divPre) return null;
  const { runs, cumPre, seqOff, seqEnd } = t;
  for (let r = 0; r + 1 < runs.length; r++) {
    const x = runs[r];
    const v = cumPre[runs[r + 1]] - cumPre[x];
    if (v > 0 && seqEnd[x] > seqOff[x]) return { lo: t.floor, hi: v };
  }
  return null;
}

function minNodeOf(t: StackTree): number {
  let min = 0;
  const consider = (v: number) => {
    if (v > 0 && (min === 0 || v < min)) min = v;
  };
  if (!t.negative && !t.divPre) {
    const { runs, cumPre, seqOff, seqEnd } = t;
    for (let r = 0; r + 1 < runs.length; r++) {
      const x = runs[r];
      if (seqEnd[x] > seqOff[x]) consider(cumPre[runs[r + 1]] - cumPre[x]); // an empty stack is the root's own
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
