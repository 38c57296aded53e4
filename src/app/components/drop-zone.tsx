// Where a profile comes in: a button that opens the file picker, the hint that
// a drop anywhere works, and (before any profile) the bundled demo and a field
// to open a profile from a URL (the address then says url=, a permalink).
import { useRef, useState } from 'react';

// Go's /debug/pprof endpoints save files without an extension, so this list is
// only a hint: the picker's "All files" choice opens anything.
const ACCEPT = '.pb.gz,.prof,.pb,.txt,.gz,.pprof';

interface Props {
  dragging: boolean;
  compact: boolean;
  onFile(file: File): void;
  onDemo?: () => void;
  onUrl?: (url: string) => void;
}

export function DropZone({ dragging, compact, onFile, onDemo, onUrl }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
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
      {onUrl && !compact && (
        <form
          className="open-url"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (url.trim() !== '') onUrl(url.trim());
          }}
        >
          <input
            type="url"
            aria-label="Profile URL"
            placeholder="https://host/debug/pprof/heap"
            value={url}
            onChange={(ev) => setUrl(ev.currentTarget.value)}
          />
          <button type="submit" disabled={url.trim() === ''}>
            Open URL
          </button>
        </form>
      )}
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
