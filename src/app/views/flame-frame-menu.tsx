// The context menu of a flame graph frame (right click, or the context-menu
// key / Shift+F10 on the chart): refine with the frame's function, or show its
// source. Arrow keys move, Escape closes. Names are rendered as text only.
import { useContextMenu } from '../components/use-context-menu';
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
  const { ref, onKeyDown } = useContextMenu(onClose);

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
