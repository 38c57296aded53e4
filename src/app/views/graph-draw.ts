// Draws a laid-out call graph (GraphData.layout, Graphviz's drawing turned into
// shapes by the worker) into an SVG group with d3. Every string from the
// profile is set with .text() or as an attribute value: never as markup.
import { select, type Selection } from 'd3';
import type { GraphData, GraphEdgeData, GraphNodeData, GraphShape } from '../../core/view/graph';

export interface GraphHandlers {
  onNodeClick(node: GraphNodeData, ev: MouseEvent | KeyboardEvent): void;
  onNodeMenu(node: GraphNodeData, ev: MouseEvent | KeyboardEvent, el: SVGGElement): void;
}

/** The accessible name of a node: its name and values, as its label shows them. */
export function nodeAriaLabel(n: GraphNodeData): string {
  const flat = `flat ${n.flatLabel} (${n.flatPercent})`;
  const cum = `cum ${n.cumLabel} (${n.cumPercent})`;
  return `${n.printableName}: ${flat}, ${cum}`;
}

function edgeTooltip(e: GraphEdgeData | undefined, nodes: GraphNodeData[], fallback: string): string {
  if (!e) return fallback;
  const from = nodes[e.from - 1]?.printableName ?? '';
  const to = nodes[e.to - 1]?.printableName ?? '';
  return `${from} ${e.residual ? '...' : '->'} ${to} (${e.label})${e.inline ? ' (inline)' : ''}`;
}

function pathOf(kind: 'polygon' | 'polyline' | 'bezier', p: number[]): string {
  if (p.length < 2) return '';
  let d = `M${p[0]},${p[1]}`;
  if (kind === 'bezier') {
    for (let i = 2; i + 5 < p.length; i += 6) d += `C${p[i]},${p[i + 1]} ${p[i + 2]},${p[i + 3]} ${p[i + 4]},${p[i + 5]}`;
  } else {
    for (let i = 2; i + 1 < p.length; i += 2) d += `L${p[i]},${p[i + 1]}`;
    if (kind === 'polygon') d += 'Z';
  }
  return d;
}

const DASH = { dotted: '1,5', dashed: '5,2' } as const;

function drawShapes(g: Selection<SVGGElement, unknown, null, undefined>, shapes: GraphShape[]): void {
  for (const s of shapes) {
    if (s.kind === 'text') {
      g.append('text')
        .attr('x', s.x)
        .attr('y', s.y)
        .attr('text-anchor', s.anchor)
        .attr('font-family', s.fontFamily)
        .attr('font-size', s.fontSize)
        .attr('fill', s.color)
        .text(s.text);
      continue;
    }
    let el: Selection<SVGElement, unknown, null, undefined>;
    if (s.kind === 'ellipse') {
      el = g.append<SVGElement>('ellipse').attr('cx', s.cx).attr('cy', s.cy).attr('rx', s.rx).attr('ry', s.ry);
    } else {
      el = g.append<SVGElement>('path').attr('d', pathOf(s.kind, s.points));
    }
    el.attr('fill', s.fill ?? 'none')
      .attr('stroke', s.stroke)
      .attr('stroke-width', s.strokeWidth !== 1 ? s.strokeWidth : null)
      .attr('stroke-dasharray', s.dash ? DASH[s.dash] : null);
  }
}

/** Replaces the content of `root` with the graph; returns the node elements by node id. */
export function drawGraph(root: SVGGElement, data: GraphData, h: GraphHandlers): Map<number, SVGGElement> {
  const g = select(root);
  g.selectAll('*').remove();
  const nodeEls = new Map<number, SVGGElement>();
  const layout = data.layout;
  if (!layout) return nodeEls;
  const edgeData = new Map(data.edges.map((e) => [`N${e.from}>N${e.to}`, e]));
  const edges = g.append('g').attr('class', 'graph-edges');
  for (const e of layout.edges) {
    const eg = edges.append('g').attr('class', 'graph-edge');
    const ed = edgeData.get(`${e.tail}>${e.head}`);
    eg.append('title').text(edgeTooltip(ed, data.nodes, e.tooltip));
    drawShapes(eg, e.shapes);
  }
  const nodes = g.append('g').attr('class', 'graph-nodes');
  for (const n of layout.nodes) {
    const ng = nodes.append('g').attr('class', 'graph-nodelet');
    const info = n.nodeId !== undefined ? data.nodes[n.nodeId - 1] : undefined;
    if (!info) {
      ng.append('title').text(n.tooltip);
      drawShapes(ng, n.shapes);
      continue;
    }
    ng.attr('class', 'graph-node')
      .attr('id', `node${info.id}`)
      .attr('role', 'button')
      .attr('tabindex', 0)
      .attr('aria-pressed', 'false')
      .attr('aria-label', nodeAriaLabel(info));
    ng.append('title').text(`${info.printableName} (${info.cumLabel})`);
    drawShapes(ng, n.shapes);
    const el = ng.node()!;
    ng.on('click', (ev: MouseEvent) => {
      ev.stopPropagation();
      h.onNodeClick(info, ev);
    });
    ng.on('contextmenu', (ev: MouseEvent) => {
      ev.preventDefault();
      h.onNodeMenu(info, ev, el);
    });
    ng.on('keydown', (ev: KeyboardEvent) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        h.onNodeClick(info, ev);
      } else if (ev.key === 'ContextMenu' || (ev.key === 'F10' && ev.shiftKey)) {
        ev.preventDefault();
        h.onNodeMenu(info, ev, el);
      }
    });
    nodeEls.set(info.id, el);
  }
  return nodeEls;
}
