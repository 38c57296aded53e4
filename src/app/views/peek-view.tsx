// The Peek view: `-peek=RE` as one table per matched function, its callers
// above and its callees below (as pprof prints them), the function's own row
// set apart as the row header. A caller or callee name peeks at that function;
// right click offers Focus, Ignore, Hide, Show, Show from, Peek, Source.
import { useEffect, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { PeekData, PeekEdge, PeekEntry } from '../../core/view/peek';
import type { ViewProps } from './view-props';
import { Highlight, matches, searchPattern } from './highlight';
import { quotemeta } from '../../core/query/quotemeta';
import { NameMenu, runNameAction, type NameMenuState } from './name-menu';
import { noMatchText } from './no-match';
import './peek-view.css';

/** Functions drawn at first; more on request (an empty regexp matches them all). */
const PAGE = 40;

export function PeekView(props: ViewProps<PeekData>) {
  const { response, search, selection, onSelect, onNavigate } = props;
  const { entries, symbol } = response.data;
  const [shown, setShown] = useState(PAGE);
  const [menu, setMenu] = useState<NameMenuState | null>(null);
  const re = useMemo(() => searchPattern(search), [search]);
  const selected = useMemo(() => new Set(selection), [selection]);

  useEffect(() => {
    setShown(PAGE);
    setMenu(null);
  }, [entries]);

  const ctx = {
    re,
    selected,
    onMenu(ev: MouseEvent, name: string) {
      ev.preventDefault();
      setMenu({ names: selected.has(name) && selection.length > 1 ? selection : [name], x: ev.clientX, y: ev.clientY });
    },
    // The context-menu key or Shift+F10 on a focused name.
    onMenuKey(ev: KeyboardEvent, name: string) {
      if (ev.key !== 'ContextMenu' && !(ev.key === 'F10' && ev.shiftKey)) return;
      ev.preventDefault();
      const r = (ev.currentTarget as HTMLElement).getBoundingClientRect();
      setMenu({ names: selected.has(name) && selection.length > 1 ? selection : [name], x: r.left, y: r.bottom });
    },
    onSelect(ev: MouseEvent, name: string) {
      if (ev.ctrlKey || ev.metaKey) onSelect(selected.has(name) ? selection.filter((n) => n !== name) : [...selection, name]);
      else onSelect([name]);
    },
    peek(name: string) {
      onNavigate('peek', `^${quotemeta(name)}$`);
    },
  };

  if (entries.length === 0) {
    return (
      <div className="peek-view">
        <p role="status" className="peek-empty">
          {symbol === ''
            ? 'No functions to show for these options.'
            : noMatchText(symbol, 'Peek')}
        </p>
      </div>
    );
  }
  return (
    <div className="peek-view">
      <p className="peek-intro">
        {entries.length === 1 ? '1 function' : `${entries.length} functions`}
        {symbol !== '' ? ` matching “${symbol}”` : ''}: callers above, callees below each function. Calls% is the share of the
        function&apos;s cum.
      </p>
      {entries.slice(0, shown).map((e) => (
        <PeekTable key={e.name} e={e} {...ctx} />
      ))}
      {entries.length > shown && (
        <button type="button" className="peek-more" onClick={() => setShown((n) => n + PAGE * 4)}>
          Show {Math.min(PAGE * 4, entries.length - shown)} more of {entries.length - shown} functions
        </button>
      )}
      {menu && (
        <NameMenu
          {...menu}
          onClose={() => setMenu(null)}
          onAction={(a) => {
            setMenu(null);
            runNameAction(props, a, menu.names);
          }}
        />
      )}
    </div>
  );
}

interface TableCtx {
  re: RegExp | null;
  selected: Set<string>;
  onMenu(ev: MouseEvent, name: string): void;
  onMenuKey(ev: KeyboardEvent, name: string): void;
  onSelect(ev: MouseEvent, name: string): void;
  peek(name: string): void;
}

function PeekTable({ e, re, selected, onMenu, onMenuKey, onSelect, peek }: { e: PeekEntry } & TableCtx) {
  const edgeRow = (x: PeekEdge, kind: 'caller' | 'callee', k: number) => (
    <tr key={`${kind}${k}`} className={`peek-edge ${kind}${matches(re, x.name) ? ' match' : ''}`} onContextMenu={(ev) => onMenu(ev, x.name)}>
      <td colSpan={5} className="peek-kind">
        {kind === 'caller' ? 'caller' : 'callee'}
      </td>
      <td className={x.weight < 0 ? 'num neg' : 'num'}>{x.weightLabel}</td>
      <td className="num">{x.percent}</td>
      <td className="peek-name">
        <button type="button" className="link" title={`Peek at ${x.name}`} onClick={() => peek(x.name)} onKeyDown={(ev) => onMenuKey(ev, x.name)}>
          <Highlight text={x.name} re={re} />
        </button>
        {x.inline && <span className="inline-mark"> (inline)</span>}
      </td>
    </tr>
  );
  return (
    <table className="peek-table" aria-label={`Callers and callees of ${e.name}`}>
      <thead>
        <tr>
          <th scope="col">Flat</th>
          <th scope="col">Flat%</th>
          <th scope="col">Sum%</th>
          <th scope="col">Cum</th>
          <th scope="col">Cum%</th>
          <th scope="col">Calls</th>
          <th scope="col">Calls%</th>
          <th scope="col">Function</th>
        </tr>
      </thead>
      <tbody>
        {e.callers.map((x, k) => edgeRow(x, 'caller', k))}
        <tr
          className={`peek-function${selected.has(e.name) ? ' selected' : ''}${matches(re, e.name) ? ' match' : ''}`}
          aria-selected={selected.has(e.name)}
          onClick={(ev) => onSelect(ev, e.name)}
          onContextMenu={(ev) => onMenu(ev, e.name)}
        >
          <td className={e.flat < 0 ? 'num neg' : 'num'}>{e.flatLabel}</td>
          <td className="num">{e.flatPercent}</td>
          <td className="num">{e.sumPercent}</td>
          <td className={e.cum < 0 ? 'num neg' : 'num'}>{e.cumLabel}</td>
          <td className="num">{e.cumPercent}</td>
          <td />
          <td />
          <th scope="row" className="peek-name" tabIndex={0} onKeyDown={(ev) => onMenuKey(ev, e.name)}>
            <Highlight text={e.name} re={re} />
          </th>
        </tr>
        {e.callees.map((x, k) => edgeRow(x, 'callee', k))}
      </tbody>
    </table>
  );
}
