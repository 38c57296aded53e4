import { describe, expect, it } from 'vitest';
import { createEngine } from './engine-client';
import type { EngineMessage, EngineRequest } from './protocol';

/** A stand-in for the worker: answers opens, hangs on views focused on "hang". */
class FakeWorker {
  static all: FakeWorker[] = [];
  received: EngineRequest[] = [];
  terminated = false;
  private listeners: ((ev: MessageEvent<EngineMessage>) => void)[] = [];
  constructor() {
    FakeWorker.all.push(this);
  }
  addEventListener(type: string, f: (ev: MessageEvent<EngineMessage>) => void) {
    if (type === 'message') this.listeners.push(f);
  }
  private send(m: EngineMessage, delay = 1) {
    setTimeout(() => {
      if (!this.terminated) for (const f of this.listeners) f({ data: m } as MessageEvent<EngineMessage>);
    }, delay);
  }
  postMessage(req: EngineRequest) {
    this.received.push(req);
    if (req.kind === 'open') {
      this.send({ id: req.id, kind: 'progress', phase: 'decode', done: 0, total: 1 });
      this.send({ id: req.id, kind: 'open', ok: true, summary: { fileName: req.fileName } as never });
    } else if (req.kind === 'view' && req.req.options.focus !== 'hang') {
      const delay = req.req.options.focus === 'slow' ? 300 : 1;
      this.send({ id: req.id, kind: 'view', ok: true, response: { header: {} as never, data: req.req.options.focus } }, delay);
    }
  }
  terminate() {
    this.terminated = true;
  }
}

function engine() {
  FakeWorker.all = [];
  return createEngine({ viewTimeLimitMs: 60, startWorker: () => new FakeWorker() as unknown as Worker });
}

describe('engine client', () => {
  it('opens with progress, then answers views', async () => {
    const e = engine();
    const phases: string[] = [];
    const r = await e.open('a.pb.gz', new Blob(['abc']), (p) => phases.push(p.phase));
    expect(r.ok).toBe(true);
    expect(phases).toEqual(['decode']);
    const v = await e.view({ view: 'top', options: { focus: 'x' } });
    expect(v.ok && v.response.data).toBe('x');
  });

  it('a new view request supersedes the one in flight', async () => {
    const e = engine();
    await e.open('a.pb.gz', new Blob(['abc']));
    const first = e.view({ view: 'top', options: { focus: 'one' } });
    const second = e.view({ view: 'top', options: { focus: 'two' } });
    expect(await first).toMatchObject({ ok: false, superseded: true });
    expect(await second).toMatchObject({ ok: true, response: { data: 'two' } });
  });

  it('stops a runaway view: new worker, profile reloaded, then works again', async () => {
    const e = engine();
    const bytes = new Blob(['abcde']);
    await e.open('a.pb.gz', bytes);
    const r = await e.view({ view: 'top', options: { focus: 'hang' } });
    expect(r).toMatchObject({ ok: false, cancelled: true });
    if (!r.ok) expect(r.message).toMatch(/took longer than .* and was stopped/);
    expect(FakeWorker.all).toHaveLength(2);
    expect(FakeWorker.all[0].terminated).toBe(true);
    const reopen = FakeWorker.all[1].received[0];
    expect(reopen.kind === 'open' && reopen.fileName).toBe('a.pb.gz');
    expect(reopen.kind === 'open' && reopen.data).toBe(bytes);
    const ok = await e.view({ view: 'top', options: { focus: 'fine' } });
    expect(ok).toMatchObject({ ok: true, response: { data: 'fine' } });
  });

  it('reloads a comparison with its base after a restart', async () => {
    const e = engine();
    const bytes = new Blob(['abcde']);
    const base = { fileName: 'base.pb.gz', data: new Blob(['xy']) };
    await e.open('a.pb.gz', bytes, undefined, base);
    await e.view({ view: 'top', options: { focus: 'hang' } });
    const reopen = FakeWorker.all[1].received[0];
    expect(reopen).toMatchObject({ kind: 'open', fileName: 'a.pb.gz', data: bytes, base });
  });
});

describe('engine client: the time limit grows with the profile', () => {
  it('stops a slow view of a small file but lets a big file take longer', async () => {
    const small = engine();
    await small.open('a.pb.gz', new Blob(['abc']));
    expect(await small.view({ view: 'top', options: { focus: 'slow' } })).toMatchObject({ ok: false, cancelled: true });
    const big = engine();
    await big.open('b.pb.gz', new Blob([new Uint8Array(2 * 1024 * 1024)])); // +1 s
    expect(await big.view({ view: 'top', options: { focus: 'slow' } })).toMatchObject({ ok: true, response: { data: 'slow' } });
  });
});

describe('engine client: a file opened during a runaway view', () => {
  it('is opened in the restarted worker, after the old profile', async () => {
    const e = engine();
    await e.open('a.pb.gz', new Blob(['abcde']));
    const stuck = e.view({ view: 'top', options: { focus: 'hang' } });
    // The fake worker answers opens even while "busy"; hold the answer back by terminating first.
    await new Promise((r) => setTimeout(r, 5));
    FakeWorker.all[0].terminate(); // no answers from the old worker any more
    const b = e.open('b.pb.gz', new Blob(['abcdefg']));
    expect(await stuck).toMatchObject({ ok: false, cancelled: true });
    expect(await b).toMatchObject({ ok: true, summary: { fileName: 'b.pb.gz' } });
    expect(FakeWorker.all[1].received.map((r) => (r.kind === 'open' ? r.fileName : r.kind))).toEqual(['a.pb.gz', 'b.pb.gz']);
    const v = await e.view({ view: 'top', options: { focus: 'after' } });
    expect(v).toMatchObject({ ok: true, response: { data: 'after' } });
  });
});
