// SAMPLE: one item per sample type (shown when the profile has several).
import { useAppStore } from '../state/app-store';
import { MenuButton } from './menu-button';

export function SampleMenu() {
  const summary = useAppStore((s) => s.summary);
  const header = useAppStore((s) => s.response?.header);
  const setSampleIndex = useAppStore((s) => s.setSampleIndex);
  const types = summary?.sampleTypes ?? [];
  if (types.length < 2) return null;
  const current = header?.sampleIndex ?? summary?.defaultSampleType ?? -1;
  return (
    <MenuButton
      label="SAMPLE"
      items={types.map((t, i) => ({
        label: t.type,
        detail: t.unit,
        checked: i === current,
        onSelect: () => setSampleIndex(t.type),
      }))}
    />
  );
}
