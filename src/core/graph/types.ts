// The call graph of a report (pprof's graph.Graph): nodes with flat/cum values
// and edges with weights. A graph has at most a few thousand nodes, so nodes and
// edges are plain objects; the per-sample work happens before, over typed arrays.
import type { NodeInfo } from './node-info';

export interface Tag {
  name: string;
  unit: string; // '' for string labels
  value: number;
  flat: number;
  flatDiv: number;
  cum: number;
  cumDiv: number;
}

export interface GraphNode {
  id: number; // node id of the FrameTable
  info: NodeInfo;
  flat: number;
  flatDiv: number;
  cum: number;
  cumDiv: number;
  in: Map<GraphNode, GraphEdge>; // keyed by source
  out: Map<GraphNode, GraphEdge>; // keyed by destination
  labelTags: Map<string, Tag>;
  numericTags: Map<string, Map<string, Tag>>; // by joined string labels ('' = none)
}

export interface GraphEdge {
  src: GraphNode;
  dest: GraphNode;
  weight: number;
  weightDiv: number;
  residual: boolean; // goes over nodes that were dropped
  inline: boolean; // the call was inlined
}

export interface Graph {
  nodes: GraphNode[];
}

// Nodes without tags share these (never written: trimming assigns new maps).
const NO_TAGS: Map<string, Tag> = new Map();
const NO_NUMERIC_TAGS: Map<string, Map<string, Tag>> = new Map();

/** A node with no values, edges or tags yet. */
export function blankNode(id: number, info: NodeInfo): GraphNode {
  return {
    id,
    info,
    flat: 0,
    flatDiv: 0,
    cum: 0,
    cumDiv: 0,
    in: new Map(),
    out: new Map(),
    labelTags: NO_TAGS,
    numericTags: NO_NUMERIC_TAGS,
  };
}

export function flatValue(n: { flat: number; flatDiv: number }): number {
  return n.flatDiv === 0 ? n.flat : Math.trunc(n.flat / n.flatDiv);
}

export function cumValue(n: { cum: number; cumDiv: number }): number {
  return n.cumDiv === 0 ? n.cum : Math.trunc(n.cum / n.cumDiv);
}

export function edgeValue(e: GraphEdge): number {
  return e.weightDiv === 0 ? e.weight : Math.trunc(e.weight / e.weightDiv);
}
