// The Flame Graph view: d3-flame-graph drawn as an icicle (root on top) from
// the engine's pruned stack tree, a tile per animation frame so that the main
// thread never stays busy long (flame-tiled-chart.ts). Hover shows a text-only
// tooltip, click zooms (and asks the engine to re-root, so narrow frames of
// the zoomed one appear), the search box highlights, right click offers REFINE
// and Show source, and a delta profile is coloured as a diff. The width
// follows the window.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { select } from 'd3';
import type { FlameHierarchyNode, FlameTooltip } from 'd3-flame-graph';
import type { FlameData, FlameNode } from '../../core/view/flame';
import { quotemeta } from '../../core/query/quotemeta';
import type { ViewProps } from './view-props';
import { FlameFrameMenu, type FrameAction } from './flame-frame-menu';
import { TiledFlameChart } from './flame-tiled-chart';
import { isVirtual } from './flame-tiles';
import { diffColor, formatDelta, formatPercent, formatValue, frameLabel, HIGHLIGHT_COLOR } from './flame-format';
import { EXPORT_EVENT } from '../components/export-image';
import './flame-view.css';

type HNode = FlameHierarchyNode<FlameNode>;

interface At {
  node: FlameNode;
  x: number; // relative to the view's box
  y: number;
}

interface SearchSummary {
  frames: number;
  value: number;
}

const CELL_HEIGHT = 18;
const TIP_WIDTH = 380;

function compileSearch(source: string): RegExp | null {
  if (source === '') return null;
  try {
    return new RegExp(source);
  } catch {
    return null; // the shell validates; never throw while drawing
  }
}

/** Frames whose full name matches, and the width of the outermost ones (as d3-flame-graph sums them). */
function summarize(root: FlameNode, re: RegExp): SearchSummary {
  let frames = 0;
  let value = 0;
  const stack: [FlameNode, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [n, inside] = stack.pop()!;
    const hit = !n.fade && re.test(n.name);
    if (hit) {
      frames++;
      if (!inside) value += n.value;
    }
    for (const c of n.children) stack.push([c, inside || hit]);
  }
  return { frames, value };
}

const accessibleNames = new WeakMap<FlameNode, string>();

/** "name: total 1.20s (13.23%), self 30ms (0.33%)": what a frame is called by role. */
function frameAccessibleName(n: FlameNode, d: FlameData): string {
  let s = accessibleNames.get(n);
  if (s === undefined) {
    const v = (x: number) => (d.diff ? formatDelta(x, d) : formatValue(x, d));
    s = `${n.name}: total ${v(n.cum)} (${formatPercent(n.cum, d.total)}), self ${v(n.self)} (${formatPercent(n.self, d.total)})`;
    accessibleNames.set(n, s);
  }
  return s;
}

export function FlameView(props: ViewProps<FlameData>) {
  const { response, search } = props;
  const data = response.data;
  const boxRef = useRef<HTMLDivElement>(null);
  const chartEl = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<TiledFlameChart | null>(null);
  // The chart's hooks live as long as the chart: they read the latest props here.
  const propsRef = useRef(props);
  const searchRef = useRef<RegExp | null>(null);
  const clicked = useRef<FlameNode | null>(null);
  const [tip, setTip] = useState<At | null>(null);
  const [menu, setMenu] = useState<At | null>(null);
  const [summary, setSummary] = useState<SearchSummary | null>(null);
  const [drawing, setDrawing] = useState(true);
  // Frames drawn of those sent (the chart draws at most MAX_FRAMES, the widest).
  const [drawnFrames, setDrawnFrames] = useState<number | null>(null);

  useEffect(() => {
    propsRef.current = props;
  });

  const relative = useCallback((ev: { clientX: number; clientY: number }) => {
    const r = boxRef.current?.getBoundingClientRect();
    return { x: ev.clientX - (r?.left ?? 0), y: ev.clientY - (r?.top ?? 0) };
  }, []);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // d3-flame-graph's own tooltip may build HTML: this one only sets React state, rendered as text.
    const tooltip = Object.assign(() => {}, {
      show: (ev: MouseEvent, d: HNode) => setTip({ node: d.data, ...relative(ev) }),
      hide: () => setTip(null),
      destroy: () => setTip(null),
    }) as FlameTooltip<FlameNode>;
    const chart = new TiledFlameChart(svg, {
      cellHeight: CELL_HEIGHT,
      tooltip,
      label: frameLabel,
      accessibleName: (n) => frameAccessibleName(n, propsRef.current.response.data),
      matches: (n) => {
        const re = searchRef.current;
        return re !== null && !n.fade && re.test(n.name);
      },
      selected: (n) => n.fn !== '' && propsRef.current.selection.includes(n.fn),
      fill: (n, original) => (propsRef.current.response.data.diff ? diffColor(n) : original),
      highlightFill: HIGHLIGHT_COLOR,
      onClick: (n, path) => {
        clicked.current = n;
        setMenu(null);
        setTip(null);
        const p = propsRef.current;
        p.onRequest({ zoom: path });
        if (n.fn !== '') p.onSelect([n.fn]);
      },
      onDrawn: () => setDrawing(false),
    });
    chartRef.current = chart;
    // DOWNLOAD exports the whole drawing: the tiles still waiting are drawn first.
    const finish = () => chart.finish();
    svg.addEventListener(EXPORT_EVENT, finish);
    return () => {
      svg.removeEventListener(EXPORT_EVENT, finish);
      chart.destroy();
      chartRef.current = null;
    };
  }, [relative]);

  // The selection (REFINE's subject) is outlined: it may come from another view.
  useEffect(() => {
    chartRef.current?.markSelection();
  }, [props.selection]);

  // New data (options, zoom or width changed): draw it; a new search: highlight.
  // One effect, so that new data with a search is drawn once, highlighted.
  const drawn = useRef<{ data: FlameData | null; search: string }>({ data: null, search: '' });
  const askedFirst = useRef(false);
  // The box's width as the ResizeObserver last saw it: reading clientWidth here
  // would force a style and layout of the page the update just changed.
  const widthRef = useRef(0);
  // Draws the current data and search: run by the effect below, or, before
  // the box's first width is known, by the ResizeObserver's first report.
  const update = useRef<() => void>(() => {});
  useEffect(() => {
    update.current = () => {
      const chart = chartRef.current;
      if (!chart) return;
      const last = drawn.current;
      const w = widthRef.current || 960;
      // The first answer is pruned for a guessed width: when the box is another
      // size, ask again before drawing, so the frames are drawn once, not twice.
      if (last.data === null && Math.abs(w - data.width) > 1 && !askedFirst.current) {
        askedFirst.current = true;
        propsRef.current.onRequest({ width: Math.round(w) });
        return;
      }
      const re = compileSearch(search);
      searchRef.current = re;
      const fresh = last.data !== data;
      if (fresh) {
        clicked.current = null;
        setDrawing(true);
        setDrawnFrames(chart.draw(data.root, w).frames);
      } else if (last.search !== search) chart.highlight();
      setSummary(re ? summarize(data.root, re) : null);
      drawn.current = { data, search };
      // The engine pruned for data.width: ask again when the box is another size.
      if (fresh && Math.abs(w - data.width) > 1) propsRef.current.onRequest({ width: Math.round(w) });
    };
    if (typeof ResizeObserver === 'undefined') widthRef.current = chartEl.current?.clientWidth ?? 0;
    else if (widthRef.current === 0) return; // the observer's first report draws
    update.current();
  }, [data, search]);

  // Follow the box's width: redraw at once, ask the engine for the new pruning
  // shortly after. In the observer's callback the layout is done: reading the
  // width costs nothing (at mount it forced a layout, 15-35 ms, traced).
  useEffect(() => {
    const el = chartEl.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ro = new ResizeObserver(() => {
      const w = el.clientWidth;
      if (w === widthRef.current || w === 0) return;
      const first = widthRef.current === 0;
      widthRef.current = w;
      if (first) {
        update.current();
        return;
      }
      const shown = drawn.current.data;
      if (chartRef.current && shown) {
        setDrawing(true);
        setDrawnFrames(chartRef.current.draw(shown.root, w).frames);
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (Math.abs(w - propsRef.current.response.data.width) > 1) propsRef.current.onRequest({ width: w });
      }, 200);
    });
    ro.observe(el);
    return () => {
      clearTimeout(timer);
      ro.disconnect();
    };
  }, []);

  const openMenuAt = (n: FlameNode, x: number, y: number) => {
    if (n.fn === '') return; // the root and unsymbolized frames have no function to refine by
    setTip(null);
    setMenu({ node: n, x, y });
  };

  const onContextMenu = (ev: ReactMouseEvent) => {
    const g = (ev.target as Element).closest('g.frame');
    if (!g || !chartEl.current?.contains(g)) return;
    const d = select<Element, HNode>(g).datum();
    if (!d || isVirtual(d.data)) return;
    ev.preventDefault();
    const at = relative(ev);
    openMenuAt(d.data, at.x, at.y);
  };

  // The context-menu key (or Shift+F10) opens the menu of the frame last clicked.
  const onKeyDown = (ev: KeyboardEvent) => {
    if (ev.key === 'ContextMenu' || (ev.key === 'F10' && ev.shiftKey)) {
      const d = clicked.current;
      if (!d) return;
      ev.preventDefault();
      openMenuAt(d, 16, 16);
    }
  };

  const onAction = (a: FrameAction) => {
    if (!menu) return;
    const re = quotemeta(menu.node.fn);
    setMenu(null);
    if (a === 'source') props.onNavigate('source', re);
    else props.onRefine(a, re);
  };

  const closeMenu = useCallback(() => setMenu(null), []);

  // Nothing left to draw (a focus that matches no sample): say so, not a blank chart.
  const empty = data.root.value === 0;
  const boxWidth = boxRef.current?.clientWidth ?? 0;
  const tipLeft = tip ? (boxWidth > 0 && tip.x + 12 + TIP_WIDTH > boxWidth ? Math.max(0, tip.x - 12 - TIP_WIDTH) : tip.x + 12) : 0;

  return (
    <div className="flame-view" ref={boxRef}>
      <div className="flame-toolbar">
        {data.zoom.length > 0 && (
          <button type="button" onClick={() => props.onRequest({ zoom: [] })}>
            Reset zoom
          </button>
        )}
        <span className="flame-hint">
          Click a frame to zoom, right-click it for Focus, Ignore, Hide, Show from and Show source.
          {drawnFrames !== null &&
            !empty &&
            (data.omitted > 0 || drawnFrames < data.frames) &&
            ` ${drawnFrames} frames drawn; the rest are left out (zoom in to see them).`}
        </span>
        {data.diff && (
          <span className="flame-legend">
            <span className="flame-swatch flame-swatch-grow" aria-hidden="true" /> growth
            <span className="flame-swatch flame-swatch-shrink" aria-hidden="true" /> shrinkage
          </span>
        )}
      </div>
      {empty && (
        <p role="status" className="flame-empty">
          No frames to show for these options.
        </p>
      )}
      {summary && (
        <p role="status" className="flame-search-summary">
          Search matches {summary.frames} {summary.frames === 1 ? 'frame' : 'frames'}: {formatValue(summary.value, data)},{' '}
          {formatPercent(summary.value, data.total)} of total
        </p>
      )}
      <div
        ref={chartEl}
        className="flame-chart"
        role="img"
        aria-label="Flame graph"
        // Not aria-busy: app.css styles [aria-busy] ancestors, and any change of
        // that attribute here made the browser restyle every frame (~40 ms).
        data-drawing={drawing ? '' : undefined}
        tabIndex={0}
        onContextMenu={onContextMenu}
        onKeyDown={onKeyDown}
      >
        <svg ref={svgRef} className="flame-svg" data-export="" />
      </div>
      {tip && (
        <div role="tooltip" className="flame-tip" style={{ left: tipLeft, top: tip.y + 14 }}>
          <div className="flame-tip-name">{tip.node.name}</div>
          <FrameNumbers node={tip.node} data={data} />
        </div>
      )}
      {menu && (
        <FlameFrameMenu subject={menu.node.fn} x={menu.x} y={menu.y} onAction={onAction} onClose={closeMenu} />
      )}
    </div>
  );
}

function FrameNumbers({ node, data }: { node: FlameNode; data: FlameData }) {
  return (
    <dl className="flame-tip-values">
      <div>
        <dt>{data.diff ? 'Total change' : 'Total'}</dt>
        <dd>
          {data.diff ? formatDelta(node.cum, data) : formatValue(node.cum, data)} ({formatPercent(node.cum, data.total)})
        </dd>
      </div>
      <div>
        <dt>{data.diff ? 'Self change' : 'Self'}</dt>
        <dd>
          {data.diff ? formatDelta(node.self, data) : formatValue(node.self, data)} ({formatPercent(node.self, data.total)})
        </dd>
      </div>
      {data.diff && (
        <div>
          <dt>Sum of |changes|</dt>
          <dd>
            {formatValue(node.value, data)} ({formatPercent(node.value, data.total)})
          </dd>
        </div>
      )}
    </dl>
  );
}
