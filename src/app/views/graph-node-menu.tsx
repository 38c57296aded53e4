// The context menu of a graph node (right click, or the context-menu key /
// Shift+F10 on a focused node): refine the graph with the node's function, or
// look at it in Peek or Source. Arrow keys move, Escape closes.
import { useLayoutEffect } from 'react';
import { useContextMenu } from '../components/use-context-menu';
import { NAME_ACTIONS, type NameAction } from './name-menu';

interface Props {
  /** What the actions apply to, for the menu's name ("main.main", or "3 selected nodes"). */
  subject: string;
  x: number;
  y: number;
  onAction(a: NameAction): void;
  /** refocus: put the focus back where the menu came from (Escape). */
  onClose(refocus: boolean): void;
}

export function GraphNodeMenu({ subject, x, y, onAction, onClose }: Props) {
  const { ref, onKeyDown } = useContextMenu(onClose);

  // Keep the menu inside the graph's box (which clips), flipping it up or left.
  useLayoutEffect(() => {
    const el = ref.current;
    const box = el?.offsetParent as HTMLElement | null;
    if (!el || !box) return;
    const top = y + el.offsetHeight > box.clientHeight ? y - el.offsetHeight : y;
    const left = x + el.offsetWidth > box.clientWidth ? x - el.offsetWidth : x;
    el.style.top = `${Math.max(0, top)}px`;
    el.style.left = `${Math.max(0, left)}px`;
  }, [x, y, ref]);

  return (
    <div ref={ref} role="menu" aria-label={`Actions for ${subject}`} className="graph-node-menu" style={{ left: x, top: y }} onKeyDown={onKeyDown}>
      {NAME_ACTIONS.map((it) => (
        <button key={it.action} type="button" role="menuitem" tabIndex={-1} onClick={() => onAction(it.action)}>
          {it.label}
        </button>
      ))}
    </div>
  );
}
