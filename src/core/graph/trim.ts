// report.newTrimmedGraph: pprof's exact trimming sequence. Each refinement
// rebuilds the graph from the samples with the kept node set, as pprof does
// (a trimmed graph alone cannot give exact values).
import { sortEdges, sortNodes } from './sort';
import { trimTree } from './tree';
import type { Graph, GraphEdge, GraphNode, Tag } from './types';

export const MAX_NODELETS = 4;

export interface TrimOptions {
  nodeFraction: number;
  edgeFraction: number;
  nodeCount: number; // 0 = unlimited
  cumSort: boolean;
  visualMode: boolean; // -dot: entropy order, tags count as nodes
  callTree?: (() => Graph) | null; // -call_tree: builds the tree, trimmed in place
  // The edges the caller reads: 'all' (default), 'inline' (only whether edges
  // into a node are inline: -top/-text; needs `inlined`) or 'none' (legends).
  edges?: EdgeNeed;
  inlined?: Uint8Array | null; // inlinedNodes(frame table), for edges: 'inline'
  // Fills nodes' edges into the dst nodes (addInlineEdges); without it the
  // graph is built again with those edges only.
  inlineEdges?: ((nodes: GraphNode[], kept: Uint8Array | null, dst: Uint8Array) => void) | null;
}

export type EdgeNeed = 'all' | 'inline' | 'none';

/**
 * Builds the graph of the kept nodes (null = all): edges true = all, false =
 * none, or only those into marked nodes; tags false: no label tags needed.
 */
export type GraphBuilder = (kept: Uint8Array | null, edges: boolean | Uint8Array, tags?: boolean) => Graph;

export interface TrimmedGraph {
  graph: Graph;
  origCount: number;
  droppedNodes: number;
  droppedEdges: number;
}

export function trimmedGraph(build: GraphBuilder, nodeIds: number, o: TrimOptions): TrimmedGraph {
  if (o.callTree) return trimmedTree(o.callTree(), o);
  const need = o.edges ?? 'all';
  const rebuild = (prev: Graph, keep: Uint8Array | null): Graph =>
    need === 'all' ? build(keep, true) : keptNodes(build, prev, keep, need === 'inline' ? (o.inlined ?? null) : null, o.inlineEdges ?? null);
  // The first graph only decides which nodes stay (flat and cum need no
  // edges); the graph of the report is then built once with its edges.
  // With all edges the graph is always built again, so this one needs no tags.
  let g = build(null, false, need !== 'all');
  let totalValue = 0;
  for (const n of g.nodes) totalValue += n.flat;
  const nodeCutoff = Math.abs(Math.trunc(totalValue * o.nodeFraction));
  const edgeCutoff = Math.abs(Math.trunc(totalValue * o.edgeFraction));
  let droppedNodes = 0;
  let kept: Uint8Array | null = null;
  if (nodeCutoff > 0) {
    const keep = new Uint8Array(nodeIds);
    let k = 0;
    for (const n of g.nodes) {
      if (Math.abs(n.cum) >= nodeCutoff) {
        keep[n.id] = 1;
        k++;
      }
    }
    if (g.nodes.length !== k) {
      droppedNodes = g.nodes.length - k;
      kept = keep;
    }
  }
  // Outside visual mode the top nodes are chosen by their values alone: the
  // edges are read only from the graph that stays, so they wait for it.
  const lateEdges = need !== 'all' && !o.visualMode && o.nodeCount > 0;
  g = lateEdges ? keptNodes(build, g, kept, null, null) : rebuild(g, kept);
  const origCount = g.nodes.length;
  const order = o.visualMode ? 'entropy' : o.cumSort ? 'cum-name' : 'flat-name';
  sortNodes(g.nodes, order);
  if (o.nodeCount > 0) {
    trimLowFrequencyTags(g, nodeCutoff);
    trimLowFrequencyEdges(g, edgeCutoff);
    const top = selectTopNodes(g, o.nodeCount, o.visualMode);
    if (g.nodes.length !== top.length) {
      const keep = new Uint8Array(nodeIds);
      for (const n of top) keep[n.id] = 1;
      g = rebuild(g, keep);
      sortNodes(g.nodes, order);
    } else if (lateEdges) {
      g = rebuild(g, kept);
      sortNodes(g.nodes, order);
    }
  }
  trimLowFrequencyTags(g, nodeCutoff);
  const droppedEdges = trimLowFrequencyEdges(g, edgeCutoff);
  if (o.visualMode) removeRedundantEdges(g);
  return { graph: g, origCount, droppedNodes, droppedEdges };
}

// The graph of the kept nodes when few or no edges are read. A kept node's
// flat and cum are the same as in the graph with more nodes (cum counts once
// per sample wherever the node is, flat only goes to a kept leaf), so prev's
// nodes are reused; the samples are walked again only when edges into some
// kept inlined node are needed (their sources depend on the kept set).
function keptNodes(
  build: GraphBuilder,
  prev: Graph,
  keep: Uint8Array | null,
  inlined: Uint8Array | null,
  inlineEdges: TrimOptions['inlineEdges'],
): Graph {
  const nodes = keep === null ? prev.nodes : prev.nodes.filter((n) => keep[n.id] !== 0);
  if (inlined !== null) {
    let dst: Uint8Array | null = null;
    for (const n of nodes) {
      if (inlined[n.id] === 0) continue;
      dst ??= new Uint8Array(inlined.length);
      dst[n.id] = 1;
    }
    if (dst !== null) {
      if (!inlineEdges) return build(keep, dst);
      inlineEdges(nodes, keep, dst);
      return { nodes };
    }
  }
  // No edge is read: drop any edges of prev, which may lead to dropped nodes.
  for (const n of nodes) {
    if (n.in.size > 0) n.in = new Map();
    if (n.out.size > 0) n.out = new Map();
  }
  return { nodes };
}

// The same sequence on a call tree: nodes are removed in place (TrimTree).
function trimmedTree(g: Graph, o: TrimOptions): TrimmedGraph {
  let totalValue = 0;
  for (const n of g.nodes) totalValue += n.flat;
  const nodeCutoff = Math.abs(Math.trunc(totalValue * o.nodeFraction));
  const edgeCutoff = Math.abs(Math.trunc(totalValue * o.edgeFraction));
  let droppedNodes = 0;
  if (nodeCutoff > 0) {
    const kept = new Set(g.nodes.filter((n) => Math.abs(n.cum) >= nodeCutoff));
    if (kept.size !== g.nodes.length) {
      droppedNodes = g.nodes.length - kept.size;
      trimTree(g, kept, removeRedundantEdges);
    }
  }
  const origCount = g.nodes.length;
  const order = o.visualMode ? 'entropy' : o.cumSort ? 'cum-name' : 'flat-name';
  sortNodes(g.nodes, order);
  if (o.nodeCount > 0) {
    trimLowFrequencyTags(g, nodeCutoff);
    trimLowFrequencyEdges(g, edgeCutoff);
    const top = new Set(selectTopNodes(g, o.nodeCount, o.visualMode));
    if (top.size !== g.nodes.length) {
      trimTree(g, top, removeRedundantEdges);
      sortNodes(g.nodes, order);
    }
  }
  trimLowFrequencyTags(g, nodeCutoff);
  const droppedEdges = trimLowFrequencyEdges(g, edgeCutoff);
  if (o.visualMode) removeRedundantEdges(g);
  return { graph: g, origCount, droppedNodes, droppedEdges };
}

function trimTagMap(tags: Map<string, Tag>, min: number): Map<string, Tag> {
  const kept = new Map<string, Tag>();
  for (const [s, t] of tags) if (Math.abs(t.flat) >= min || Math.abs(t.cum) >= min) kept.set(s, t);
  return kept;
}

export function trimLowFrequencyTags(g: Graph, cutoff: number): void {
  for (const n of g.nodes) {
    if (n.labelTags.size > 0) n.labelTags = trimTagMap(n.labelTags, cutoff);
    for (const [s, nt] of n.numericTags) n.numericTags.set(s, trimTagMap(nt, cutoff));
  }
}

export function trimLowFrequencyEdges(g: Graph, cutoff: number): number {
  let dropped = 0;
  for (const n of g.nodes) {
    for (const [src, e] of n.in) {
      if (Math.abs(e.weight) < cutoff) {
        n.in.delete(src);
        src.out.delete(n);
        dropped++;
      }
    }
  }
  return dropped;
}

function countTags(n: GraphNode): number {
  let count = 0;
  for (const t of n.labelTags.values()) if (t.flat !== 0) count++;
  for (const m of n.numericTags.values()) for (const t of m.values()) if (t.flat !== 0) count++;
  return count;
}

export function selectTopNodes(g: Graph, maxNodes: number, visualMode: boolean): GraphNode[] {
  if (maxNodes > 0 && visualMode) {
    let count = 0;
    for (let i = 0; i < g.nodes.length; i++) {
      const tags = Math.min(countTags(g.nodes[i]), MAX_NODELETS);
      count += tags + 1;
      if (count >= maxNodes) {
        maxNodes = i + 1;
        break;
      }
    }
  }
  if (maxNodes > g.nodes.length) maxNodes = g.nodes.length;
  return g.nodes.slice(0, maxNodes);
}

/** Removes residual edges whose destination is reachable another way. */
export function removeRedundantEdges(g: Graph): void {
  for (let i = g.nodes.length; i > 0; i--) {
    const n = g.nodes[i - 1];
    const ins = sortEdges(n.in.values());
    for (let j = ins.length; j > 0; j--) {
      const e = ins[j - 1];
      if (!e.residual) break;
      if (isRedundantEdge(e)) {
        e.src.out.delete(e.dest);
        e.dest.in.delete(e.src);
      }
    }
  }
}

function isRedundantEdge(e: GraphEdge): boolean {
  const src = e.src;
  const seen = new Set<GraphNode>([e.dest]);
  const queue: GraphNode[] = [e.dest];
  for (let q = 0; q < queue.length; q++) {
    for (const ie of queue[q].in.values()) {
      if (e === ie || seen.has(ie.src)) continue;
      if (ie.src === src) return true;
      seen.add(ie.src);
      queue.push(ie.src);
    }
  }
  return false;
}
