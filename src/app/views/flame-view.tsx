// The Flame Graph view: d3-flame-graph drawn as an icicle (root on top) from
// the engine's pruned stack tree. Hover shows a text-only tooltip, click zooms
// (and asks the engine to re-root, so narrow frames of the zoomed one appear),
// the search box highlights, right click offers REFINE and Show source, and a
// delta profile is coloured as a diff. The width follows the window.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { select } from 'd3';
import flamegraph, { type FlameGraph, type FlameHierarchyNode, type FlameTooltip } from 'd3-flame-graph';
import type { FlameData, FlameNode } from '../../core/view/flame';
import { quotemeta } from '../state/url-state';
import type { ViewProps } from './view-props';
import { FlameFrameMenu, type FrameAction } from './flame-frame-menu';
import { diffColor, formatDelta, formatPercent, formatValue, frameLabel, HIGHLIGHT_COLOR } from './flame-format';
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
const TRANSITION_MS = 250;
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

function pathOf(d: HNode): string[] {
  return d
    .ancestors()
    .reverse()
    .slice(1)
    .map((a) => a.data.name);
}

export function FlameView(props: ViewProps<FlameData>) {
  const { response, search } = props;
  const data = response.data;
  const boxRef = useRef<HTMLDivElement>(null);
  const chartEl = useRef<HTMLDivElement>(null);
  const chartRef = useRef<FlameGraph<FlameNode> | null>(null);
  // d3's handlers live as long as the chart: they read the latest props here.
  const propsRef = useRef(props);
  const searchRef = useRef<RegExp | null>(null);
  const clicked = useRef<HNode | null>(null);
  const [tip, setTip] = useState<At | null>(null);
  const [menu, setMenu] = useState<At | null>(null);
  const [summary, setSummary] = useState<SearchSummary | null>(null);

  useEffect(() => {
    propsRef.current = props;
  });

  const relative = useCallback((ev: { clientX: number; clientY: number }) => {
    const r = boxRef.current?.getBoundingClientRect();
    return { x: ev.clientX - (r?.left ?? 0), y: ev.clientY - (r?.top ?? 0) };
  }, []);

  // After each drawing: names the frames (role and text, for assistive
  // technology and tests) and marks those the search matches.
  const mark = useCallback(() => {
    const el = chartEl.current;
    if (!el) return;
    const d0 = propsRef.current.response.data;
    const selected = new Set(propsRef.current.selection);
    select(el)
      .selectAll<SVGGElement, HNode>('g.frame')
      .attr('role', 'button')
      .attr('aria-label', (d) => frameAccessibleName(d.data, d0))
      .attr('aria-pressed', (d) => (d.data.fn !== '' && selected.has(d.data.fn) ? 'true' : null))
      .attr('data-match', (d) => (d.highlight ? 'true' : null));
  }, []);

  // The selection (REFINE's subject) is outlined: it may come from another view.
  useEffect(() => {
    mark();
  }, [props.selection, mark]);

  useEffect(() => {
    const el = chartEl.current;
    if (!el) return;
    // d3-flame-graph's own tooltip may build HTML: this one only sets React state, rendered as text.
    const tooltip = Object.assign(() => {}, {
      show: (ev: MouseEvent, d: HNode) => setTip({ node: d.data, ...relative(ev) }),
      hide: () => setTip(null),
      destroy: () => setTip(null),
    }) as FlameTooltip<FlameNode>;
    const chart = flamegraph<FlameNode>()
      .width(el.clientWidth || 960)
      .cellHeight(CELL_HEIGHT)
      .inverted(true)
      .transitionDuration(TRANSITION_MS)
      .minFrameSize(1) // DOM only for frames of a pixel or more; the narrower stay in the data for zooming
      .resetHeightOnZoom(true)
      .sort(false) // the engine sends children sorted by name
      .getName((d) => frameLabel(d.data))
      .tooltip(tooltip)
      .setDetailsHandler(() => {})
      .setSearchHandler(() => {})
      .setSearchMatch((d) => {
        const re = searchRef.current;
        return re !== null && !d.data.fade && re.test(d.data.name);
      })
      .setColorMapper((d, original) => {
        if (d.highlight) return HIGHLIGHT_COLOR;
        return propsRef.current.response.data.diff ? diffColor(d.data) : original;
      })
      .onClick((d) => {
        clicked.current = d;
        setMenu(null);
        const p = propsRef.current;
        p.onRequest({ zoom: pathOf(d) });
        if (d.data.fn !== '') p.onSelect([d.data.fn]);
        mark();
      });
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [mark, relative]);

  // New data (options, zoom or width changed): draw it; a new search: highlight.
  // One effect, so that new data with no search is drawn once, not twice.
  const drawn = useRef<{ data: FlameData | null; search: string }>({ data: null, search: '' });
  const askedFirst = useRef(false);
  useEffect(() => {
    const chart = chartRef.current;
    const el = chartEl.current;
    if (!chart || !el) return;
    const last = drawn.current;
    const w = el.clientWidth || 960;
    // The first answer is pruned for a guessed width: when the box is another
    // size, ask again before drawing, so the frames are drawn once, not twice.
    if (last.data === null && Math.abs(w - data.width) > 1 && !askedFirst.current) {
      askedFirst.current = true;
      propsRef.current.onRequest({ width: Math.round(w) });
      return;
    }
    if (last.data !== data) {
      chart.width(w);
      clicked.current = null;
      // New data is drawn at once; the animation is for zooming within it.
      chart.transitionDuration(0);
      select<HTMLElement, FlameNode>(el).datum(data.root).call(chart);
      chart.transitionDuration(TRANSITION_MS);
    }
    const re = compileSearch(search);
    searchRef.current = re;
    if (re) {
      chart.search(search);
      setSummary(summarize(data.root, re));
    } else if (last.search !== '' && last.data === data) {
      chart.clear();
    }
    if (!re) setSummary(null);
    const fresh = last.data !== data;
    drawn.current = { data, search };
    mark();
    // The engine pruned for data.width: ask again when the box is another size.
    if (fresh && Math.abs(w - data.width) > 1) propsRef.current.onRequest({ width: Math.round(w) });
  }, [data, search, mark]);

  // Follow the box's width: redraw at once, ask the engine for the new pruning shortly after.
  useEffect(() => {
    const el = chartEl.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastW = el.clientWidth;
    const ro = new ResizeObserver(() => {
      const w = el.clientWidth;
      if (w === lastW || w === 0) return;
      lastW = w;
      const chart = chartRef.current;
      if (chart) {
        chart.width(w);
        chart.update();
        mark();
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
  }, [mark]);

  const openMenuAt = (d: HNode, x: number, y: number) => {
    if (d.data.fn === '') return; // the root and unsymbolized frames have no function to refine by
    setTip(null);
    setMenu({ node: d.data, x, y });
  };

  const onContextMenu = (ev: ReactMouseEvent) => {
    const g = (ev.target as Element).closest('g.frame');
    if (!g || !chartEl.current?.contains(g)) return;
    const d = select<Element, HNode>(g).datum();
    if (!d) return;
    ev.preventDefault();
    const at = relative(ev);
    openMenuAt(d, at.x, at.y);
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
          {data.omitted > 0 && ` ${data.frames} frames drawn; narrower ones are left out (zoom in to see them).`}
        </span>
        {data.diff && (
          <span className="flame-legend">
            <span className="flame-swatch flame-swatch-grow" aria-hidden="true" /> growth
            <span className="flame-swatch flame-swatch-shrink" aria-hidden="true" /> shrinkage
          </span>
        )}
      </div>
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
        tabIndex={0}
        onContextMenu={onContextMenu}
        onKeyDown={onKeyDown}
      />
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
