// Draws a laid-out call graph (GraphData.layout, Graphviz's drawing turned into
// shapes by the worker) into an SVG group, a chunk of nodes or edges per
// animation frame (graph-chunks.ts): drawn at once, its script and the layout
// of its text made one task of 150-250 ms. Nodes come first (they are what one
// reads and clicks), then the edges, in their own group below the nodes'.
// A new drawing cancels the chunks of the last one still waiting; finish()
// draws them all at once (DOWNLOAD exports the whole drawing).
import type { GraphData, GraphEdgeData, GraphNodeData, LaidOutNode } from '../../core/view/graph';
import { planChunks, shapesCost } from './graph-chunks';
import { shapeGroup, svgEl } from './graph-shapes';
import { FrameQueue } from './frame-queue';

export interface GraphHandlers {
  onNodeClick(node: GraphNodeData, ev: MouseEvent | KeyboardEvent): void;
  onNodeMenu(node: GraphNodeData, ev: MouseEvent | KeyboardEvent, el: SVGGElement): void;
  /** A node joined the drawing: mark it for the current selection and search. */
  onNodeDrawn(node: GraphNodeData, el: SVGGElement): void;
  /** Every chunk of the drawing is in the document. */
  onDrawn(): void;
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

function nodeEl(n: LaidOutNode, data: GraphData, h: GraphHandlers): SVGGElement {
  const info = n.nodeId !== undefined ? data.nodes[n.nodeId - 1] : undefined;
  // a tag nodelet (heap profiles' labels): no role, no handlers
  if (!info) return shapeGroup('graph-nodelet', n.tooltip, n.shapes);
  const el = shapeGroup('graph-node', `${info.printableName} (${info.cumLabel})`, n.shapes);
  el.id = `node${info.id}`;
  el.setAttribute('role', 'button');
  el.setAttribute('tabindex', '0');
  el.setAttribute('aria-pressed', 'false');
  el.setAttribute('aria-label', nodeAriaLabel(info));
  el.addEventListener('click', (ev) => {
    ev.stopPropagation();
    h.onNodeClick(info, ev);
  });
  el.addEventListener('contextmenu', (ev) => {
    ev.preventDefault();
    h.onNodeMenu(info, ev, el);
  });
  el.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      h.onNodeClick(info, ev);
    } else if (ev.key === 'ContextMenu' || (ev.key === 'F10' && ev.shiftKey)) {
      ev.preventDefault();
      h.onNodeMenu(info, ev, el);
    }
  });
  h.onNodeDrawn(info, el);
  return el;
}

export class GraphDrawing {
  private readonly queue = new FrameQueue();

  constructor(private readonly root: SVGGElement) {}

  /** Whether chunks are still to be drawn. */
  get pending(): boolean {
    return this.queue.pending;
  }

  /** Replaces the drawing with `data`'s at once (empty), then adds its nodes and edges a chunk per animation frame. */
  draw(data: GraphData, h: GraphHandlers): void {
    this.cancel();
    this.root.replaceChildren();
    const layout = data.layout;
    if (!layout) {
      h.onDrawn();
      return;
    }
    const edgeData = new Map(data.edges.map((e) => [`N${e.from}>N${e.to}`, e]));
    const edges = svgEl('g');
    edges.setAttribute('class', 'graph-edges');
    const nodes = svgEl('g');
    nodes.setAttribute('class', 'graph-nodes');
    this.root.append(edges, nodes);
    const nn = layout.nodes.length;
    const costs = [...layout.nodes.map((n) => shapesCost(n.shapes)), ...layout.edges.map((e) => shapesCost(e.shapes))];
    const steps: (() => void)[] = [];
    let from = 0;
    for (const to of planChunks(costs)) {
      const [a, b] = [from, to];
      steps.push(() => {
        const newNodes = document.createDocumentFragment();
        const newEdges = document.createDocumentFragment();
        for (let i = a; i < b; i++) {
          if (i < nn) newNodes.appendChild(nodeEl(layout.nodes[i], data, h));
          else {
            const e = layout.edges[i - nn];
            newEdges.appendChild(shapeGroup('graph-edge', edgeTooltip(edgeData.get(`${e.tail}>${e.head}`), data.nodes, e.tooltip), e.shapes));
          }
        }
        nodes.appendChild(newNodes);
        edges.appendChild(newEdges);
      });
      from = to;
    }
    steps.push(() => h.onDrawn());
    this.queue.replace(steps);
  }

  /** Draws the chunks still waiting, now. */
  finish(): void {
    this.queue.finish();
  }

  /** Drops the chunks still waiting (the drawing stays as far as it got). */
  cancel(): void {
    this.queue.cancel();
  }
}
