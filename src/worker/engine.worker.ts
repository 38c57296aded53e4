// The engine: owns the loaded profile so that parsing and every query run off
// the main thread. The page only ever receives summaries and view data.
// View requests are queued and only the newest runs: a request superseded
// while waiting is answered `superseded` without being computed.
import type { Profile } from '../core/profile/model';
import { DEFAULT_MAX_INFLATE, isGzip } from '../core/profile/gunzip';
import { diffProfiles, openProfile, type OpenResult } from './open-profile';
import { inflateNative } from './inflate-stream';
import { readBlob } from './read-blob';
import { computeView } from './compute-view';
import { diffName, downloadProfile } from './download-profile';
import { hasPostings, samplePostings } from '../core/query/sample-postings';
import { focusWarmUps } from '../core/view/flame';
import { otherSampleTypes, ViewCache } from './view-cache';
import { viewTimeLimitMs, type EngineMessage, type EngineRequest, type OpenRequest, type ProfileFile, type ViewMessage } from './protocol';

// Replaced only by a successful load.
let current: Profile | null = null;
let currentName = 'profile';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(m: EngineMessage, transfer: Transferable[] = []): void {
  scope.postMessage(m, transfer);
}

// A file's bytes, inflated when gzipped, with progress; or what went wrong.
async function readFile(id: number, f: ProfileFile): Promise<{ bytes: Uint8Array; fileSize: number } | { message: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readBlob(f.data, (done, total) => reply({ id, kind: 'progress', phase: 'read', done, total }));
  } catch {
    return {
      message: `Could not read ${f.fileName}: the browser refused to read it (is it a folder, or was it moved or changed?). Choose the file again.`,
    };
  }
  const fileSize = bytes.length;
  if (isGzip(bytes) && fileSize > 0) {
    reply({ id, kind: 'progress', phase: 'inflate', done: 0, total: fileSize, inflated: 0 });
    const inflated = await inflateNative(bytes, DEFAULT_MAX_INFLATE, (done, n) =>
      reply({ id, kind: 'progress', phase: 'inflate', done, total: fileSize, inflated: n }),
    );
    // An empty result keeps the gzip bytes: the core explains an empty member.
    if (inflated && inflated.length > 0) bytes = inflated;
  }
  reply({ id, kind: 'progress', phase: 'decode', done: 0, total: bytes.length });
  return { bytes, fileSize };
}

async function readAndParse(id: number, f: ProfileFile): Promise<OpenResult & { fileSize?: number }> {
  const r = await readFile(id, f);
  if ('message' in r) return { ok: false, message: r.message };
  return { ...openProfile(f.fileName, r.bytes), fileSize: r.fileSize };
}

async function open(req: OpenRequest): Promise<void> {
  let res = await readAndParse(req.id, req);
  const fileSize = res.fileSize ?? 0;
  if (res.ok && req.base) {
    const base = await readAndParse(req.id, req.base);
    res = base.ok ? { ...diffProfiles(res, base), fileSize } : base;
  }
  if (res.ok) {
    current = res.profile; // a failed load keeps the previous profile
    currentName = req.base ? diffName(req.fileName, req.base.fileName) : req.fileName;
    prefetchUnderMs = viewTimeLimitMs(fileSize) / 3;
    reply({ id: req.id, kind: 'open', ok: true, summary: { ...res.summary, byteLength: fileSize } });
  } else {
    reply({ id: req.id, kind: 'open', ok: false, message: res.message });
  }
}

let queued: ViewMessage | null = null;
const cache = new ViewCache();
// Once a view of a profile took longer than this, every view of it is
// computed ahead in the other sample types (a big profile: the next view,
// e.g. the flame graph at the page's width, is what the SAMPLE menu switches).
const PREFETCH_AFTER_MS = 150;
const slowProfiles = new WeakSet<Profile>();
// Not after a view slower than a third of the time limit (a costly regexp,
// say): the next request may wait for one such computation, and the page
// stops a worker that takes too long (engine-client.ts).
let prefetchUnderMs = viewTimeLimitMs(0) / 3;
let scheduled = false;

// Messages are handled one at a time, in order (an open finishes before the next view runs).
let chain: Promise<void> = Promise.resolve();

function enqueueView(m: ViewMessage): void {
  if (queued) reply({ id: queued.id, kind: 'view', ok: false, message: 'superseded', superseded: true });
  queued = m;
  if (!scheduled) {
    scheduled = true;
    // Let the messages already waiting arrive first: only the newest runs.
    chain = chain.then(() => new Promise<void>((r) => setTimeout(r, 0))).then(runQueued);
  }
}

async function runQueued(): Promise<void> {
  scheduled = false;
  const m = queued;
  queued = null;
  if (!m) return;
  if (!current) {
    reply({ id: m.id, kind: 'view', ok: false, message: 'No profile is open: drop a profile file on the page or use "Open profile".' });
    return;
  }
  const p = current;
  // Source requests carry the texts of opened files: not worth keying.
  const cacheable = m.req.view !== 'source';
  const cached = cacheable ? cache.get(p, m.req) : undefined;
  if (cached) {
    reply({ id: m.id, kind: 'view', ok: true, response: cached });
    return;
  }
  try {
    const t0 = performance.now();
    const r = await computeView(p, m.req);
    if (r.ok) {
      if (cacheable) cache.set(p, m.req, r.response);
      reply({ id: m.id, kind: 'view', ok: true, response: r.response });
    } else reply({ id: m.id, kind: 'view', ok: false, message: r.message });
    warmUp(m.req);
    const took = performance.now() - t0;
    if (took > PREFETCH_AFTER_MS) slowProfiles.add(p);
    if (r.ok && cacheable && slowProfiles.has(p) && took < prefetchUnderMs) prefetch(p, m.req);
  } catch (e) {
    internalError(m.id, 'view')(e); // e.g. data that cannot be posted
  }
}

// Appends idle work to the queue after `ms`: requests that arrive meanwhile
// go first (a delay inside the queue would hold them up). Idle work checks
// `queued` and gives way to a waiting request; its errors are dropped (the
// person's own requests report theirs).
function later(ms: number, work: () => void | Promise<void>): void {
  setTimeout(() => {
    chain = chain.then(work).catch(() => {});
  }, ms);
}

// Once a view is shown, build what refining needs (the samples of each
// location, sample-postings.ts) while the person looks at it, so that a first
// focus or ignore on a big profile does not wait for it; once a flame graph is
// shown, run focuses through its code too (flame.ts focusWarmUps), a step per turn.
const flameWarm = new WeakSet<Profile>();
function warmUp(req: ViewMessage['req']): void {
  const p = current;
  const flame = req.view === 'flamegraph';
  if (!p || (hasPostings(p) && (!flame || flameWarm.has(p)))) return;
  later(50, () => {
    if (current !== p || queued) return; // the waiting request calls this again
    if (!hasPostings(p)) samplePostings(p);
    if (!flame || flameWarm.has(p)) return;
    flameWarm.add(p);
    for (const step of focusWarmUps(p, req)) {
      later(0, () => {
        if (current === p && !queued) step();
      });
    }
  });
}

// Computes the same view in the other sample types, one per turn, so that the
// SAMPLE menu's next choice answers at once. It starts a little later, not
// while the page draws the answer just sent (two cores: the page's drawing
// would wait for the CPU). A waiting request goes first (and, if it is slow,
// prefetches for itself).
const PREFETCH_DELAY_MS = 300;
function prefetch(p: Profile, req: ViewMessage['req']): void {
  for (const other of otherSampleTypes(p, req)) {
    later(PREFETCH_DELAY_MS, async () => {
      if (current !== p || queued || cache.has(p, other)) return;
      const r = await computeView(p, other);
      if (r.ok && current === p) cache.set(p, other, r.response);
    });
  }
}

// A bug of ours must not stop the queue: answer the request and go on.
function internalError(id: number, kind: 'open' | 'view' | 'download') {
  return (e: unknown) => {
    const message = `Internal error in the profile engine (${e instanceof Error ? e.message : String(e)}). Please report this with the profile.`;
    if (kind === 'view') reply({ id, kind, ok: false, message });
    else if (kind === 'download') reply({ id, kind, ok: false, message });
    else reply({ id, kind, ok: false, message });
  };
}

scope.addEventListener('message', (ev: MessageEvent<EngineRequest>) => {
  const req = ev.data;
  switch (req.kind) {
    case 'view':
      enqueueView(req);
      return;
    case 'cancel':
      if (queued && req.ids.includes(queued.id)) {
        reply({ id: queued.id, kind: 'view', ok: false, message: 'cancelled', superseded: true });
        queued = null;
      }
      return;
    case 'open':
      chain = chain.then(() => open(req)).catch(internalError(req.id, 'open'));
      return;
    case 'download':
      chain = chain.then(async () => {
        if (!current) {
          reply({ id: req.id, kind: 'download', ok: false, message: 'No profile is open to download.' });
          return;
        }
        const r = await downloadProfile(current, currentName);
        if (r.ok) reply({ id: req.id, kind: 'download', ok: true, fileName: r.fileName, bytes: r.bytes }, [r.bytes]);
        else reply({ id: req.id, kind: 'download', ok: false, message: r.message });
      }).catch(internalError(req.id, 'download'));
      return;
  }
});
