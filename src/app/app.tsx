// The page: header, the drop zone, the open profile's summary, and the
// busy/error states of loading. Everything heavy happens in the worker.
import { useCallback, useEffect } from 'react';
import { useAppStore } from './state/app-store';
import { fetchDemoProfile, fetchServedProfile } from './state/served-profile';
import { DropZone } from './components/drop-zone';
import { ErrorAlert } from './components/error-alert';
import { usePageDrop } from './components/use-page-drop';
import { SummaryView } from './views/summary-view';

// Once per page load, even under React's StrictMode double effects.
let startupDone = false;

export function App() {
  const summary = useAppStore((s) => s.summary);
  const busy = useAppStore((s) => s.busy);
  const error = useAppStore((s) => s.error);
  const openFile = useAppStore((s) => s.openFile);
  const openBytes = useAppStore((s) => s.openBytes);
  const setBusy = useAppStore((s) => s.setBusy);
  const setError = useAppStore((s) => s.setError);

  const onFile = useCallback((f: File) => void openFile(f), [openFile]);
  const dragging = usePageDrop(onFile);

  // Served by the CLI? Then its profile is at api/profile.
  useEffect(() => {
    if (startupDone) return;
    startupDone = true;
    setBusy('the profile from the server');
    void fetchServedProfile().then((served) => {
      if (useAppStore.getState().busy !== 'the profile from the server') return; // the user was faster
      if (served) void openBytes(served.fileName, served.bytes);
      else setBusy(null);
    });
  }, [openBytes, setBusy]);

  const onDemo = useCallback(() => {
    setBusy('demo.pb.gz');
    fetchDemoProfile().then(
      (d) => openBytes(d.fileName, d.bytes),
      (e: unknown) => {
        setBusy(null);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  }, [openBytes, setBusy, setError]);

  return (
    <>
      <header className="app-header">
        <h1>tsprof-web</h1>
        <p className="tagline">Go pprof profiles in your browser, with pprof&apos;s numbers.</p>
      </header>
      <main aria-busy={busy !== null}>
        <DropZone
          dragging={dragging}
          compact={summary !== null}
          onFile={onFile}
          onDemo={summary === null && busy === null ? onDemo : undefined}
        />
        <p role="status" className="status">
          {busy !== null ? `Reading ${busy}…` : ''}
        </p>
        {error !== null && <ErrorAlert message={error} onDismiss={() => setError(null)} />}
        {summary !== null && <SummaryView s={summary} />}
      </main>
    </>
  );
}
