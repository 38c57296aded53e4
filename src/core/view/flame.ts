// The Flame Graph view: pprof's web flame graph (driver/flamegraph.go: the
// untrimmed call tree, root "root") as a nested tree in d3-flame-graph's shape.
// Only frames wide enough to be seen at the requested width are sent, and a
// zoom re-roots the tree at the zoomed frame (its ancestors kept as a thin
// path above it), so a profile of a million samples stays interactive.
import type { Profile } from '../profile/model';
import { blankNode, type Graph, type GraphNode } from '../graph/types';
import { printableName } from '../graph/node-info';
import { reportLabels } from '../report/labels';
import type { ViewRequest, ViewResponse } from '../../worker/view-protocol';
import { viewHeader } from './header';
import type { ViewReport } from './view-report';
import type { Options } from '../query/options';
import { forEachChild, forEachWideChild, minNodeBounds, minNodeValue, nodeValues, ownEnd, releaseTree, rootNode, stackTree, weighs, type StackTree, type TreeNode } from './flame-tree';
import { applyQuery, selectsOnly } from '../query/index';
import { quotemeta } from '../query/quotemeta';
import { reportFromQuery } from '../report/from-query';
import type { FrameTable } from '../graph/frames';
import { buildStackIndex, columnSums, type StackIndex } from './stack-index';
import { MaxQueue } from './max-queue';

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
  /** The width (CSS px) the frames were pruned for. */
  width: number;
  /** The zoom path honoured: the request's, cut where a frame was not found. */
  zoom: string[];
  /** Frames sent, and places where frames were left out (narrower than MIN_FRAME_PX at the width, or past maxFrames); 0: none. */
  frames: number;
  omitted: number;
}

/** Default width when the request has none. */
export const DEFAULT_WIDTH = 1200;
/** Frames narrower than this (CSS px) at the requested width are not sent. */
export const MIN_FRAME_PX = 0.5;
/**
 * At most this many frames are sent (the widest) when the request sets no
 * maxFrames: what the page draws (flame-tiled-chart.ts MAX_FRAMES). Sending
 * 1,000 cost a 1 M-sample focus ~40% more work here and in the page.
 */
export const DEFAULT_MAX_FRAMES = 600;

// A GraphNode carrying only values: reportLabels and selectOutputUnit read
// flat/cum of the graph's nodes, and the call tree here is implicit (flame-tree.ts).
function valueNode(flat: number, cum: number): GraphNode {
  const n = blankNode(0, { name: '', origName: '', address: 0n, file: '', startLine: 0, lineno: 0, objfile: '' });
  n.flat = flat;
  n.cum = cum;
  return n;
}

interface Prepared {
  key: string;
  q: ViewReport['q'];
  rpt: ViewReport['rpt'];
  ft: FrameTable;
  t: StackTree;
  labels: string[];
  names: (string | undefined)[];
}

// The last tree built for each profile: zooming and resizing ask again with
// the same options, and then only the pruned output is recomputed. Weak, so a
// profile closed in the worker takes its tree with it.
const lastTree = new WeakMap<Profile, Prepared>();

// The sorted stacks of each sample table, for one frame granularity: another
// sample type, focus or ignore (applyQuery's select mode leaves the table as
// it is) reuses them, so switching costs a pass over the samples, not a sort.
const lastIndex = new WeakMap<Profile['samples'], { key: string; index: StackIndex }>();

function stackIndex(p: Profile, rpt: ViewReport['rpt']): StackIndex {
  const o = rpt.o;
  // What rpt.frames() depends on for this report kind.
  const key = JSON.stringify([o.granularity, o.noInlines, o.trimPath, o.sourcePath]);
  const cached = lastIndex.get(p.samples);
  if (cached && cached.key === key) return cached.index;
  lastIndex.delete(p.samples); // free the old index before building the new one
  const index = buildStackIndex(p, rpt.frames()); // rpt.prof is p
  // Every sample type's sums now: a later SAMPLE switch only walks the frames it shows.
  for (const column of p.samples.values) columnSums(index, column);
  lastIndex.set(p.samples, { key, index });
  return index;
}

// Printable names by frame id, filled as frames are shown, kept with the frame table.
const namesOf = new WeakMap<FrameTable, (string | undefined)[]>();
function frameNames(ft: FrameTable): (string | undefined)[] {
  let names = namesOf.get(ft);
  if (!names) namesOf.set(ft, (names = new Array(ft.infos.length)));
  return names;
}

// minNodeValue walks every run of equal stacks (~8 ms on 1 M samples), and
// the unit depends on it only through rpt.unitChoice: when two bounds of it
// give one choice, the lower one gives the same unit.
function unitMinimum(t: StackTree, rpt: ViewReport['rpt']): number {
  const b = minNodeBounds(t);
  if (b && b.lo >= 1 && rpt.unitChoice(b.lo).key === rpt.unitChoice(b.hi).key) return b.lo;
  return minNodeValue(t);
}

function prepare(p: Profile, options: Options, remember = true): Prepared {
  const o = { ...options, granularity: options.granularity ?? 'filefunctions' };
  const key = JSON.stringify(o);
  const cached = lastTree.get(p);
  if (cached && cached.key === key) return cached;
  if (remember && cached) {
    // Free the old tree before building the new one; its sums buffer is reused.
    releaseTree(cached.t);
    lastTree.delete(p);
  }
  const q = applyQuery(p, o, { select: true });
  // 'peek' is the untrimmed kind (pprof's flame graph sets Trim = false).
  // The tree takes the selection itself: the Report's columns stay unmasked (and cached).
  const rpt = reportFromQuery({ ...q, keep: null }, 'peek', o);
  const index = stackIndex(q.profile, rpt);
  const t = stackTree(index, { values: rpt.values, meanDiv: rpt.meanDiv, keep: q.keep });
  const root = rootNode(t);
  const hasNodes = weighs(t, ownEnd(t, root), root.hi);
  if (hasNodes && rpt.o.outputUnit === 'minimum') rpt.selectOutputUnitFor(unitMinimum(t, rpt));
  // The call tree's flat values sum to the root's cum: "Showing nodes accounting for" it.
  const rootCum = nodeValues(t, root).cum;
  const legendGraph: Graph = { nodes: hasNodes ? [valueNode(rootCum, rootCum)] : [] };
  const labels = reportLabels(rpt, legendGraph, 0, 0, 0, false);
  const prepared: Prepared = { key, q, rpt, ft: index.ft, t, labels, names: frameNames(index.ft) };
  if (remember) lastTree.set(p, prepared);
  return prepared;
}

/**
 * Focuses run through this view's code, their results dropped, so that the
 * person's first focus on a big profile does not wait for V8 to compile it:
 * on 1 M samples a first focus took ~110 ms in the worker, later ones ~20-40.
 * For the engine's idle time, one step at a time; the view shown stays as it is.
 */
export function focusWarmUps(p: Profile, req: ViewRequest): (() => void)[] {
  if (!selectsOnly(req.options)) return [];
  return [1, 0.5, 0].map((at) => () => {
    const fn = someFunction(p, at);
    if (fn === '') return;
    const warm = prepare(p, { ...req.options, focus: quotemeta(fn) }, false);
    if (warm === lastTree.get(p)) return;
    flameFrames(p, warm, { ...req, zoom: [] });
    releaseTree(warm.t);
  });
}

// A function of the middle sample: at 1 its root (main, say: a focus on it
// selects most samples), at 0 its leaf, and between.
function someFunction(p: Profile, at: number): string {
  const s = p.samples;
  const loc = p.locations;
  const i = s.count >>> 1;
  const a = s.stackStart[i];
  const b = s.stackStart[i + 1];
  if (s.count === 0 || b === a) return '';
  const l = s.stackLocs[a + Math.round(at * (b - a - 1))];
  const f = loc.lineStart[l + 1] > loc.lineStart[l] ? loc.lineFunction[loc.lineStart[l + 1] - 1] : -1;
  return f < 0 ? '' : (p.strings[p.functions.name[f]] ?? '');
}

export function flameView(p: Profile, req: ViewRequest): ViewResponse<FlameData> {
  return flameFrames(p, prepare(p, req.options), req);
}

function flameFrames(p: Profile, prepared: Prepared, req: ViewRequest): ViewResponse<FlameData> {
  const { q, rpt, ft, t, labels, names } = prepared;
  const nameOf = (n: TreeNode): string => (n.frame < 0 ? 'root' : (names[n.frame] ??= printableName(ft.infos[n.frame])));

  // Follow the zoom path from the root, by names.
  const zoomPath = req.zoom ?? [];
  const path: TreeNode[] = [rootNode(t)];
  for (const want of zoomPath) {
    let next: TreeNode | null = null;
    forEachChild(t, path[path.length - 1], (c) => {
      if (next === null && nameOf(c) === want) next = c;
    });
    if (next === null) break;
    path.push(next);
  }
  const top = path[path.length - 1];
  const topAbs = nodeValues(t, top).abs;

  const width = req.width && req.width > 0 ? req.width : DEFAULT_WIDTH;
  const minValue = (topAbs / width) * MIN_FRAME_PX;
  const diff = t.negative;
  let frames = 0;
  let omitted = 0;

  const make = (n: TreeNode, value?: number): FlameNode => {
    frames++;
    const v = nodeValues(t, n);
    const node: FlameNode = {
      name: nameOf(n),
      fn: n.frame < 0 ? '' : ft.infos[n.frame].name,
      value: value ?? v.abs,
      self: v.flat,
      cum: v.cum,
      children: [],
    };
    if (diff) node.delta = v.cum;
    return node;
  };

  // Widest first, up to the frame budget: a frame is reached through its
  // parent, which is at least as wide, so this sends the widest frames there
  // are. Children too narrow to see are never candidates (minValue > 0).
  const maxFrames = req.maxFrames && req.maxFrames > 0 ? req.maxFrames : DEFAULT_MAX_FRAMES;
  const build = (n: TreeNode): FlameNode => {
    const root = make(n);
    const queue = new MaxQueue<[TreeNode, FlameNode]>();
    const expand = (tn: TreeNode, node: FlameNode) => {
      const narrow = forEachWideChild(t, tn, minValue, (c) => queue.push(t.absPre[c.hi] - t.absPre[c.lo], [c, node]));
      if (narrow) omitted++;
    };
    expand(n, root);
    while (queue.size > 0 && frames < maxFrames) {
      const [c, parent] = queue.pop();
      const cn = make(c);
      parent.children.push(cn);
      expand(c, cn);
    }
    omitted += queue.size;
    // A stable order for the eye: by name, as flame graphs usually are.
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      node.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const c of node.children) stack.push(c);
    }
    return root;
  };

  let root = build(top);
  // Ancestors above the zoomed frame, innermost last: each with the zoomed width.
  for (let i = path.length - 2; i >= 0; i--) {
    const a = make(path[i], topAbs);
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
      width,
      zoom: zoomPath.slice(0, path.length - 1),
      frames,
      omitted,
    },
  };
}
