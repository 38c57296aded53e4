// Where a profile comes in: a button that opens the file picker, the hint that
// a drop anywhere works, and (before any profile) the bundled demo.
import { useRef } from 'react';

// Go's /debug/pprof endpoints save files without an extension, so this list is
// only a hint: the picker's "All files" choice opens anything.
const ACCEPT = '.pb.gz,.prof,.pb,.txt,.gz,.pprof';

interface Props {
  dragging: boolean;
  compact: boolean;
  onFile(file: File): void;
  onDemo?: () => void;
}

export function DropZone({ dragging, compact, onFile, onDemo }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <section
      aria-label="Open profile"
      className={`drop-zone${dragging ? ' dragging' : ''}${compact ? ' compact' : ''}`}
    >
      <p className="drop-hint">
        {dragging
          ? 'Drop the file to open it.'
          : compact
            ? 'Drop a profile anywhere to replace this one, or'
            : 'Drop a pprof profile anywhere on this page (.pb.gz, .pb, .prof, or a legacy text profile), or'}
      </p>
      <div className="drop-actions">
        <button type="button" className="primary" onClick={() => input.current?.click()}>
          Open profile
        </button>
        {onDemo && (
          <button type="button" onClick={onDemo}>
            Load the demo profile
          </button>
        )}
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        onChange={(ev) => {
          const file = ev.currentTarget.files?.[0];
          ev.currentTarget.value = ''; // choosing the same file again still fires
          if (file) onFile(file);
        }}
      />
    </section>
  );
}
