// The Graph view's core: the call graph pprof's web UI draws (webui.go dot:
// report.GetDOT, then graph.ComposeDot). The DOT text equals `-dot`'s for the
// same options (nodecount 80, nodefraction 0.005, edgefraction 0.001 unless
// set); the worker lays it out (src/worker/graph-layout.ts) and fills
// `layout`. Node metadata lets the page select, search and label nodes
// without parsing the DOT.
import type { Profile } from '../profile/model';
import { composeDot } from '../report/dot';
import { reportLabels } from '../report/labels';
import { nodeName, sortEdges } from '../graph/sort';
import { cumValue, edgeValue, flatValue, type GraphEdge, type GraphNode } from '../graph/types';
import { percentage } from '../units/measurement';
import type { ViewRequest, ViewResponse } from '../../worker/view-protocol';
import { viewHeader } from './header';
import { viewReport } from './view-report';

export interface GraphNodeData {
  /** DOT node `N<id>`, drawn with the element id `node<id>`; ids start at 1. */
  id: number;
  /** The function name (NodeInfo.Name): what pprof's web UI selects, searches and refines with. */
  name: string;
  /** The full printable name (address, name, file:line as the granularity gives). */
  printableName: string;
  flat: number;
  cum: number;
  flatLabel: string;
  cumLabel: string;
  /** Of the report total, as pprof prints them in the node labels ("5.95%"). */
  flatPercent: string;
  cumPercent: string;
}

export interface GraphEdgeData {
  from: number;
  to: number;
  weight: number;
  label: string;
  /** Goes over dropped nodes: drawn dotted. */
  residual: boolean;
  inline: boolean;
}

/** One drawing primitive of Graphviz's layout (xdot), in SVG coordinates (y down). */
export type GraphShape =
  | {
      kind: 'polygon' | 'polyline' | 'bezier';
      /** x0,y0,x1,y1,... */
      points: number[];
      fill: string | null;
      stroke: string;
      strokeWidth: number;
      dash: 'dotted' | 'dashed' | null;
    }
  | {
      kind: 'ellipse';
      cx: number;
      cy: number;
      rx: number;
      ry: number;
      fill: string | null;
      stroke: string;
      strokeWidth: number;
      dash: 'dotted' | 'dashed' | null;
    }
  | { kind: 'text'; x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end'; fontSize: number; fontFamily: string; color: string };

export interface LaidOutNode {
  /** The DOT name: `N3`, or `N3_0` for a tag nodelet. */
  dotName: string;
  /** The graph node id (GraphNodeData.id); absent for nodelets. */
  nodeId?: number;
  tooltip: string;
  shapes: GraphShape[];
}

export interface LaidOutEdge {
  tail: string;
  head: string;
  tooltip: string;
  shapes: GraphShape[];
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

export interface GraphData {
  /** The DOT text, byte for byte what `go tool pprof -dot` prints for these options (legend included). */
  dot: string;
  /** nodes[i] has id i+1. */
  nodes: GraphNodeData[];
  /** In the DOT's order (pprof's edge sort). */
  edges: GraphEdgeData[];
  /** Filled by layoutGraph in the worker. */
  layout?: GraphLayout;
}

export function graphView(p: Profile, req: ViewRequest): ViewResponse<GraphData> {
  const { q, rpt } = viewReport(p, 'dot', req.options);
  const { graph: g, origCount, droppedNodes, droppedEdges } = rpt.newTrimmedGraph();
  rpt.selectOutputUnit(g);
  const labels = reportLabels(rpt, g, origCount, droppedNodes, droppedEdges, true);
  const dot = composeDot(rpt, g, labels);
  const ids = new Map<GraphNode, number>();
  g.nodes.forEach((n, i) => ids.set(n, i + 1));
  const nodes = g.nodes.map((n, i): GraphNodeData => {
    const flat = flatValue(n);
    const cum = cumValue(n);
    return {
      id: i + 1,
      name: n.info.name,
      printableName: nodeName(n),
      flat,
      cum,
      flatLabel: rpt.formatValue(flat),
      cumLabel: rpt.formatValue(cum),
      flatPercent: percentage(flat, rpt.total).trim(),
      cumPercent: percentage(cum, rpt.total).trim(),
    };
  });
  const all: GraphEdge[] = [];
  for (const n of g.nodes) all.push(...n.out.values());
  const edges = sortEdges(all).map(
    (e): GraphEdgeData => ({
      from: ids.get(e.src) ?? 0,
      to: ids.get(e.dest) ?? 0,
      weight: edgeValue(e),
      label: rpt.formatValue(edgeValue(e)),
      residual: e.residual,
      inline: e.inline,
    }),
  );
  return { header: viewHeader(p, rpt, q, labels), data: { dot, nodes, edges } };
}

/**
 * The DOT to lay out for the page: pprof's web UI leaves the legend out of
 * the drawing (config.Labels = nil) and shows it in the title instead.
 */
export function dotWithoutLegend(dot: string): string {
  return dot
    .split('\n')
    .filter((l) => !l.startsWith('subgraph cluster_L { '))
    .join('\n');
}
