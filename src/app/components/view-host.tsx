// Renders the view the URL names with the engine's answer for it, and says
// when the answer is being computed, failed, or was stopped.
import { useCallback } from 'react';
import type { ViewName, ViewRequest, ViewResponse } from '../../worker/view-protocol';
import type { RefineKind, ViewProps } from '../views/view-props';
import { TopView } from '../views/top-view';
import { GraphView } from '../views/graph-view';
import { FlameView } from '../views/flame-view';
import { PeekView } from '../views/peek-view';
import { SourceView } from '../views/source-view';
import { useAppStore } from '../state/app-store';
import { VIEW_LABELS } from './view-menu';
import type { ProfileSummary } from '../../worker/summary';

/**
 * When every sample of the type in use is zero, or there is no sample, no
 * option can show anything: one message says why, instead of each view's
 * "nothing to show for these options" (or a blank chart).
 */
export function emptyProfileNote(s: ProfileSummary, sampleIndex: number): string | null {
  if (s.records === 0) return 'This profile has no samples: there is nothing to show.';
  const t = s.sampleTypes[sampleIndex];
  if (!t || t.total !== 0) return null;
  const other = s.sampleTypes.find((x) => x.total !== 0);
  return other
    ? `Every sample of this profile has the value 0 in ${t.type}: choose another type in SAMPLE, e.g. ${other.type}.`
    : `Every sample of this profile has the value 0 in ${t.type}: there is nothing to show.`;
}

function renderView(view: ViewName, props: ViewProps<unknown>) {
  // Each response's data has the view's own type: the store pairs them (responseFor).
  switch (view) {
    case 'top':
      return <TopView {...(props as ViewProps<never>)} />;
    case 'graph':
      return <GraphView {...(props as ViewProps<never>)} />;
    case 'flamegraph':
      return <FlameView {...(props as ViewProps<never>)} />;
    case 'peek':
      return <PeekView {...(props as ViewProps<never>)} />;
    case 'source':
      return <SourceView {...(props as ViewProps<never>)} />;
  }
}

export function ViewHost() {
  const view = useAppStore((s) => s.url.view);
  const response = useAppStore((s) => s.response);
  const responseFor = useAppStore((s) => s.responseFor);
  const computing = useAppStore((s) => s.computing);
  const viewError = useAppStore((s) => s.viewError);
  const summary = useAppStore((s) => s.summary);
  const search = useAppStore((s) => s.search);
  const selection = useAppStore((s) => s.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  const refine = useAppStore((s) => s.refine);
  const setView = useAppStore((s) => s.setView);
  const requestView = useAppStore((s) => s.requestView);
  const reset = useAppStore((s) => s.reset);
  const filtered = useAppStore((s) => {
    const o = s.url.options;
    return !!(o.focus || o.ignore || o.hide || o.show || o.showFrom || o.pruneFrom || o.tagFocus || o.tagIgnore || o.tagShow || o.tagHide);
  });

  const onRefine = useCallback((kind: RefineKind, re: string) => refine(kind, re), [refine]);
  const onNavigate = useCallback((v: ViewName, symbol?: string) => setView(v, symbol), [setView]);
  const onRequest = useCallback(
    (patch: Partial<Pick<ViewRequest, 'width' | 'zoom' | 'sources'>>) => requestView(patch),
    [requestView],
  );

  const label = VIEW_LABELS.find((v) => v.view === view)?.label ?? view;
  const ready = response !== null && responseFor === view;
  const emptyNote = ready && summary !== null ? emptyProfileNote(summary, response.header.sampleIndex) : null;
  return (
    <section className="view-host" aria-label={`${label} view`} aria-busy={computing} data-view-root="">
      {viewError !== null && (
        <div role="alert" className="view-error">
          <p>{viewError}</p>
          {filtered && (
            <button type="button" onClick={reset}>
              Reset the filters
            </button>
          )}
        </div>
      )}
      <div className="view-body">
        {emptyNote !== null ? (
          <p role="status" className="view-empty">
            {emptyNote}
          </p>
        ) : ready ? (
          renderView(view, {
            response: response as ViewResponse<unknown>,
            search,
            selection,
            onSelect: setSelection,
            onRefine,
            onNavigate,
            onRequest,
          })
        ) : (
          viewError === null && <p className="view-pending">Computing the {label} view…</p>
        )}
      </div>
    </section>
  );
}
