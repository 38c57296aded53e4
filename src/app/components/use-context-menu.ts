// What every context menu of the views shares (Top/Peek rows, graph nodes,
// flame frames): the first item takes the focus, a click outside closes,
// arrows/Home/End move, Escape closes and hands the focus back, Tab closes.
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export function useContextMenu(onClose: (refocus: boolean) => void): {
  ref: RefObject<HTMLDivElement | null>;
  onKeyDown(ev: KeyboardEvent): void;
} {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (ev: PointerEvent) => {
      if (ref.current && !ref.current.contains(ev.target as Node)) close.current(false);
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, []);

  const onKeyDown = (ev: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (ev.key === 'Escape') {
      ev.stopPropagation();
      close.current(true);
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const d = ev.key === 'ArrowDown' ? 1 : -1;
      items[(i + d + items.length) % items.length]?.focus();
    } else if (ev.key === 'Home' || ev.key === 'End') {
      ev.preventDefault();
      items[ev.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (ev.key === 'Tab') {
      close.current(false);
    }
  };
  return { ref, onKeyDown };
}
