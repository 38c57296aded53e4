import { describe, expect, it } from 'vitest';
import type { Engine } from '../../worker/engine-client';
import type { EngineResponse } from '../../worker/protocol';
import type { ProfileSummary } from '../../worker/summary';
import { createAppStore } from './store';

function summary(fileName: string): ProfileSummary {
  return { fileName } as ProfileSummary;
}

/** An engine whose answers the test releases by hand, in any order. */
function manualEngine() {
  const calls: { fileName: string; answer: (r: EngineResponse) => void }[] = [];
  const engine: Engine = {
    open(fileName) {
      return new Promise((resolve) => calls.push({ fileName, answer: resolve }));
    },
  };
  return { engine, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('app store', () => {
  it('shows a loaded profile and is busy while reading', async () => {
    const { engine, calls } = manualEngine();
    const store = createAppStore(engine);
    const done = store.getState().openBytes('a.pb.gz', new ArrayBuffer(1));
    expect(store.getState().busy).toBe('a.pb.gz');
    calls[0].answer({ id: 1, ok: true, summary: summary('a.pb.gz') });
    await done;
    expect(store.getState().busy).toBeNull();
    expect(store.getState().summary?.fileName).toBe('a.pb.gz');
  });

  it('keeps the open profile when a later file fails, and clears the error on the next success', async () => {
    const { engine, calls } = manualEngine();
    const store = createAppStore(engine);
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
    const store = createAppStore(engine);
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

  it('explains a file the browser cannot read', async () => {
    const { engine } = manualEngine();
    const store = createAppStore(engine);
    const unreadable = { name: 'folder', arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as File;
    await store.getState().openFile(unreadable);
    expect(store.getState().error).toMatch(/Could not read folder/);
    expect(store.getState().busy).toBeNull();
  });
});
