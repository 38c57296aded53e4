// The context menu of a function in Top and Peek (right click, the row's
// actions button, or the context-menu key / Shift+F10): refine with the
// function, or look at it in Peek or Source. Arrow keys move, Escape closes.
import { useContextMenu } from '../components/use-context-menu';
import type { ViewName } from '../../worker/view-protocol';
import type { RefineKind, ViewProps } from './view-props';
import { quotemeta } from '../../core/query/quotemeta';
import './name-menu.css';

export type NameAction = RefineKind | 'peek' | 'source';

/** The actions of every function menu (Top, Peek, graph nodes). */
export const NAME_ACTIONS: { action: NameAction; label: string }[] = [
  { action: 'focus', label: 'Focus' },
  { action: 'ignore', label: 'Ignore' },
  { action: 'hide', label: 'Hide' },
  { action: 'show', label: 'Show' },
  { action: 'show_from', label: 'Show from' },
  { action: 'peek', label: 'Peek' },
  { action: 'source', label: 'Source' },
];

export interface NameMenuState {
  names: string[];
  x: number;
  y: number;
}

/** Runs an action on names the way pprof's web UI does: the names quoted and joined with |. */
export function runNameAction(props: Pick<ViewProps<unknown>, 'onRefine' | 'onNavigate'>, a: NameAction, names: string[]): void {
  const re = names.map(quotemeta).join('|');
  if (a === 'peek' || a === 'source') props.onNavigate(a as ViewName, re);
  else props.onRefine(a, re);
}

interface Props extends NameMenuState {
  onAction(a: NameAction): void;
  onClose(): void;
}

export function NameMenu({ names, x, y, onAction, onClose }: Props) {
  const subject = names.length === 1 ? names[0] : `${names.length} selected functions`;
  const { ref, onKeyDown } = useContextMenu(onClose);

  // Keep the menu on screen.
  const left = Math.max(0, Math.min(x, window.innerWidth - 180));
  const top = Math.max(0, Math.min(y, window.innerHeight - 260));
  return (
    <div ref={ref} role="menu" aria-label={`Actions for ${subject}`} className="name-menu" style={{ left, top }} onKeyDown={onKeyDown}>
      {NAME_ACTIONS.map((it) => (
        <button key={it.action} type="button" role="menuitem" tabIndex={-1} onClick={() => onAction(it.action)}>
          {it.label}
        </button>
      ))}
    </div>
  );
}
