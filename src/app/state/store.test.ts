import { describe, expect, it } from 'vitest';
import type { Engine } from '../../worker/engine-client';
import type { OpenResponse, ViewResult } from '../../worker/protocol';
import type { ProfileSummary } from '../../worker/summary';
import type { ViewRequest } from '../../worker/view-protocol';
import { memoryAddressBar } from './navigator';
import { createAppStore } from './store';

function summary(fileName: string): ProfileSummary {
  return { fileName, sampleTypes: [{ type: 'samples' }, { type: 'cpu' }] } as ProfileSummary;
}

/** An engine whose answers the test releases by hand, in any order. */
function manualEngine() {
  const calls: { fileName: string; answer: (r: OpenResponse) => void }[] = [];
  const views: { req: ViewRequest; answer: (r: ViewResult) => void }[] = [];
  const engine: Engine = {
    open(fileName) {
      return new Promise((resolve) => calls.push({ fileName, answer: resolve }));
    },
    view(req) {
      return new Promise((resolve) => views.push({ req, answer: resolve }));
    },
    download: () => Promise.resolve({ id: 0, kind: 'download', ok: false, message: 'no' }),
  };
  return { engine, calls, views };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const header = { lines: [], legend: [], warnings: [], sampleTypes: [], sampleIndex: 0 };

async function opened(initialUrl = '/') {
  const m = manualEngine();
  const bar = memoryAddressBar(initialUrl);
  const store = createAppStore(m.engine, bar);
  const done = store.getState().openBytes('a.pb.gz', new ArrayBuffer(1));
  m.calls[0].answer({ id: 1, ok: true, summary: summary('a.pb.gz') });
  await done;
  return { ...m, bar, store };
}

describe('app store: opening', () => {
  it('shows a loaded profile and is busy while reading', async () => {
    const { engine, calls } = manualEngine();
    const store = createAppStore(engine, memoryAddressBar());
    const done = store.getState().openBytes('a.pb.gz', new ArrayBuffer(1));
    expect(store.getState().busy).toBe('a.pb.gz');
    calls[0].answer({ id: 1, ok: true, summary: summary('a.pb.gz') });
    await done;
    expect(store.getState().busy).toBeNull();
    expect(store.getState().summary?.fileName).toBe('a.pb.gz');
  });

  it('keeps the open profile when a later file fails, and clears the error on the next success', async () => {
    const { engine, calls } = manualEngine();
    const store = createAppStore(engine, memoryAddressBar());
    const a = store.getState().openBytes('a.pb.gz', new ArrayBuffer(1));
    calls[0].answer({ id: 1, ok: true, summary: summary('a.pb.gz') });
    await a;
    const b = store.getState().openBytes('trace.out', new ArrayBuffer(1));
    calls[1].answer({ id: 2, ok: false, message: 'Could not open trace.out: unrecognized profile format' });
    await b;
    expect(store.getState().error).toMatch(/trace\.out/);
    expect(store.getState().summary?.fileName).toBe('a.pb.gz');
    const c = store.getState().openBytes('c.pb.gz', new ArrayBuffer(1));
    expect(store.getState().error).toBeNull();
    calls[2].answer({ id: 3, ok: true, summary: summary('c.pb.gz') });
    await c;
    expect(store.getState().summary?.fileName).toBe('c.pb.gz');
  });

  it('lets the newest file win when an older one finishes last', async () => {
    const { engine, calls } = manualEngine();
    const store = createAppStore(engine, memoryAddressBar());
    const first = store.getState().openBytes('old.pb.gz', new ArrayBuffer(1));
    const second = store.getState().openBytes('new.pb.gz', new ArrayBuffer(1));
    calls[1].answer({ id: 2, ok: true, summary: summary('new.pb.gz') });
    await second;
    calls[0].answer({ id: 1, ok: true, summary: summary('old.pb.gz') });
    await first;
    await tick();
    expect(store.getState().summary?.fileName).toBe('new.pb.gz');
    expect(store.getState().busy).toBeNull();
  });

  it('hands the File itself to the engine (the page does not read it)', async () => {
    const opened: Blob[] = [];
    const { engine } = manualEngine();
    engine.open = (fileName, data) => {
      opened.push(data);
      return Promise.resolve({ id: 1, ok: false, message: `Could not read ${fileName}` });
    };
    const store = createAppStore(engine, memoryAddressBar());
    const file = new File(['not read here'], 'folder');
    await store.getState().openFile(file);
    expect(opened[0]).toBe(file);
    expect(store.getState().error).toMatch(/Could not read folder/);
    expect(store.getState().busy).toBeNull();
  });
});

describe('app store: views and the URL', () => {
  it('asks for the view the URL names once a profile is open', async () => {
    const { views } = await opened('/?view=peek&f=Encode&si=cpu&v=1');
    expect(views).toHaveLength(1);
    expect(views[0].req).toEqual({ view: 'peek', options: { focus: 'Encode', sampleIndex: 'cpu' }, symbol: 'Encode' });
  });

  it('pushes a history entry per change and reads it back on back/forward', async () => {
    const { store, bar, views } = await opened('/');
    store.getState().setView('flamegraph');
    store.getState().setSampleIndex('alloc_space');
    expect(bar.entries).toEqual(['/', '/?view=flamegraph&v=1', '/?view=flamegraph&si=alloc_space&v=1']);
    bar.back();
    store.getState().syncFromAddress();
    expect(store.getState().url).toEqual({ view: 'flamegraph', options: {} });
    expect(views.at(-1)!.req.options).toEqual({});
    bar.back();
    store.getState().syncFromAddress();
    expect(store.getState().url.view).toBe('top');
    bar.forward();
    bar.forward();
    store.getState().syncFromAddress();
    expect(store.getState().url.options.sampleIndex).toBe('alloc_space');
  });

  it('ignores a stale answer and a superseded one; keeps the newest', async () => {
    const { store, views } = await opened('/');
    store.getState().setView('graph');
    expect(views).toHaveLength(2);
    views[1].answer({ id: 2, kind: 'view', ok: true, response: { header, data: 'graph' } });
    await tick();
    views[0].answer({ id: 1, kind: 'view', ok: true, response: { header, data: 'top' } });
    await tick();
    expect(store.getState().response?.data).toBe('graph');
    expect(store.getState().responseFor).toBe('graph');
    store.getState().setView('top');
    views[2].answer({ id: 3, kind: 'view', ok: false, message: 'superseded', superseded: true });
    await tick();
    expect(store.getState().viewError).toBeNull();
    expect(store.getState().computing).toBe(true);
  });

  it('reports a cancelled view and keeps the profile', async () => {
    const { store, views } = await opened('/');
    views[0].answer({ id: 1, kind: 'view', ok: false, message: 'The view took longer than 8 s and was stopped', cancelled: true });
    await tick();
    expect(store.getState().viewCancelled).toBe(true);
    expect(store.getState().viewError).toMatch(/stopped/);
    expect(store.getState().summary?.fileName).toBe('a.pb.gz');
  });

  it('refines with the selection (quoted, |-joined), else the search text', async () => {
    const { store } = await opened('/?view=top&i=old');
    store.getState().setSelection(['pkg.(*T).M', 'a.b']);
    store.getState().refine('ignore');
    expect(store.getState().url.options.ignore).toBe('pkg\\.\\(\\*T\\)\\.M|a\\.b|old');
    expect(store.getState().selection).toEqual([]);
    store.getState().setSearch('Encode');
    store.getState().refine('focus');
    store.getState().refine('focus');
    expect(store.getState().url.options.focus).toBe('Encode');
    store.getState().reset();
    expect(store.getState().url.options).toEqual({});
  });

  it('records invalid URL values without failing', async () => {
    const { store, views } = await opened('/?view=top&n=lots&g=bogus&zz=1');
    expect(store.getState().urlErrors).toHaveLength(2);
    expect(views[0].req.options).toEqual({});
  });
});

describe('app store: a second profile', () => {
  it('forgets a sample type the new profile does not have', async () => {
    const m = manualEngine();
    const bar = memoryAddressBar('/?view=top&si=alloc_space&f=x&v=1');
    const store = createAppStore(m.engine, bar);
    const done = store.getState().openBytes('cpu.pb.gz', new ArrayBuffer(1));
    m.calls[0].answer({
      id: 1,
      ok: true,
      summary: { fileName: 'cpu.pb.gz', sampleTypes: [{ type: 'samples' }, { type: 'cpu' }] } as ProfileSummary,
    });
    await done;
    expect(store.getState().url.options).toEqual({ focus: 'x' });
    expect(bar.entries).toEqual(['/?view=top&f=x&v=1']);
    expect(m.views[0].req.options).toEqual({ focus: 'x' });
  });
});

describe('app store: view parameters', () => {
  it('sends the flame graph width, forgets it on a view change, keeps opened sources', async () => {
    const { store, views } = await opened('/?view=flamegraph');
    store.getState().requestView({ width: 900, zoom: ['main.main'] });
    expect(views.at(-1)!.req).toMatchObject({ view: 'flamegraph', width: 900, zoom: ['main.main'] });
    store.getState().setView('source', 'main');
    store.getState().requestView({ sources: { 'a.go': 'package a' } });
    expect(views.at(-1)!.req).toEqual({ view: 'source', options: { focus: 'main' }, symbol: 'main', sources: { 'a.go': 'package a' } });
    store.getState().setView('flamegraph');
    expect(views.at(-1)!.req).toEqual({ view: 'flamegraph', options: { focus: 'main' } });
    store.getState().setView('source');
    expect(views.at(-1)!.req.sources).toEqual({ 'a.go': 'package a' });
  });
});
