// The WAI-ARIA menu button pattern: a button (aria-haspopup, aria-expanded)
// that opens a role=menu of role=menuitem entries. Arrow keys move, Home/End
// jump, Enter/Space pick, Escape and Tab close; focus returns to the button.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  label: string;
  /** Shown after the label, dimmed (e.g. a sample type's unit). */
  detail?: string;
  onSelect(): void;
  disabled?: boolean;
  /** Marks the current choice (aria-current, shown with a check). */
  checked?: boolean;
  /** Accessible name when the visible label is not enough. */
  ariaLabel?: string;
  /** Starts a new group (a separator is drawn before it). */
  separated?: boolean;
}

interface Props {
  label: string;
  items: MenuItem[];
  /** Extra content at the bottom of the menu (not a menu item), e.g. a hint. */
  footer?: ReactNode;
  title?: string;
}

export function MenuButton({ label, items, footer, title }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const id = useId();
  const radio = items.some((i) => i.checked !== undefined);

  const enabled = items.map((it, i) => (it.disabled ? -1 : i)).filter((i) => i >= 0);

  function openAt(which: 'first' | 'last') {
    if (enabled.length === 0) {
      setOpen(true);
      return;
    }
    setActive(which === 'first' ? enabled[0] : enabled[enabled.length - 1]);
    setOpen(true);
  }

  function close(focusButton: boolean) {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }

  // Focus follows the active item while open.
  useEffect(() => {
    if (!open) return;
    const el = menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active];
    (el ?? menu.current)?.focus();
  }, [open, active]);

  // A click elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (ev: PointerEvent) => {
      if (!root.current?.contains(ev.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open]);

  function move(delta: number) {
    if (enabled.length === 0) return;
    const pos = enabled.indexOf(active);
    const next = enabled[(pos + delta + enabled.length) % enabled.length];
    setActive(next);
  }

  function pick(i: number) {
    const it = items[i];
    if (!it || it.disabled) return;
    close(true);
    it.onSelect();
  }

  function onButtonKey(ev: KeyboardEvent) {
    if (ev.key === 'ArrowDown' || ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      openAt('first');
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      openAt('last');
    }
  }

  function onMenuKey(ev: KeyboardEvent) {
    switch (ev.key) {
      case 'ArrowDown':
        ev.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
        ev.preventDefault();
        move(-1);
        break;
      case 'Home':
        ev.preventDefault();
        if (enabled.length) setActive(enabled[0]);
        break;
      case 'End':
        ev.preventDefault();
        if (enabled.length) setActive(enabled[enabled.length - 1]);
        break;
      case 'Escape':
        ev.preventDefault();
        ev.stopPropagation(); // Esc here closes the menu only, not the selection
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
      case 'Enter':
      case ' ':
        ev.preventDefault();
        pick(active);
        break;
    }
  }

  return (
    <div className="menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        title={title}
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={onButtonKey}
      >
        {label}
        <span aria-hidden="true" className="menu-arrow">
          ▾
        </span>
      </button>
      {open && (
        <div className="menu-popup">
          <ul ref={menu} role="menu" id={`${id}-menu`} aria-labelledby={`${id}-button`} tabIndex={-1} onKeyDown={onMenuKey}>
            {items.map((it, i) => (
              <li
                key={i}
                role="menuitem"
                aria-current={it.checked ? 'true' : undefined}
                aria-describedby={it.detail ? `${id}-d${i}` : undefined}
                aria-disabled={it.disabled || undefined}
                aria-label={it.ariaLabel}
                tabIndex={i === active ? 0 : -1}
                className={`menu-item${it.separated ? ' separated' : ''}${it.disabled ? ' disabled' : ''}`}
                onClick={() => pick(i)}
                onMouseEnter={() => !it.disabled && setActive(i)}
              >
                {radio && <span className="check" aria-hidden="true">{it.checked ? '✓' : ''}</span>}
                <span className="menu-label">{it.label}</span>
                {it.detail && (
                  // Hidden from the name (an item is named by its label), read as its description.
                  <span className="menu-detail" aria-hidden="true" id={`${id}-d${i}`}>
                    {it.detail}
                  </span>
                )}
              </li>
            ))}
            {items.length === 0 && (
              <li role="none" className="menu-empty">
                (nothing here)
              </li>
            )}
          </ul>
          {footer}
        </div>
      )}
    </div>
  );
}
