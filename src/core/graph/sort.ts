// pprof's node and edge orders (graph.Nodes.Sort, EdgeMap.Sort, SortTags).
import { infoSprint, printableName } from './node-info';
import type { GraphEdge, GraphNode, Tag } from './types';

export type NodeOrder = 'flat-name' | 'flat-cum-name' | 'cum-name' | 'name' | 'file' | 'address' | 'entropy';

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Printable names are asked for many times while sorting: cache them per info.
const nameCache = new WeakMap<object, string>();
export function nodeName(n: GraphNode): string {
  let s = nameCache.get(n.info);
  if (s === undefined) {
    s = printableName(n.info);
    nameCache.set(n.info, s);
  }
  return s;
}

const sprintCache = new WeakMap<object, string>();
function compareNodes(l: GraphNode, r: GraphNode): number {
  let a = sprintCache.get(l.info);
  if (a === undefined) sprintCache.set(l.info, (a = infoSprint(l.info)));
  let b = sprintCache.get(r.info);
  if (b === undefined) sprintCache.set(r.info, (b = infoSprint(r.info)));
  return cmpStr(a, b);
}

const absDesc = (a: number, b: number): number => Math.abs(b) - Math.abs(a);

/** Sorts nodes in place in pprof's order o. */
export function sortNodes(ns: GraphNode[], o: NodeOrder): GraphNode[] {
  switch (o) {
    case 'flat-name':
      return ns.sort(
        (l, r) =>
          absDesc(l.flat, r.flat) ||
          cmpStr(nodeName(l), nodeName(r)) ||
          absDesc(l.cum, r.cum) ||
          compareNodes(l, r),
      );
    case 'flat-cum-name':
      return ns.sort(
        (l, r) =>
          absDesc(l.flat, r.flat) ||
          absDesc(l.cum, r.cum) ||
          cmpStr(nodeName(l), nodeName(r)) ||
          compareNodes(l, r),
      );
    case 'name':
      return ns.sort((l, r) => cmpStr(l.info.name, r.info.name) || compareNodes(l, r));
    case 'file':
      return ns.sort(
        (l, r) => cmpStr(l.info.file, r.info.file) || l.info.startLine - r.info.startLine || compareNodes(l, r),
      );
    case 'address':
      return ns.sort(
        (l, r) => (l.info.address < r.info.address ? -1 : l.info.address > r.info.address ? 1 : compareNodes(l, r)),
      );
    case 'cum-name':
    case 'entropy': {
      // Scores are int64 in pprof; the entropy score can be NaN times cum,
      // which Go (amd64) converts to MinInt64 and then wraps: keep that in bigint.
      const score = new Map<GraphNode, bigint>();
      for (const n of ns) score.set(n, o === 'cum-name' ? BigInt(n.cum) : entropyScore(n));
      return ns.sort((l, r) => {
        const a = abs64(score.get(l)!);
        const b = abs64(score.get(r)!);
        if (a !== b) return a > b ? -1 : 1;
        return cmpStr(nodeName(l), nodeName(r)) || absDesc(l.flat, r.flat) || compareNodes(l, r);
      });
    }
  }
}

function abs64(i: bigint): bigint {
  return i < 0n ? BigInt.asIntN(64, -i) : i;
}

// Go's int64(f) on amd64: NaN and out-of-range values become MinInt64.
function goInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= 2 ** 63 || f < -(2 ** 63)) return -(2n ** 63n);
  return BigInt(Math.trunc(f));
}

function entropyScore(n: GraphNode): bigint {
  let score = 0;
  if (n.in.size === 0) score++;
  else score += edgeEntropyScore(n.in, 0);
  if (n.out.size === 0) score++;
  else score += edgeEntropyScore(n.out, n.flat);
  return BigInt.asIntN(64, goInt64(score * n.cum) + BigInt(n.flat));
}

function edgeEntropyScore(edges: Map<GraphNode, GraphEdge>, self: number): number {
  let score = 0;
  let total = self;
  for (const e of edges.values()) if (e.weight > 0) total += Math.abs(e.weight);
  if (total !== 0) {
    for (const e of edges.values()) {
      const frac = Math.abs(e.weight) / total;
      score += -frac * goLog2(frac);
    }
    if (self > 0) {
      const frac = Math.abs(self) / total;
      score += -frac * goLog2(frac);
    }
  }
  return score;
}

/** EdgeMap.Sort: by |weight| descending, then source and destination names. */
export function sortEdges(edges: Iterable<GraphEdge>): GraphEdge[] {
  return [...edges].sort((a, b) => {
    if (a.weight !== b.weight) return Math.abs(b.weight) - Math.abs(a.weight);
    return cmpStr(nodeName(a.src), nodeName(b.src)) || cmpStr(nodeName(a.dest), nodeName(b.dest));
  });
}

/** graph.SortTags: by |cum| (unless flat), then |flat|, then name. */
export function sortTags(ts: Tag[], flat: boolean): Tag[] {
  return ts.sort((a, b) => {
    if (!flat && a.cum !== b.cum) return Math.abs(b.cum) - Math.abs(a.cum);
    if (a.flat !== b.flat) return Math.abs(b.flat) - Math.abs(a.flat);
    return cmpStr(a.name, b.name);
  });
}

// Go's math.Log2 (Frexp + Log), which can differ from Math.log2 in the last bit.
function goLog2(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log2(x);
  let exp = Math.floor(Math.log2(x)) + 1;
  let frac = x / 2 ** exp;
  // correct for rounding of the estimate so that frac is in [0.5, 1)
  while (frac >= 1) {
    frac /= 2;
    exp++;
  }
  while (frac < 0.5) {
    frac *= 2;
    exp--;
  }
  if (frac === 0.5) return exp - 1;
  return Math.log(frac) * (1 / Math.LN2) + exp;
}
