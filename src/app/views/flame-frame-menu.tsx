// The context menu of a flame graph frame (right click, or the context-menu
// key / Shift+F10 on the chart): refine with the frame's function, or show its
// source. Arrow keys move, Escape closes. Names are rendered as text only.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { RefineKind } from './view-props';

export type FrameAction = RefineKind | 'source';

const ITEMS: { action: FrameAction; label: string }[] = [
  { action: 'focus', label: 'Focus' },
  { action: 'ignore', label: 'Ignore' },
  { action: 'hide', label: 'Hide' },
  { action: 'show', label: 'Show' },
  { action: 'show_from', label: 'Show from' },
  { action: 'source', label: 'Show source' },
];

interface Props {
  subject: string;
  x: number;
  y: number;
  onAction(a: FrameAction): void;
  onClose(): void;
}

export function FlameFrameMenu({ subject, x, y, onAction, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (ev: PointerEvent) => {
      if (ref.current && !ref.current.contains(ev.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [onClose]);

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
    } else if (ev.key === 'Tab') {
      onClose();
    }
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${subject}`}
      className="flame-frame-menu"
      style={{ left: x, top: y }}
      onKeyDown={onKeyDown}
    >
      <div className="flame-frame-menu-subject" aria-hidden="true">
        {subject}
      </div>
      {ITEMS.map((it) => (
        <button key={it.action} type="button" role="menuitem" tabIndex={-1} onClick={() => onAction(it.action)}>
          {it.label}
        </button>
      ))}
    </div>
  );
}
