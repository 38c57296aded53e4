// What the page is doing while a profile loads, for large files: bytes read,
// inflated and decoded. Announced politely (role=status lives in the parent).
import type { LoadProgress } from '../../worker/engine-client';

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(1) + ' MB';
}

export function progressText(busy: string, p: LoadProgress | null): string {
  if (!p) return `Reading ${busy}…`;
  switch (p.phase) {
    case 'read':
      return `Reading ${busy}: ${mb(p.done)} of ${mb(p.total)}…`;
    case 'inflate':
      return `Unpacking ${busy}: ${mb(p.done)} of ${mb(p.total)} read, ${mb(p.inflated ?? 0)} inflated…`;
    case 'decode':
      return `Decoding ${busy} (${mb(p.total)})…`;
  }
}

export function LoadProgressBar({ p }: { p: LoadProgress | null }) {
  if (!p || p.phase === 'decode' || p.total === 0) return null;
  return <progress className="load-progress" aria-label="Loading progress" max={p.total} value={p.done} />;
}
