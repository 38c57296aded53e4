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
        {ready
          ? renderView(view, {
              response: response as ViewResponse<unknown>,
              search,
              selection,
              onSelect: setSelection,
              onRefine,
              onNavigate,
              onRequest,
            })
          : viewError === null && <p className="view-pending">Computing the {label} view…</p>}
      </div>
    </section>
  );
}
