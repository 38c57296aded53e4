// Comparing two profiles, as `go tool pprof -diff_base=base.pb.gz new.pb.gz`:
// the button beside the profile's name picks a base profile, which the engine
// subtracts from the open one (growth is positive, shrinkage negative; the
// flame graph draws it as a diff). While a base is subtracted, a line over the
// views says so and offers to remove it. File names are shown as text only.
import { useRef } from 'react';
import { useAppStore } from '../state/app-store';

export function CompareButton() {
  const input = useRef<HTMLInputElement>(null);
  const compareWith = useAppStore((s) => s.compareWith);
  const busy = useAppStore((s) => s.busy !== null);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        title="Subtract a base profile from this one, as go tool pprof -diff_base does"
        onClick={() => input.current?.click()}
      >
        Compare with a base profile
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="Base profile to compare with"
        onChange={(ev) => {
          const file = ev.currentTarget.files?.[0];
          ev.currentTarget.value = ''; // choosing the same file again still fires
          if (file) void compareWith(file);
        }}
      />
    </>
  );
}

export function DiffBaseNote() {
  const opened = useAppStore((s) => s.opened);
  const removeBase = useAppStore((s) => s.removeBase);
  const busy = useAppStore((s) => s.busy !== null);
  if (!opened?.base) return null;
  return (
    <p className="diff-base" role="note" aria-label="Comparison">
      <span>
        Showing <strong>{opened.fileName}</strong> minus the base <strong>{opened.base.fileName}</strong> (as{' '}
        <code>-diff_base</code>): growth is positive, shrinkage negative.
      </span>
      <button type="button" disabled={busy} onClick={() => void removeBase()}>
        Remove base
      </button>
    </p>
  );
}
