// Cuts the flame graph into tiles of a bounded number of frames, so that
// d3-flame-graph can draw it one tile per animation frame: one chart drawing
// every frame at once keeps the main thread busy for hundreds of milliseconds
// on a large profile (DOM, style, layout and paint of thousands of frames).
//
// A tile is a rectangle of the icicle: the rows [top, end) over a run of
// frames of row `top` that lie side by side. d3-flame-graph draws one root
// per chart, so a tile below the first gets a virtual root one row above it,
// whose children are the run and virtual gaps where the frames of that row
// leave space (their parents' self, or frames too narrow to draw). Virtual
// frames are drawn hidden. Every frame keeps its x and width: a tile's chart
// is as wide as its root, placed at the root's x.
import type { FlameNode } from '../../core/view/flame';

/** d3-flame-graph draws a frame only when it is wider than this (its minFrameSize), as pprof sets it. */
export const MIN_FRAME_PX = 1;

export interface Tile {
  /** What the tile's chart draws: the whole graph's root (top 0) or a virtual parent of a run. */
  root: FlameNode;
  /** The row of `root`. */
  top: number;
  /** Frames of rows >= end are left to the tiles below: their parents' children are cut. */
  end: number;
  /** Where the chart goes and how wide it is, in CSS px. */
  x: number;
  width: number;
  /** Frames the chart draws (wider than MIN_FRAME_PX), virtual ones included. */
  frames: number;
}

export interface Tiling {
  tiles: Tile[];
  /** Frames this wide or narrower are not drawn (d3-flame-graph's minFrameSize): MIN_FRAME_PX, or more to keep to maxFrames. */
  minPx: number;
  /** The deepest row with a drawn frame. */
  maxDepth: number;
  /** Frames drawn in all, virtual ones excluded. */
  frames: number;
  /** The children a tile's chart sees of a node (d3-flame-graph's getChildren). */
  childrenIn(tile: Tile, n: FlameNode): FlameNode[] | undefined;
  /** The frames from the root (excluded) down to n: the engine's zoom path. */
  pathTo(n: FlameNode): string[];
}

const virtualNodes = new WeakSet<FlameNode>();

/** A tile's virtual root or gap: drawn hidden, never named, matched or clicked. */
export function isVirtual(n: FlameNode): boolean {
  return virtualNodes.has(n);
}

function virtualNode(value: number, children: FlameNode[]): FlameNode {
  const n: FlameNode = { name: '', fn: '', value, self: 0, cum: 0, children };
  virtualNodes.add(n);
  return n;
}

interface Placed {
  node: FlameNode;
  /** Left edge, in value units from the root's left. */
  x: number;
}

/**
 * The width (px) a frame must exceed to be drawn so that at most `maxFrames`
 * are: every change of a page with many thousands of frames costs the browser
 * time in proportion to all of them (paint and layerization), so the widest
 * are drawn and the narrower wait for a zoom. The zoom path's faded frames
 * are not counted: they are the way out, as wide as the zoomed frame, and the
 * engine sends up to maxFrames below them. (Counted, a zoom into a deep chain
 * of frames as wide as the chart, e.g. a recursion, left out every frame.)
 */
export function minFramePx(root: FlameNode, width: number, maxFrames: number): number {
  const total = root.value;
  if (total <= 0) return MIN_FRAME_PX;
  const widths: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const w = (n.value / total) * width;
    if (w <= MIN_FRAME_PX) continue;
    if (!n.fade) widths.push(w);
    for (const c of n.children) stack.push(c);
  }
  if (widths.length <= maxFrames) return MIN_FRAME_PX;
  widths.sort((a, b) => b - a);
  // Just above the first frame left out, so that frames as wide as it (often
  // many) are left out too, whatever rounding d3's partition adds.
  return widths[maxFrames] * (1 + 1e-9);
}

/**
 * The tiles of `root` drawn `width` px wide, each with at most `budget` frames
 * (the first `firstBudget`, the next ones `firstBudget` more each, up to
 * `budget`: the first drawings run cold code) when rows allow it (a tile holds
 * at least one row of its run, and the first tile at least the zoom path's
 * faded frames, which d3-flame-graph sizes from their children); at most
 * `maxFrames` frames in all (see minFramePx).
 */
export function tileFlame(root: FlameNode, width: number, budget: number, maxFrames = Infinity, firstBudget = budget): Tiling {
  const total = root.value;
  const px = (v: number) => (total > 0 ? (v / total) * width : 0);
  const minPx = minFramePx(root, width, maxFrames);
  const drawn = (n: FlameNode) => px(n.value) > minPx;
  const depthOf = new Map<FlameNode, number>();
  const parentOf = new Map<FlameNode, FlameNode>();
  // The drawn frames of each row, left to right, with their x.
  const rows: Placed[][] = [];
  let level: Placed[] = [{ node: root, x: 0 }];
  depthOf.set(root, 0);
  let lastFaded = root.fade ? 0 : -1;
  for (let d = 0; level.length > 0; d++) {
    const row = level.filter((p) => drawn(p.node));
    if (row.length === 0) break;
    rows.push(row);
    const next: Placed[] = [];
    for (const p of row) {
      let x = p.x;
      for (const c of p.node.children) {
        depthOf.set(c, d + 1);
        parentOf.set(c, p.node);
        if (c.fade) lastFaded = d + 1;
        next.push({ node: c, x });
        x += c.value;
      }
    }
    level = next;
  }

  const tiles: Tile[] = [];
  for (let top = 0; top < rows.length; ) {
    // Rows [top, end): as many as fit the budget, at least one, and in the
    // first tile the faded path and the zoomed frame below it.
    let end = top + 1;
    let count = rows[top].length;
    const most = Math.min(budget, firstBudget * (tiles.length + 1));
    while (end < rows.length && (end <= lastFaded + 1 || count + rows[end].length <= most)) count += rows[end++].length;
    tiles.push(...runs(rows[top], top, end, most, count));
    top = end;
  }

  function runs(row: Placed[], top: number, end: number, budget: number, count: number): Tile[] {
    if (top === 0) return [{ root: row[0].node, top: 0, end, x: 0, width: px(total), frames: count }];
    // Frames each one of the row brings (itself and what it holds down to end), counted once.
    const below = row.map((p) => countBelow(p.node, top, end));
    const out: Tile[] = [];
    let from = 0;
    while (from < row.length) {
      // Consecutive frames of the row while their rows fit the budget (at least one).
      let to = from + 1;
      let n = below[from];
      while (to < row.length && (count <= budget || n + below[to] <= budget)) n += below[to++];
      out.push(runTile(row.slice(from, to), below.slice(from, to), top, end));
      from = to;
    }
    return out;
  }

  function countBelow(n: FlameNode, top: number, end: number): number {
    let count = 0;
    const stack: [FlameNode, number][] = [[n, top]];
    while (stack.length > 0) {
      const [m, d] = stack.pop()!;
      if (!drawn(m)) continue;
      count++;
      if (d + 1 < end) for (const c of m.children) stack.push([c, d + 1]);
    }
    return count;
  }

  function runTile(run: Placed[], below: number[], top: number, end: number): Tile {
    const children: FlameNode[] = [];
    const x0 = run[0].x;
    let x = x0;
    let n = 1; // the virtual root
    run.forEach((p, i) => {
      if (p.x > x) {
        const gap = virtualNode(p.x - x, []);
        children.push(gap);
        if (drawn(gap)) n++;
      }
      children.push(p.node);
      x = p.x + p.node.value;
      n += below[i];
    });
    return { root: virtualNode(x - x0, children), top: top - 1, end, x: px(x0), width: px(x - x0), frames: n };
  }

  return {
    tiles,
    minPx,
    maxDepth: rows.length - 1,
    frames: rows.reduce((s, r) => s + r.length, 0),
    childrenIn(tile, n) {
      if (virtualNodes.has(n)) return n.children;
      const d = depthOf.get(n);
      return d !== undefined && d + 1 < tile.end ? n.children : undefined;
    },
    pathTo(n) {
      const path: string[] = [];
      for (let m: FlameNode | undefined = n; m !== undefined && m !== root; m = parentOf.get(m)) path.push(m.name);
      return path.reverse();
    },
  };
}
