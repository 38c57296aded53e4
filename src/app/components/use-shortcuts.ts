// Keyboard: `/` focuses the search box, 1-5 switch views, Esc clears the
// selection. Keys typed into a field are left alone.
import { useEffect } from 'react';
import { useAppStore } from '../state/app-store';
import { SEARCH_INPUT_ID } from './search-box';
import { switchView, VIEW_LABELS } from './view-menu';

function typing(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.key === 'Escape') {
        if (useAppStore.getState().selection.length > 0) useAppStore.getState().setSelection([]);
        return;
      }
      if (typing(ev.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (ev.key === '/') {
        ev.preventDefault();
        document.getElementById(SEARCH_INPUT_ID)?.focus();
        return;
      }
      const n = '12345'.indexOf(ev.key);
      if (n >= 0 && useAppStore.getState().summary) {
        ev.preventDefault();
        switchView(VIEW_LABELS[n].view);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
