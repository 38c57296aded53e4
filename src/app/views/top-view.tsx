// The Top view: pprof's -top rows as a table (role table, sortable headers),
// virtualized: only the rows in sight are in the DOM, at a fixed row height in
// a scroll container, with aria-rowcount/aria-rowindex keeping the table's
// size known. Rows select with click, ctrl/shift-click and the keyboard; each
// row has a context menu (Focus, Ignore, Hide, Show, Show from, Peek, Source).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { topRowLabel, type TopData, type TopRow } from '../../core/view/top';
import type { ViewProps } from './view-props';
import { Highlight, matches, searchPattern } from './highlight';
import { NameMenu, runNameAction, type NameMenuState } from './name-menu';
import { initialSort, nextSort, sortRows, sumPercents, type TopColumn, type TopSort } from './top-order';
import './top-view.css';

export const TOP_ROW_HEIGHT = 26;
const OVERSCAN = 8;

const COLUMNS: { column: TopColumn; label: string }[] = [
  { column: 'flat', label: 'Flat' },
  { column: 'flatPercent', label: 'Flat%' },
  { column: 'sum', label: 'Sum%' },
  { column: 'cum', label: 'Cum' },
  { column: 'cumPercent', label: 'Cum%' },
  { column: 'name', label: 'Name' },
];

export function TopView(props: ViewProps<TopData>) {
  const { response, search, selection, onSelect } = props;
  const rows = response.data.rows;
  const [sort, setSort] = useState<TopSort>(() => initialSort(rows));
  const [active, setActive] = useState(-1); // position in display order
  const [menu, setMenu] = useState<NameMenuState | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const bodyRef = useRef<HTMLDivElement>(null);
  const anchor = useRef(-1);
  const focusActive = useRef(false);

  // A new answer from the engine: its own order, from the top.
  useEffect(() => {
    setSort(initialSort(rows));
    setActive(-1);
    anchor.current = -1;
    setMenu(null);
    if (bodyRef.current) bodyRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [rows]);

  const order = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const sums = useMemo(() => sumPercents(rows, order, response.data.total), [rows, order, response.data.total]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const re = useMemo(() => searchPattern(search), [search]);

  // The observer reports the first size after the page's own layout: measuring
  // here at once would force a layout of the whole new page inside the task
  // that renders it (a long task on a large profile).
  useEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewHeight(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keyboard moves: keep the active row in sight, then give it the focus.
  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el || active < 0) return;
    const top = active * TOP_ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + TOP_ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + TOP_ROW_HEIGHT - el.clientHeight;
    if (focusActive.current) {
      focusActive.current = false;
      el.querySelector<HTMLElement>(`[data-pos="${active}"]`)?.focus();
    }
  }, [active]);

  const namesAt = useCallback(
    (from: number, to: number) => {
      const out = new Set<string>();
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) out.add(rows[order[i]].name);
      return [...out];
    },
    [rows, order],
  );

  const selectAt = useCallback(
    (pos: number, mode: 'only' | 'toggle' | 'range') => {
      const name = rows[order[pos]].name;
      if (mode === 'range' && anchor.current >= 0) {
        onSelect(namesAt(anchor.current, pos));
        return;
      }
      anchor.current = pos;
      if (mode === 'toggle') onSelect(selected.has(name) ? selection.filter((n) => n !== name) : [...selection, name]);
      else onSelect([name]);
    },
    [rows, order, onSelect, namesAt, selected, selection],
  );

  const openMenu = (pos: number, x: number, y: number) => {
    const name = rows[order[pos]].name;
    // The menu acts on the selection when the row is part of it, else on the row.
    const names = selected.has(name) && selection.length > 1 ? selection : [name];
    setMenu({ names, x, y });
  };

  const onRowClick = (ev: MouseEvent, pos: number) => {
    setActive(pos);
    if (ev.shiftKey) selectAt(pos, 'range');
    else if (ev.ctrlKey || ev.metaKey) selectAt(pos, 'toggle');
    else selectAt(pos, 'only');
  };

  const onKeyDown = (ev: KeyboardEvent) => {
    if (rows.length === 0) return;
    const page = Math.max(1, Math.floor(viewHeight / TOP_ROW_HEIGHT) - 1);
    const cur = active < 0 ? 0 : active;
    let next: number;
    switch (ev.key) {
      case 'ArrowDown':
        next = active < 0 ? 0 : Math.min(rows.length - 1, cur + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, cur - 1);
        break;
      case 'PageDown':
        next = Math.min(rows.length - 1, cur + page);
        break;
      case 'PageUp':
        next = Math.max(0, cur - page);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = rows.length - 1;
        break;
      case ' ':
      case 'Enter':
        ev.preventDefault();
        selectAt(cur, ev.key === ' ' || ev.ctrlKey || ev.metaKey ? 'toggle' : 'only');
        setActive(cur);
        return;
      case 'ContextMenu':
      case 'F10': {
        if (ev.key === 'F10' && !ev.shiftKey) return;
        ev.preventDefault();
        const r = bodyRef.current?.querySelector(`[data-pos="${cur}"]`)?.getBoundingClientRect();
        openMenu(cur, r ? r.left + 40 : 40, r ? r.bottom : 40);
        return;
      }
      default:
        return;
    }
    ev.preventDefault();
    focusActive.current = true;
    setActive(next);
    if (ev.shiftKey) {
      if (anchor.current < 0) anchor.current = cur;
      onSelect(namesAt(anchor.current, next));
    } else if (!(ev.ctrlKey || ev.metaKey)) {
      selectAt(next, 'only');
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / TOP_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length - 1, Math.ceil((scrollTop + viewHeight) / TOP_ROW_HEIGHT) + OVERSCAN);
  const positions: number[] = [];
  for (let i = first; i <= last; i++) positions.push(i);
  // The focused row stays in the DOM even when scrolled away, so focus is not lost.
  if (active >= 0 && active < rows.length && (active < first || active > last)) positions.push(active);

  return (
    <div className="top-view">
      <div role="table" aria-label="Top functions" aria-rowcount={rows.length + 1} aria-colcount={COLUMNS.length} className="top-table">
        <div role="rowgroup" className="top-head">
          <div role="row" aria-rowindex={1} className="top-row">
            {COLUMNS.map((c, k) => (
              <div
                key={c.column}
                role="columnheader"
                aria-colindex={k + 1}
                aria-sort={sort.column === c.column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                className={c.column === 'name' ? 'name' : 'num'}
              >
                <button type="button" onClick={() => setSort((s) => nextSort(s, c.column))}>
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.column === c.column ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </span>
                </button>
              </div>
            ))}
          </div>
        </div>
        <div
          ref={bodyRef}
          className="top-body"
          tabIndex={active < 0 ? 0 : -1}
          onScroll={(ev) => setScrollTop(ev.currentTarget.scrollTop)}
          onKeyDown={onKeyDown}
          onFocus={(ev) => {
            if (ev.target === ev.currentTarget && rows.length > 0 && active < 0) {
              focusActive.current = true;
              setActive(0);
            }
          }}
        >
          <div role="rowgroup" className="top-rows" style={{ height: rows.length * TOP_ROW_HEIGHT }}>
            {positions.map((pos) => (
              <Row
                key={order[pos]}
                row={rows[order[pos]]}
                pos={pos}
                sum={sums[pos]}
                selected={selected.has(rows[order[pos]].name)}
                active={pos === active}
                re={re}
                onClick={onRowClick}
                onMenu={openMenu}
              />
            ))}
          </div>
        </div>
        {rows.length === 0 && <p className="top-empty">No functions to show for these options.</p>}
      </div>
      {menu && (
        <NameMenu
          {...menu}
          onClose={() => {
            setMenu(null);
            bodyRef.current?.querySelector<HTMLElement>(`[data-pos="${active}"]`)?.focus();
          }}
          onAction={(a) => {
            setMenu(null);
            runNameAction(props, a, menu.names);
          }}
        />
      )}
    </div>
  );
}

interface RowProps {
  row: TopRow;
  pos: number;
  sum: string;
  selected: boolean;
  active: boolean;
  re: RegExp | null;
  onClick(ev: MouseEvent, pos: number): void;
  onMenu(pos: number, x: number, y: number): void;
}

function Row({ row, pos, sum, selected, active, re, onClick, onMenu }: RowProps) {
  const label = topRowLabel(row);
  const hit = matches(re, label);
  const cls = ['top-row', selected ? 'selected' : '', hit ? 'match' : '', active ? 'active' : ''].filter(Boolean).join(' ');
  return (
    <div
      role="row"
      aria-rowindex={pos + 2}
      aria-selected={selected}
      data-pos={pos}
      tabIndex={active ? 0 : -1}
      className={cls}
      style={{ transform: `translateY(${pos * TOP_ROW_HEIGHT}px)` }}
      onClick={(ev) => onClick(ev, pos)}
      onContextMenu={(ev) => {
        ev.preventDefault();
        onMenu(pos, ev.clientX, ev.clientY);
      }}
    >
      <div role="cell" className={row.flat < 0 ? 'num neg' : 'num'}>
        {row.flatLabel}
      </div>
      <div role="cell" className="num">
        {row.flatPercent}
      </div>
      <div role="cell" className="num">
        {sum}
      </div>
      <div role="cell" className={row.cum < 0 ? 'num neg' : 'num'}>
        {row.cumLabel}
      </div>
      <div role="cell" className="num">
        {row.cumPercent}
      </div>
      <div role="cell" className="name" title={label}>
        <Highlight text={row.name} re={re} />
        {row.inline !== '' && <span className="inline-mark"> {row.inline}</span>}
      </div>
      {/* A mouse shortcut to the row's menu; keyboards use the context-menu key or Shift+F10. */}
      <button
        type="button"
        tabIndex={-1}
        aria-hidden="true"
        className="row-actions"
        title="Actions"
        onClick={(ev) => {
          ev.stopPropagation();
          const r = ev.currentTarget.getBoundingClientRect();
          onMenu(pos, r.left - 120, r.bottom);
        }}
      />
    </div>
  );
}
