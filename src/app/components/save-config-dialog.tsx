// CONFIG > Save as…: a small modal dialog asking for the name.
import { useEffect, useRef, useState } from 'react';

interface Props {
  existing: string[];
  onCancel(): void;
  /** Returns an error message, or null when saved. */
  onSave(name: string): string | null;
}

export function SaveConfigDialog({ existing, onCancel, onSave }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const replacing = existing.includes(name.trim());
  return (
    <div className="dialog-overlay">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="save-config-title"
        className="dialog"
        onKeyDown={(ev) => {
          if (ev.key === 'Escape') {
            ev.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id="save-config-title" className="dialog-title">
          Save settings as
        </h2>
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            setError(onSave(name));
          }}
        >
          <label>
            Name{' '}
            <input ref={input} type="text" value={name} onChange={(ev) => setName(ev.currentTarget.value)} />
          </label>
          {replacing && <p className="dialog-note">This replaces the saved settings of that name.</p>}
          {error && (
            <p role="alert" className="dialog-error">
              {error}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Save
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
