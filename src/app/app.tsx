// The page: the header with pprof's menus, the search box and the way to open
// a profile; the title and the current view; the busy/error states. The URL
// says which view and options are on screen; the worker does all the work.
import { useCallback, useEffect } from 'react';
import { useAppStore } from './state/app-store';
import { fetchDemoProfile, fetchServedProfile } from './state/served-profile';
import { appBase } from './state/url-state';
import { DropZone } from './components/drop-zone';
import { ErrorAlert } from './components/error-alert';
import { usePageDrop } from './components/use-page-drop';
import { AppHeader } from './components/app-header';
import { LoadProgressBar, progressText } from './components/load-progress';
import { UrlProblems } from './components/url-problems';
import { ViewTitle } from './components/view-title';
import { ViewHost } from './components/view-host';
import { useShortcuts } from './components/use-shortcuts';
import { SummaryView } from './views/summary-view';

// Once per page load, even under React's StrictMode double effects.
let startupDone = false;

export function App() {
  const summary = useAppStore((s) => s.summary);
  const busy = useAppStore((s) => s.busy);
  const progress = useAppStore((s) => s.progress);
  const error = useAppStore((s) => s.error);
  // A failed view's title would describe the options before the change: none then.
  const header = useAppStore((s) => (s.viewError === null ? (s.response?.header ?? null) : null));
  const openFile = useAppStore((s) => s.openFile);
  const openBytes = useAppStore((s) => s.openBytes);
  const setBusy = useAppStore((s) => s.setBusy);
  const setError = useAppStore((s) => s.setError);
  const syncFromAddress = useAppStore((s) => s.syncFromAddress);

  const onFile = useCallback((f: File) => void openFile(f), [openFile]);
  const dragging = usePageDrop(onFile);
  useShortcuts();

  // Back and forward: the URL says what to show.
  useEffect(() => {
    const onPop = () => syncFromAddress();
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [syncFromAddress]);

  // Served by the CLI? Then its profile is at api/profile.
  useEffect(() => {
    if (startupDone) return;
    startupDone = true;
    setBusy('the profile from the server');
    void fetchServedProfile(fetch, appBase(window.location.pathname)).then((served) => {
      if (useAppStore.getState().busy !== 'the profile from the server') return; // the user was faster
      if (served) void openBytes(served.fileName, served.data);
      else setBusy(null);
    });
  }, [openBytes, setBusy]);

  const onDemo = useCallback(() => {
    setBusy('demo.pb.gz');
    fetchDemoProfile(fetch, appBase(window.location.pathname)).then(
      (d) => openBytes(d.fileName, d.data),
      (e: unknown) => {
        setBusy(null);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  }, [openBytes, setBusy, setError]);

  const dropZone = (
    <DropZone
      dragging={dragging}
      compact={summary !== null}
      onFile={onFile}
      onDemo={summary === null && busy === null ? onDemo : undefined}
    />
  );

  return (
    <>
      <AppHeader openProfile={summary !== null ? dropZone : null} />
      <main aria-busy={busy !== null}>
        {summary === null && dropZone}
        <p role="status" className="status">
          {busy !== null ? progressText(busy, progress) : ''}
        </p>
        <LoadProgressBar p={busy !== null ? progress : null} />
        {error !== null && <ErrorAlert message={error} onDismiss={() => setError(null)} />}
        <UrlProblems />
        {summary !== null && header !== null && <ViewTitle header={header} />}
        {summary !== null && <ViewHost />}
        {summary !== null && <SummaryView s={summary} />}
      </main>
    </>
  );
}
