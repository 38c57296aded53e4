// REFINE: Focus, Ignore, Hide, Show, Show from with the selection (or the
// search text), and Reset.
import type { RefineKind } from '../views/view-props';
import { useAppStore } from '../state/app-store';
import { MenuButton } from './menu-button';

const KINDS: { kind: RefineKind; label: string; help: string }[] = [
  { kind: 'focus', label: 'Focus', help: 'Only samples through the matched functions' },
  { kind: 'ignore', label: 'Ignore', help: 'Drop samples through the matched functions' },
  { kind: 'hide', label: 'Hide', help: 'Remove the matched functions from the stacks' },
  { kind: 'show', label: 'Show', help: 'Keep only the matched functions in the stacks' },
  { kind: 'show_from', label: 'Show from', help: 'Drop the frames above the matched functions' },
];

export function RefineMenu() {
  const selection = useAppStore((s) => s.selection);
  const search = useAppStore((s) => s.search);
  const refine = useAppStore((s) => s.refine);
  const reset = useAppStore((s) => s.reset);
  const none = selection.length === 0 && search === '';
  return (
    <MenuButton
      label="REFINE"
      title={none ? 'Select rows or nodes, or type a search, then refine' : undefined}
      items={[
        ...KINDS.map((k) => ({ label: k.label, disabled: none, onSelect: () => refine(k.kind) })),
        { label: 'Reset', separated: true, onSelect: reset },
      ]}
    />
  );
}
