// The Flame Graph view: pprof's web flame graph (driver/flamegraph.go: the
// untrimmed call tree, root "root") as a nested tree in d3-flame-graph's shape.
// Only frames wide enough to be seen at the requested width are sent, and a
// zoom re-roots the tree at the zoomed frame (its ancestors kept as a thin
// path above it), so a profile of a million samples stays interactive.
import type { Profile } from '../profile/model';
import type { Graph, GraphNode } from '../graph/types';
import { printableName } from '../graph/node-info';
import { reportLabels } from '../report/labels';
import type { ViewRequest, ViewResponse } from '../../worker/view-protocol';
import { viewHeader } from './header';
import { viewReport } from './view-report';
import { buildStackTree, meanValue, type StackTree } from './flame-tree';

export interface FlameNode {
  /** pprof's full name of the frame at the granularity (NodeInfo.PrintableName); "root" for the root. */
  name: string;
  /** The function name (what REFINE and Show source use); '' for the root and for frames without one. */
  fn: string;
  /** The width: the sum of |value| of the samples through this frame (its cum when no value is negative). */
  value: number;
  /** Flat: the signed value of the samples where this frame is the leaf. */
  self: number;
  /** Cum: the signed value of the samples through this frame (pprof's flame graph value). */
  cum: number;
  /** Diff profiles only: the signed cum, for d3-flame-graph's differential colouring. */
  delta?: number;
  /**
   * An ancestor of the zoomed frame, kept so the user can zoom out: it has
   * only the zoomed path as child and the zoomed frame's width (self and cum
   * are still its own). d3-flame-graph draws it faded.
   */
  fade?: boolean;
  children: FlameNode[];
}

export interface FlameData {
  root: FlameNode;
  /** pprof's report total (sum of |value| before the filters): percentages are of it. */
  total: number;
  /** The unit of the sample values and the unit to print them in (for scaledLabel). */
  sampleUnit: string;
  outputUnit: string;
  /** Some value is negative: draw as a diff (FlameNode.delta set). */
  diff: boolean;
  /** The zoom path honoured: the request's, cut where a frame was not found. */
  zoom: string[];
  /** Frames sent, and frames left out as narrower than MIN_FRAME_PX at the width. */
  frames: number;
  omitted: number;
}

/** Default width when the request has none. */
export const DEFAULT_WIDTH = 1200;
/** Frames narrower than this (CSS px) at the requested width are not sent. */
export const MIN_FRAME_PX = 0.5;

// A GraphNode carrying only values: reportLabels and selectOutputUnit read
// flat/cum of the graph's nodes, and the call tree's nodes are columns here.
function valueNode(flat: number, cum: number): GraphNode {
  return {
    id: 0,
    info: { name: '', origName: '', address: 0n, file: '', startLine: 0, lineno: 0, objfile: '' },
    flat,
    flatDiv: 0,
    cum,
    cumDiv: 0,
    in: new Map(),
    out: new Map(),
    labelTags: new Map(),
    numericTags: new Map(),
  };
}

/** Report.selectOutputUnit over the tree's nodes: it only needs the smallest non-zero |flat| (else |cum|). */
function minNodeValue(t: StackTree): number {
  let min = 0;
  for (let n = 1; n < t.count; n++) {
    const flat = meanValue(t.flat[n], t.flatDiv, n);
    const cum = meanValue(t.cum[n], t.cumDiv, n);
    if (flat === 0 && cum === 0) continue; // newTree drops these nodes
    let v = Math.abs(flat);
    if (v === 0) v = Math.abs(cum);
    if (v > 0 && (min === 0 || v < min)) min = v;
  }
  return min;
}

export function flameView(p: Profile, req: ViewRequest): ViewResponse<FlameData> {
  const o = { ...req.options, granularity: req.options.granularity ?? 'filefunctions' };
  // 'peek' is the untrimmed kind (pprof's flame graph sets Trim = false).
  const { q, rpt } = viewReport(p, 'peek', o);
  const ft = rpt.frames();
  const t = buildStackTree(rpt.prof, ft, { values: rpt.values, meanDiv: rpt.meanDiv });

  const hasNodes = t.count > 1;
  if (hasNodes) rpt.selectOutputUnit({ nodes: [valueNode(minNodeValue(t), 0)] });
  // The call tree's flat values sum to the root's cum: "Showing nodes accounting for" it.
  const rootCum = meanValue(t.cum[0], t.cumDiv, 0);
  const legendGraph: Graph = { nodes: hasNodes ? [valueNode(rootCum, rootCum)] : [] };
  const labels = reportLabels(rpt, legendGraph, 0, 0, 0, false);

  const names: (string | undefined)[] = new Array(ft.infos.length);
  const nameOf = (n: number): string => {
    const f = t.frame[n];
    if (f < 0) return 'root';
    return (names[f] ??= printableName(ft.infos[f]));
  };

  // Follow the zoom path from the root, by names.
  const zoomPath = req.zoom ?? [];
  const path = [0];
  for (const want of zoomPath) {
    const cur = path[path.length - 1];
    let next = -1;
    for (let i = t.childStart[cur]; i < t.childStart[cur + 1]; i++) {
      const c = t.childList[i];
      if (nameOf(c) === want) {
        next = c;
        break;
      }
    }
    if (next < 0) break;
    path.push(next);
  }
  const top = path[path.length - 1];

  const width = req.width && req.width > 0 ? req.width : DEFAULT_WIDTH;
  const minValue = (t.abs[top] / width) * MIN_FRAME_PX;
  const diff = t.negative;
  let frames = 0;
  let omitted = 0;

  const make = (n: number, value: number): FlameNode => {
    frames++;
    const f = t.frame[n];
    const cum = meanValue(t.cum[n], t.cumDiv, n);
    const node: FlameNode = {
      name: nameOf(n),
      fn: f < 0 ? '' : ft.infos[f].name,
      value,
      self: meanValue(t.flat[n], t.flatDiv, n),
      cum,
      children: [],
    };
    if (diff) node.delta = cum;
    return node;
  };

  // Depth first with an explicit stack: stacks can be thousands of frames deep.
  const build = (n: number): FlameNode => {
    const root = make(n, t.abs[n]);
    const stack: [number, FlameNode][] = [[n, root]];
    while (stack.length > 0) {
      const [id, node] = stack.pop()!;
      for (let i = t.childStart[id]; i < t.childStart[id + 1]; i++) {
        const c = t.childList[i];
        if (t.abs[c] === 0) continue;
        if (t.abs[c] < minValue) {
          omitted++;
          continue;
        }
        const cn = make(c, t.abs[c]);
        node.children.push(cn);
        stack.push([c, cn]);
      }
      // A stable order for the eye: by name, as flame graphs usually are.
      node.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    return root;
  };

  let root = build(top);
  // Ancestors above the zoomed frame, innermost last: each with the zoomed width.
  for (let i = path.length - 2; i >= 0; i--) {
    const a = make(path[i], t.abs[top]);
    a.fade = true;
    a.children.push(root);
    root = a;
  }

  return {
    header: viewHeader(p, rpt, q, labels),
    data: {
      root,
      total: rpt.total,
      sampleUnit: rpt.o.sampleUnit,
      outputUnit: rpt.o.outputUnit,
      diff,
      zoom: zoomPath.slice(0, path.length - 1),
      frames,
      omitted,
    },
  };
}
