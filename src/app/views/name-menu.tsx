// The context menu of a function in Top and Peek (right click, the row's
// actions button, or the context-menu key / Shift+F10): refine with the
// function, or look at it in Peek or Source. Arrow keys move, Escape closes.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ViewName } from '../../worker/view-protocol';
import type { RefineKind, ViewProps } from './view-props';
import { quotemeta } from './highlight';
import './name-menu.css';

export type NameAction = RefineKind | 'peek' | 'source';

const ITEMS: { action: NameAction; label: string }[] = [
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
  const ref = useRef<HTMLDivElement>(null);
  const subject = names.length === 1 ? names[0] : `${names.length} selected functions`;

  const close = useRef(onClose);
  close.current = onClose;

  // Focus the first item once; a click outside closes.
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (ev: PointerEvent) => {
      if (ref.current && !ref.current.contains(ev.target as Node)) close.current();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, []);

  const onKeyDown = (ev: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (ev.key === 'Escape') {
      ev.stopPropagation();
      onClose();
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const d = ev.key === 'ArrowDown' ? 1 : -1;
      items[(i + d + items.length) % items.length]?.focus();
    } else if (ev.key === 'Home' || ev.key === 'End') {
      ev.preventDefault();
      items[ev.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (ev.key === 'Tab') {
      onClose();
    }
  };

  // Keep the menu on screen.
  const left = Math.max(0, Math.min(x, window.innerWidth - 180));
  const top = Math.max(0, Math.min(y, window.innerHeight - 260));
  return (
    <div ref={ref} role="menu" aria-label={`Actions for ${subject}`} className="name-menu" style={{ left, top }} onKeyDown={onKeyDown}>
      {ITEMS.map((it) => (
        <button key={it.action} type="button" role="menuitem" tabIndex={-1} onClick={() => onAction(it.action)}>
          {it.label}
        </button>
      ))}
    </div>
  );
}
