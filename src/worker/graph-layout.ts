// Lays out the Graph view's DOT with Graphviz compiled to WebAssembly
// (@hpcc-js/wasm-graphviz, no Graphviz needed on the machine), in the worker.
// We ask for Graphviz's JSON (xdot drawing operations) rather than its SVG,
// and turn it into plain shapes: the page draws them with d3 and sets every
// name as text, so no markup built from profile names ever reaches the DOM.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { ProfileError } from '../core/profile/errors';
import { dotWithoutLegend, type GraphData, type GraphLayout, type GraphShape, type LaidOutEdge, type LaidOutNode } from '../core/view/graph';

let graphviz: Promise<Graphviz> | null = null;

function loadGraphviz(): Promise<Graphviz> {
  graphviz ??= Graphviz.load().catch((e: unknown) => {
    graphviz = null; // let a later call try again
    throw e;
  });
  return graphviz;
}

/** Starts Graphviz's WebAssembly ahead of the first graph (e.g. when a profile opens); errors wait for layoutGraph. */
export function preloadGraphviz(): void {
  loadGraphviz().catch(() => undefined);
}

/** Returns data with `layout` filled: the graph without its legend (pprof's web UI shows that in the title). */
export async function layoutGraph(data: GraphData): Promise<GraphData> {
  let gv: Graphviz;
  try {
    gv = await loadGraphviz();
  } catch (e) {
    throw new ProfileError(`Could not start Graphviz (WebAssembly) to draw the graph: ${errText(e)}. Reload the page to try again.`);
  }
  let json: string;
  try {
    json = gv.layout(shortenLabelLines(dotWithoutLegend(data.dot)), 'json', 'dot');
  } catch (e) {
    throw new ProfileError(`Graphviz could not lay out the call graph: ${errText(e)}. Try fewer nodes (a smaller node count).`);
  }
  return { ...data, layout: xdotLayout(JSON.parse(json) as XdotGraph) };
}

/**
 * Graphviz sizes a box to its longest label line: one 50,000-character name
 * made a node so wide that fitting the graph to the window shrank every node
 * to nothing (zoom 0%). Longer lines are cut, with "…", for the layout only:
 * the DOT (downloads) and the nodes' names (tooltips, accessible names, REFINE)
 * stay whole.
 */
export const MAX_LABEL_LINE = 160;

/** The DOT with every `label="..."` line (between \n, \l, \r) cut to max characters. */
export function shortenLabelLines(dot: string, max = MAX_LABEL_LINE): string {
  return dot.replace(/\blabel="((?:[^"\\]|\\[\s\S])*)"/g, (all, body: string) => {
    if (body.length <= max) return all;
    let out = '';
    let n = 0; // characters on the current line
    // A DOT escape (\n, \", \\ ...) is one unit, never split; a code point is one character.
    for (const [u] of body.matchAll(/\\[\s\S]|[\s\S]/gu)) {
      if (u === '\\n' || u === '\\l' || u === '\\r') {
        out += u;
        n = 0;
      } else if (n < max) {
        out += u;
        n++;
      } else if (n === max) {
        out += '…';
        n++;
      }
    }
    return `label="${out}"`;
  });
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// The parts of Graphviz's -Tjson output we read.
export interface XdotOp {
  op: string;
  color?: string;
  style?: string;
  size?: number;
  face?: string;
  points?: [number, number][];
  rect?: [number, number, number, number];
  pt?: [number, number];
  align?: string;
  text?: string;
}

interface XdotObject {
  _gvid: number;
  name: string;
  tooltip?: string;
  nodes?: number[]; // clusters only
  _draw_?: XdotOp[];
  _ldraw_?: XdotOp[];
}

interface XdotEdge {
  tail: number;
  head: number;
  tooltip?: string;
  _draw_?: XdotOp[];
  _hdraw_?: XdotOp[];
  _tdraw_?: XdotOp[];
  _ldraw_?: XdotOp[];
  _hldraw_?: XdotOp[];
  _tldraw_?: XdotOp[];
}

export interface XdotGraph {
  bb: string;
  objects?: XdotObject[];
  edges?: XdotEdge[];
}

/** Graphviz JSON -> shapes in SVG coordinates (origin top left, y down). */
export function xdotLayout(g: XdotGraph): GraphLayout {
  const [x0, y0, x1, y1] = g.bb.split(',').map(Number);
  const tr = (x: number, y: number): [number, number] => [round(x - x0), round(y1 - y)];
  const objects = g.objects ?? [];
  const nodes: LaidOutNode[] = [];
  for (const o of objects) {
    if (o.nodes !== undefined) continue; // a cluster (only the legend's, removed)
    const m = /^N(\d+)$/.exec(o.name);
    nodes.push({
      dotName: o.name,
      ...(m ? { nodeId: Number(m[1]) } : {}),
      tooltip: o.tooltip ?? '',
      shapes: [...drawOps(o._draw_, tr), ...drawOps(o._ldraw_, tr)],
    });
  }
  const byGvid = new Map(objects.map((o) => [o._gvid, o.name]));
  const edges: LaidOutEdge[] = (g.edges ?? []).map((e) => ({
    tail: byGvid.get(e.tail) ?? '',
    head: byGvid.get(e.head) ?? '',
    tooltip: e.tooltip ?? '',
    shapes: [e._draw_, e._tdraw_, e._hdraw_, e._ldraw_, e._tldraw_, e._hldraw_].flatMap((ops) => drawOps(ops, tr)),
  }));
  return { width: round(x1 - x0), height: round(y1 - y0), nodes, edges };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

// Interprets one xdot operation list: c/C/S/F set the pen, fill, line style
// and font for the drawing operations after them.
function drawOps(ops: XdotOp[] | undefined, tr: (x: number, y: number) => [number, number]): GraphShape[] {
  if (!ops) return [];
  const out: GraphShape[] = [];
  let stroke = '#000000';
  let fill = '#000000';
  let strokeWidth = 1;
  let dash: 'dotted' | 'dashed' | null = null;
  let invisible = false;
  let fontSize = 14;
  let fontFamily = 'Times,serif';
  const flat = (pts: [number, number][] | undefined) => (pts ?? []).flatMap(([x, y]) => tr(x, y));
  for (const op of ops) {
    switch (op.op) {
      case 'c':
        stroke = op.color ?? stroke;
        break;
      case 'C':
        fill = op.color ?? fill;
        break;
      case 'S': {
        const s = op.style ?? '';
        const w = /^setlinewidth\(([\d.]+)\)$/.exec(s);
        if (w) strokeWidth = Number(w[1]);
        else if (s === 'dotted' || s === 'dashed') dash = s;
        else if (s === 'solid') dash = null;
        else if (s === 'bold') strokeWidth = 2;
        else if (s === 'invis') invisible = true;
        break;
      }
      case 'F':
        fontSize = op.size ?? fontSize;
        fontFamily = op.face === 'Times-Roman' || op.face === undefined ? 'Times,serif' : op.face;
        break;
      case 'P':
      case 'p':
      case 'L':
      case 'b':
      case 'B': {
        if (invisible) break;
        const kind = op.op === 'L' ? 'polyline' : op.op === 'b' || op.op === 'B' ? 'bezier' : 'polygon';
        // Graphviz's JSON marks edge splines 'b' (filled), but pprof's edges are lines.
        const filled = op.op === 'P';
        out.push({ kind, points: flat(op.points), fill: filled ? fill : null, stroke, strokeWidth, dash });
        break;
      }
      case 'E':
      case 'e': {
        if (invisible || !op.rect) break;
        const [cx, cy] = tr(op.rect[0], op.rect[1]);
        const filled = op.op === 'E';
        out.push({ kind: 'ellipse', cx, cy, rx: op.rect[2], ry: op.rect[3], fill: filled ? fill : null, stroke, strokeWidth, dash });
        break;
      }
      case 'T': {
        if (invisible || !op.pt) break;
        const [x, y] = tr(op.pt[0], op.pt[1]);
        const anchor = op.align === 'l' ? 'start' : op.align === 'r' ? 'end' : 'middle';
        out.push({ kind: 'text', x, y, text: op.text ?? '', anchor, fontSize, fontFamily, color: stroke });
        break;
      }
      default:
        break; // t (font characteristics), I (images): not produced by pprof's DOT
    }
  }
  return out;
}
