// The page: the header with pprof's menus, the search box and the way to open
// a profile; the title and the current view; the busy/error states. The URL
// says which view and options are on screen; the worker does all the work.
import { useCallback, useEffect } from 'react';
import { useAppStore } from './state/app-store';
import { fetchDemoProfile } from './state/served-profile';
import { followAddressSource, openUrl, startup } from './state/startup';
import { appBase } from './state/url-state';
import { CompareButton, DiffBaseNote } from './components/diff-base';
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

  // Back and forward: the URL says what to show, and which profile.
  useEffect(() => {
    const onPop = () => {
      syncFromAddress();
      void followAddressSource(useAppStore, window.location);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [syncFromAddress]);

  // A permalink's profile (url=, share=, #p=), or the CLI's at api/profile.
  useEffect(() => {
    if (startupDone) return;
    startupDone = true;
    void startup(useAppStore, window.location);
  }, []);

  const onDemo = useCallback(() => {
    setBusy('demo.pb.gz');
    const base = appBase(window.location.pathname);
    fetchDemoProfile(fetch, base).then(
      // As a URL source, so that its permalink works on any host.
      (d) => openBytes(d.fileName, d.data, { kind: 'url', url: new URL(base + 'demo.pb.gz', window.location.href).href }),
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
      onUrl={(u) => {
        let abs: string;
        try {
          abs = new URL(u, window.location.href).href;
        } catch {
          setError(`"${u}" is not an address: give the http:// or https:// URL of a profile.`);
          return;
        }
        void openUrl(useAppStore, abs);
      }}
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
        {summary !== null && <DiffBaseNote />}
        {summary !== null && header !== null && <ViewTitle header={header} />}
        {summary !== null && <ViewHost />}
        {summary !== null && <SummaryView s={summary} actions={<CompareButton />} />}
      </main>
    </>
  );
}
