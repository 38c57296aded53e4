// VIEW: Top, Graph, Flame Graph, Peek, Source (keys 1-5).
import type { ViewName } from '../../worker/view-protocol';
import { useAppStore } from '../state/app-store';
import { refineRegexp } from '../state/refine';
import { MenuButton } from './menu-button';

export const VIEW_LABELS: { view: ViewName; label: string }[] = [
  { view: 'top', label: 'Top' },
  { view: 'graph', label: 'Graph' },
  { view: 'flamegraph', label: 'Flame Graph' },
  { view: 'peek', label: 'Peek' },
  { view: 'source', label: 'Source' },
];

/** Switches view; Peek and Source take the selection or search as `f`, as pprof's menu links do. */
export function switchView(view: ViewName): void {
  const s = useAppStore.getState();
  if (view === 'peek' || view === 'source') {
    const re = refineRegexp(s.selection, s.search);
    if (re !== '') {
      s.setView(view, re);
      return;
    }
  }
  s.setView(view);
}

export function ViewMenu() {
  const current = useAppStore((s) => s.url.view);
  return (
    <MenuButton
      label="VIEW"
      items={VIEW_LABELS.map((v, i) => ({
        label: v.label,
        detail: String(i + 1),
        checked: v.view === current,
        onSelect: () => switchView(v.view),
      }))}
    />
  );
}
