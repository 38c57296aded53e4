// The page's handle on the engine worker. One promise per request; a new view
// request supersedes the one in flight (its promise resolves `superseded`).
// A view that runs past the time limit (a catastrophic regular expression) is
// stopped by terminating the worker; a fresh worker is started and the
// profile, whose Blob the page keeps, is loaded into it again.
import { VIEW_TIME_LIMIT_MS, viewTimeLimitMs } from './protocol';
import type { DownloadResult, EngineMessage, EngineRequest, LoadPhase, OpenRequest, OpenResponse, ProfileFile, ViewResult } from './protocol';
import type { ViewRequest } from './view-protocol';

export interface LoadProgress {
  phase: LoadPhase;
  done: number;
  total: number;
  inflated?: number;
}

export interface Engine {
  /**
   * Opens a profile: the File as dropped (or any Blob); the page never reads
   * it itself. With a base, the profile minus the base (-diff_base).
   */
  open(fileName: string, data: Blob, onProgress?: (p: LoadProgress) => void, base?: ProfileFile): Promise<OpenResponse>;
  view(req: ViewRequest): Promise<ViewResult>;
  download(): Promise<DownloadResult>;
}

export interface EngineOptions {
  /** A view request running longer than this is cancelled (ms). */
  viewTimeLimitMs?: number;
  /** For tests: how to start a worker. */
  startWorker?: () => Worker;
}

export { VIEW_TIME_LIMIT_MS };

type Pending = {
  resolve(m: EngineMessage): void;
  onProgress?: (p: LoadProgress) => void;
  kind: EngineRequest['kind'];
  /** The user's opens are sent again to a restarted worker. */
  req?: EngineRequest;
};

export function createEngine(opts: EngineOptions = {}): Engine {
  const limit = opts.viewTimeLimitMs ?? VIEW_TIME_LIMIT_MS;
  // Bigger profiles take longer to query: the limit grows with the file.
  const startWorker =
    opts.startWorker ?? (() => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  // The last profile that loaded: reloaded into a fresh worker after a restart.
  let saved: Omit<OpenRequest, 'id' | 'kind'> | null = null;
  // Views wait for loads to finish before their time limit starts.
  let ready: Promise<unknown> = Promise.resolve();
  let currentView: { id: number; timer: ReturnType<typeof setTimeout> | null } | null = null;
  const viewLimit = (): number => viewTimeLimitMs((saved?.data.size ?? 0) + (saved?.base?.data.size ?? 0), limit);

  function failAll(message: string, extra: { cancelled?: boolean } = {}): void {
    for (const [id, p] of pending) {
      if (p.kind === 'view') p.resolve({ id, kind: 'view', ok: false, message, ...extra });
      else if (p.kind === 'download') p.resolve({ id, kind: 'download', ok: false, message });
      else p.resolve({ id, kind: 'open', ok: false, message });
    }
    pending.clear();
  }

  function start(): Worker {
    const w = startWorker();
    w.addEventListener('message', (ev: MessageEvent<EngineMessage>) => {
      const m = ev.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.kind === 'progress') {
        p.onProgress?.({ phase: m.phase, done: m.done, total: m.total, inflated: m.inflated });
        return;
      }
      pending.delete(m.id);
      if (currentView?.id === m.id) {
        if (currentView.timer) clearTimeout(currentView.timer);
        currentView = null;
      }
      p.resolve(m);
    });
    // A worker that fails to start or crashes: answer every waiting request.
    w.addEventListener('error', (ev) => {
      ev.preventDefault();
      w.terminate();
      if (worker === w) worker = null;
      failAll(`The profile engine stopped unexpectedly${ev.message ? ` (${ev.message})` : ''}. Try again; if it keeps failing, reload the page.`);
    });
    return w;
  }

  function send<T extends EngineMessage>(req: EngineRequest, kind: EngineRequest['kind'], onProgress?: (p: LoadProgress) => void): Promise<T> {
    if (!worker) {
      worker = start();
      // A fresh worker after a crash or a cancel: give it the profile again.
      if (saved && req.kind !== 'open') reload(saved);
    }
    return new Promise<T>((resolve) => {
      pending.set(req.id, { resolve: resolve as (m: EngineMessage) => void, onProgress, kind, req: kind === 'open' ? req : undefined });
      worker!.postMessage(req); // a Blob posts without copying its bytes
    });
  }

  function reload(s: Omit<OpenRequest, 'id' | 'kind'>): void {
    const id = nextId++;
    const p = new Promise<EngineMessage>((resolve) => {
      pending.set(id, { resolve, kind: 'open' });
      worker!.postMessage({ ...s, id, kind: 'open' } satisfies EngineRequest);
    });
    ready = p;
  }

  function restart(): void {
    worker?.terminate();
    worker = null;
    currentView = null;
    // A file opened while the runaway view ran: it still gets opened, after the reload.
    const opens = [...pending].filter(([, p]) => p.kind === 'open' && p.req);
    for (const [id] of opens) pending.delete(id);
    failAll(
      `The view took longer than ${Math.round(viewLimit() / 1000)} s and was stopped (a regular expression that takes too long, perhaps). ` +
        'Change the filters or the search and try again; the profile is still open.',
      { cancelled: true },
    );
    worker = start();
    if (saved) reload(saved);
    for (const [id, p] of opens) {
      pending.set(id, p);
      worker.postMessage(p.req);
    }
    if (opens.length > 0) ready = new Promise<void>((r) => {
      const last = opens[opens.length - 1];
      const resolve = last[1].resolve;
      last[1].resolve = (m) => {
        resolve(m);
        r();
      };
    });
  }

  return {
    open(fileName, data, onProgress, base) {
      const id = nextId++;
      const p = send<OpenResponse>({ id, kind: 'open', fileName, data, base }, 'open', onProgress).then((r) => {
        if (r.ok) saved = { fileName, data, base };
        return r;
      });
      ready = p;
      return p;
    },
    async view(req) {
      const id = nextId++;
      // Supersede the view in flight: its promise answers now, the worker drops it if still queued.
      if (currentView) {
        const old = currentView;
        if (old.timer) clearTimeout(old.timer);
        const p = pending.get(old.id);
        pending.delete(old.id);
        p?.resolve({ id: old.id, kind: 'view', ok: false, message: 'superseded', superseded: true });
        worker?.postMessage({ id: nextId++, kind: 'cancel', ids: [old.id] } satisfies EngineRequest);
      }
      const mine = { id, timer: null as ReturnType<typeof setTimeout> | null };
      currentView = mine;
      await ready;
      if (currentView !== mine) return { id, kind: 'view', ok: false, message: 'superseded', superseded: true };
      const answer = send<ViewResult>({ id, kind: 'view', req }, 'view');
      mine.timer = setTimeout(() => {
        if (currentView === mine && pending.has(id)) restart();
      }, viewLimit());
      return answer;
    },
    download() {
      const id = nextId++;
      return send<DownloadResult>({ id, kind: 'download' }, 'download');
    },
  };
}
