// The Graph view: pprof's call graph, laid out by Graphviz (WASM) in the worker
// and drawn here a chunk per animation frame (graph-draw.ts), with pan and
// zoom (d3-zoom), node selection (click; shift/ctrl-click adds), search
// highlight, and a context menu per node (Focus, Ignore, Hide, Show, Show
// from, Peek, Source). The <svg> has data-drawing while chunks are to come.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import type { GraphData, GraphNodeData } from '../../core/view/graph';
import type { ViewProps } from './view-props';
import { GraphDrawing, type GraphHandlers } from './graph-draw';
import { GraphNodeMenu } from './graph-node-menu';
import { runNameAction, type NameAction } from './name-menu';
import { EXPORT_EVENT } from '../components/export-image';
import './graph-view.css';

interface MenuState {
  /** The node the menu was opened on: focus goes back to it when the menu closes. */
  el: SVGGElement;
  names: string[];
  subject: string;
  x: number;
  y: number;
}

export function GraphView(props: ViewProps<GraphData>) {
  const { response, search, selection } = props;
  const data = response.data;
  const layout = data.layout;
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const viewportRef = useRef<SVGGElement>(null);
  const nodeEls = useRef(new Map<number, SVGGElement>());
  const drawingRef = useRef<GraphDrawing | null>(null);
  // Marks a node for the current selection and search (nodes drawn later get it too).
  const markRef = useRef<(el: SVGGElement, n: GraphNodeData) => void>(() => {});
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  // The drawing's size as the ResizeObserver last saw it: reading it from the
  // element (clientWidth, or d3-zoom's default extent) right after drawing a
  // graph would force the layout of all its text inside the task that drew it.
  const size = useRef<{ w: number; h: number } | null>(null);
  // d3's handlers live as long as the drawing: they read the latest props here.
  const propsRef = useRef(props);
  const [scale, setScale] = useState(1);
  const [menu, setMenu] = useState<MenuState | null>(null);

  useEffect(() => {
    propsRef.current = props;
  });

  // Before the drawing's layout effect below, which fits the new graph.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    const vp = viewportRef.current;
    if (!svg || !vp) return;
    const z = zoom<SVGSVGElement, unknown>()
      .extent(() => [
        [0, 0],
        [size.current?.w ?? svg.clientWidth, size.current?.h ?? svg.clientHeight],
      ])
      .scaleExtent([0.02, 8])
      .on('zoom', (ev: D3ZoomEvent<SVGSVGElement, unknown>) => {
        vp.setAttribute('transform', ev.transform.toString());
        setScale(ev.transform.k);
      });
    select(svg).call(z).on('dblclick.zoom', null);
    zoomRef.current = z;
    return () => {
      select(svg).on('.zoom', null);
      zoomRef.current = null;
    };
  }, []);

  /** The whole graph in view, centred; never magnified. */
  const fit = useCallback(() => {
    const svg = svgRef.current;
    const z = zoomRef.current;
    if (!svg || !z || !layout || layout.width <= 0 || layout.height <= 0 || !size.current) return;
    const W = size.current.w || 800;
    const H = size.current.h || 600;
    const k = Math.min(W / layout.width, H / layout.height, 1) * 0.96;
    const x = (W - layout.width * k) / 2;
    const y = (H - layout.height * k) / 2;
    select(svg).call(z.transform, zoomIdentity.translate(x, y).scale(k));
  }, [layout]);

  // The first size comes after the first layout, before the first paint: fit then.
  const fitRef = useRef(fit);
  fitRef.current = fit;
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const first = size.current === null;
      size.current = { w: svg.clientWidth, h: svg.clientHeight };
      if (first) fitRef.current();
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const vp = viewportRef.current;
    const svg = svgRef.current;
    if (!vp || !svg) return;
    const drawing = new GraphDrawing(vp);
    drawingRef.current = drawing;
    // DOWNLOAD exports the whole drawing: the chunks still waiting are drawn first.
    const finish = () => drawing.finish();
    svg.addEventListener(EXPORT_EVENT, finish);
    return () => {
      drawing.cancel();
      drawingRef.current = null;
      svg.removeEventListener(EXPORT_EVENT, finish);
    };
  }, []);

  useLayoutEffect(() => {
    const drawing = drawingRef.current;
    const svg = svgRef.current;
    if (!drawing || !svg) return;
    const els = new Map<number, SVGGElement>();
    nodeEls.current = els;
    const handlers: GraphHandlers = {
      onNodeClick(node, ev) {
        const p = propsRef.current;
        const sel = p.selection;
        const additive = ev.shiftKey || ev.ctrlKey || ev.metaKey;
        let next: string[];
        if (additive) next = sel.includes(node.name) ? sel.filter((n) => n !== node.name) : [...sel, node.name];
        else next = sel.length === 1 && sel[0] === node.name ? [] : [node.name];
        p.onSelect(next);
      },
      onNodeMenu(node: GraphNodeData, ev, el) {
        const box = boxRef.current?.getBoundingClientRect();
        if (!box) return;
        let cx: number;
        let cy: number;
        if (ev instanceof MouseEvent && (ev.clientX !== 0 || ev.clientY !== 0)) {
          cx = ev.clientX;
          cy = ev.clientY;
        } else {
          const r = el.getBoundingClientRect();
          cx = r.left + r.width / 2;
          cy = r.bottom;
        }
        const sel = propsRef.current.selection;
        const names = sel.includes(node.name) && sel.length > 1 ? sel : [node.name];
        const subject = names.length > 1 ? `${names.length} selected nodes` : node.name;
        setMenu({ el, names, subject, x: cx - box.left, y: cy - box.top });
      },
      onNodeDrawn(node, el) {
        els.set(node.id, el);
        markRef.current(el, node);
      },
      onDrawn() {
        svg.removeAttribute('data-drawing');
      },
    };
    svg.setAttribute('data-drawing', '');
    drawing.draw(data, handlers);
    setMenu(null);
    fit();
  }, [data, fit]);

  // Selection and search: pprof paints selected nodes #ccccff; matches get an outline.
  useEffect(() => {
    let re: RegExp | null = null;
    if (search !== '') {
      try {
        re = new RegExp(search);
      } catch {
        re = null;
      }
    }
    const sel = new Set(selection);
    const mark = (el: SVGGElement, n: GraphNodeData) => {
      const isSel = sel.has(n.name);
      el.setAttribute('aria-pressed', String(isSel));
      el.classList.toggle('selected', isSel);
      el.classList.toggle('match', re !== null && re.test(n.name));
    };
    markRef.current = mark;
    for (const [id, el] of nodeEls.current) mark(el, data.nodes[id - 1]);
  }, [data, selection, search]);

  const onAction = useCallback(
    (a: NameAction) => {
      if (!menu) return;
      setMenu(null);
      runNameAction(props, a, menu.names);
    },
    [menu, props],
  );
  const closeMenu = useCallback(
    (refocus: boolean) => {
      if (refocus && menu?.el.isConnected) menu.el.focus();
      setMenu(null);
    },
    [menu],
  );

  const zoomBy = (f: number) => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) zoomRef.current.scaleBy(select(svg), f);
  };

  return (
    <div className="graph-view">
      <div className="graph-toolbar" role="toolbar" aria-label="Graph zoom">
        <button type="button" onClick={() => zoomBy(1.25)}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoomBy(0.8)}>
          Zoom out
        </button>
        <button type="button" onClick={fit}>
          Fit to window
        </button>
        <output aria-label="Zoom level" className="graph-zoom-level">
          {Math.round(scale * 100)}%
        </output>
        <span className="graph-hint">Drag to pan, wheel to zoom; click a node to select it (Shift adds), right-click or Shift+F10 for actions.</span>
      </div>
      <div className="graph-box" ref={boxRef}>
        <svg ref={svgRef} role="img" aria-label="Call graph" className="graph-svg" data-export="">
          <g ref={viewportRef} />
        </svg>
        {!layout && (
          <p role="status" className="graph-note">
            Laying out the graph…
          </p>
        )}
        {layout && data.nodes.length === 0 && <p className="graph-note">No nodes to show with these options.</p>}
        {menu && <GraphNodeMenu subject={menu.subject} x={menu.x} y={menu.y} onAction={onAction} onClose={closeMenu} />}
      </div>
    </div>
  );
}
