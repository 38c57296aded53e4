// The app's state: the open profile, what is being read, the view on screen
// and its data. The URL is the source of truth for the view and its options:
// every user change pushes a history entry, and back/forward/reload read it
// again (syncFromAddress). A failed load keeps the profile that was open; the
// newest file and the newest view request win.
import { create } from 'zustand';
import type { Engine, LoadProgress } from '../../worker/engine-client';
import type { ProfileFile } from '../../worker/protocol';
import type { ProfileSummary } from '../../worker/summary';
import type { ViewName, ViewRequest, ViewResponse } from '../../worker/view-protocol';
import type { RefineKind } from '../views/view-props';
import type { AddressBar } from './navigator';
import { applyRefine, refineRegexp, resetFilters } from './refine';
import { sourceHash, sourceParams, type ProfileSource } from './permalink';
import { formatUrl, parseUrl, type UrlState } from './url-state';

export interface AppState {
  summary: ProfileSummary | null;
  /** What is being read right now (a file name or a short phrase), or null. */
  busy: string | null;
  progress: LoadProgress | null;
  /** A failed load or download (role=alert). */
  error: string | null;
  /** Where the open profile came from: the address carries it (url=, share=, #p=). */
  source: ProfileSource | null;
  /** The view and its options, as the URL says. */
  url: UrlState;
  /** Values of the URL that could not be used. */
  urlErrors: string[];
  response: ViewResponse | null;
  /** Which request `response` answers. */
  responseFor: ViewName | null;
  /** Why the current view could not be computed (bad regexp, cancelled...). */
  viewError: string | null;
  /** True when the last view request was stopped for taking too long. */
  viewCancelled: boolean;
  computing: boolean;
  /** The search box's regexp (validated; '' = none). */
  search: string;
  selection: string[];
  /** Request parameters from the views, not in the URL: flame graph width and zoom, source files opened. */
  viewParams: ViewParams;

  /** The open profile's file, and the base subtracted from it (-diff_base). */
  opened: (ProfileFile & { base?: ProfileFile }) | null;
  /** Opens a profile's data: a Blob (a fetched body, no copy) or bytes; with a base, the profile minus the base. */
  openBytes(fileName: string, data: Blob | ArrayBuffer | Uint8Array, source?: ProfileSource, base?: ProfileFile): Promise<void>;
  /** Shows the open profile minus this base profile, as `go tool pprof -diff_base`. */
  compareWith(base: File): Promise<void>;
  /** Shows the open profile again without its base. */
  removeBase(): Promise<void>;
  /** The open profile now has this source (after Copy link): the address says so. */
  setSource(source: ProfileSource): void;
  /** Reports values of the address that could not be used (url=, share=, #p=). */
  addUrlErrors(errors: string[]): void;
  openFile(file: File): Promise<void>;
  setBusy(what: string | null): void;
  setError(message: string | null): void;
  /** Reads the URL (startup, back/forward). */
  syncFromAddress(): void;
  /** A user change: the new state goes into a new history entry. */
  navigate(next: UrlState): void;
  setView(view: ViewName, symbol?: string): void;
  setSampleIndex(si: string): void;
  refine(kind: RefineKind, regexp?: string): void;
  reset(): void;
  setSearch(source: string): void;
  setSelection(names: string[]): void;
  requestView(patch: ViewParams): void;
  refresh(): Promise<void>;
  dismissUrlErrors(): void;
}

type ViewParams = Pick<ViewRequest, 'width' | 'zoom' | 'sources'>;

/** What a view's own parameters become when the view changes: the source files opened stay. */
function keepAcrossViews(p: ViewParams): ViewParams {
  return p.sources ? { sources: p.sources } : {};
}

export function createAppStore(engine: Engine, address: AddressBar) {
  let latestOpen = 0;
  let latestView = 0;
  const initial = (() => {
    const a = address.read();
    return parseUrl(a.pathname, a.search);
  })();
  // A sample type the next profile lacks (si=alloc_space, then a CPU profile
  // is opened): forget it rather than fail, in the same history entry.
  function dropForeignSampleIndex(summary: ProfileSummary): void {
    const { url } = useStore.getState();
    const si = url.options.sampleIndex;
    if (si === undefined || /^\d+$/.test(si)) return;
    const types = summary.sampleTypes.map((t) => t.type);
    if (types.includes(si) || types.includes(si.replace(/^inuse_/, ''))) return;
    const options = { ...url.options };
    delete options.sampleIndex;
    const next = { view: url.view, options };
    address.replace(addressOf(next, useStore.getState().source));
    useStore.setState({ url: next });
  }
  // The address for a state and the open profile's source.
  function addressOf(next: UrlState, source: ProfileSource | null): string {
    return formatUrl(next, address.read().pathname, sourceParams(source)) + sourceHash(source);
  }
  const useStore = create<AppState>()((set, get) => ({
    summary: null,
    opened: null,
    busy: null,
    progress: null,
    error: null,
    source: null,
    url: initial.state,
    urlErrors: initial.errors,
    response: null,
    responseFor: null,
    viewError: null,
    viewCancelled: false,
    computing: false,
    search: '',
    selection: [],
    viewParams: {},

    openFile(file) {
      return get().openBytes(file.name, file);
    },
    compareWith(file) {
      const o = get().opened;
      if (!o) return get().openFile(file);
      // The difference is no longer what url=, share= or #p= hold: a file's now.
      return get().openBytes(o.fileName, o.data, { kind: 'file' }, { fileName: file.name, data: file });
    },
    async removeBase() {
      const o = get().opened;
      if (o?.base) await get().openBytes(o.fileName, o.data, { kind: 'file' });
    },
    async openBytes(fileName, data, source = { kind: 'file' }, base) {
      // A File or Blob goes to the worker as it is: it reads it there, so the
      // page never copies a large profile on its main thread.
      const blob = data instanceof Blob ? data : new Blob([data as BlobPart]);
      const ticket = ++latestOpen;
      set({ busy: base ? `${fileName} minus ${base.fileName}` : fileName, error: null, progress: null });
      const res = await engine.open(
        fileName,
        blob,
        (p) => {
          if (ticket === latestOpen) set({ progress: p });
        },
        base,
      );
      if (ticket !== latestOpen) return; // a newer file was opened meanwhile
      if (res.ok) {
        set({
          source,
          opened: { fileName, data: blob, base },
          summary: res.summary,
          busy: null,
          progress: null,
          error: null,
          selection: [],
          response: null,
          responseFor: null,
          viewError: null,
          viewCancelled: false,
        });
        // The address names the new profile's source, and no longer the old one's.
        const a = address.read();
        const named = sourceParams(source).length > 0 || sourceHash(source) !== '';
        const stale = /[?&](url|share)=/.test(a.search) || /^#p=/.test(a.hash ?? '');
        if (named || stale) address.replace(addressOf(get().url, source));
        dropForeignSampleIndex(res.summary);
        void get().refresh();
      } else {
        set({ busy: null, progress: null, error: res.message });
      }
    },
    setSource(source) {
      set({ source });
      address.replace(addressOf(get().url, source));
    },
    addUrlErrors(errors) {
      if (errors.length > 0) set({ urlErrors: [...get().urlErrors, ...errors] });
    },
    setBusy(what) {
      set({ busy: what });
    },
    setError(message) {
      set({ error: message });
    },

    syncFromAddress() {
      const a = address.read();
      const { state, errors } = parseUrl(a.pathname, a.search);
      const prev = get().url;
      set({ url: state, urlErrors: errors, selection: [] });
      if (prev.view !== state.view) set({ viewParams: keepAcrossViews(get().viewParams) });
      void get().refresh();
    },
    navigate(next) {
      const a = address.read();
      const url = addressOf(next, get().source);
      if (url !== a.pathname + a.search + (a.hash ?? '')) address.push(url);
      const prev = get().url;
      set({ url: next, urlErrors: [], selection: [], viewParams: prev.view === next.view ? get().viewParams : keepAcrossViews(get().viewParams) });
      void get().refresh();
    },
    setView(view, symbol) {
      const { url } = get();
      const options = { ...url.options };
      // pprof's Peek and Source show the functions matching `f`.
      if (symbol !== undefined) {
        if (symbol === '') delete options.focus;
        else options.focus = symbol;
      }
      get().navigate({ view, options });
    },
    setSampleIndex(si) {
      const { url } = get();
      get().navigate({ view: url.view, options: { ...url.options, sampleIndex: si } });
    },
    refine(kind, regexp) {
      const { url, selection, search } = get();
      const re = regexp ?? refineRegexp(selection, search);
      if (re === '') return;
      get().navigate({ view: url.view, options: applyRefine(url.options, kind, re) });
    },
    reset() {
      const { url } = get();
      get().navigate({ view: url.view, options: resetFilters(url.options) });
    },
    setSearch(source) {
      set({ search: source });
    },
    setSelection(names) {
      set({ selection: names });
    },
    requestView(patch) {
      set({ viewParams: { ...get().viewParams, ...patch } });
      void get().refresh();
    },
    dismissUrlErrors() {
      set({ urlErrors: [] });
    },

    async refresh() {
      const { summary, url, viewParams } = get();
      if (!summary) return;
      const ticket = ++latestView;
      const { sources, ...own } = viewParams;
      const req: ViewRequest = { view: url.view, options: url.options, ...own };
      if (sources && url.view === 'source') req.sources = sources; // only Source reads them: do not copy them for others
      if (url.view === 'peek' || url.view === 'source') req.symbol = url.options.focus ?? '';
      set({ computing: true });
      const res = await engine.view(req);
      if (ticket !== latestView || (!res.ok && res.superseded)) return; // a newer request is on its way
      if (res.ok) {
        set({ response: res.response, responseFor: req.view, viewError: null, viewCancelled: false, computing: false });
      } else {
        set({ viewError: res.message, viewCancelled: !!res.cancelled, computing: false });
      }
    },
  }));
  return useStore;
}

export type AppStore = ReturnType<typeof createAppStore>;
