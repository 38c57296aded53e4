// The open profile's source in the address: url= and share= stay through view
// changes, #p= too, and a dropped file takes them away.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../worker/engine-client';
import type { OpenResponse } from '../../worker/protocol';
import type { ProfileSummary } from '../../worker/summary';
import { memoryAddressBar } from './navigator';
import type { ProfileSource } from './permalink';
import { createAppStore } from './store';

function setup(initial: string) {
  const engine: Engine = {
    open: (fileName) =>
      Promise.resolve({ id: 1, ok: true, summary: { fileName, sampleTypes: [{ type: 'cpu' }] } as ProfileSummary } as OpenResponse),
    view: () => new Promise(() => {}),
    download: () => Promise.resolve({ id: 0, kind: 'download', ok: false, message: 'no' }),
  };
  const bar = memoryAddressBar(initial);
  return { bar, store: createAppStore(engine, bar) };
}

const current = (bar: ReturnType<typeof memoryAddressBar>) => bar.entries[bar.index];

describe('app store: the profile source in the address', () => {
  it('names a URL profile and keeps it through a change of view', async () => {
    const { bar, store } = setup('/ui/top?si=cpu&v=1');
    const src: ProfileSource = { kind: 'url', url: 'http://h:6060/debug/pprof/profile' };
    await store.getState().openBytes('profile', new ArrayBuffer(1), src);
    expect(current(bar)).toBe('/ui/top?si=cpu&url=http%3A%2F%2Fh%3A6060%2Fdebug%2Fpprof%2Fprofile&v=1');
    store.getState().setView('flamegraph');
    expect(current(bar)).toBe('/ui/flamegraph?si=cpu&url=http%3A%2F%2Fh%3A6060%2Fdebug%2Fpprof%2Fprofile&v=1');
    expect(bar.entries).toHaveLength(2);
  });

  it('keeps #p= through a refine, and drops every source when a file is dropped', async () => {
    const { bar, store } = setup('/app/?view=top&v=1#p=QUJD');
    await store.getState().openBytes('x', new ArrayBuffer(1), { kind: 'inline', p: 'QUJD' });
    expect(current(bar)).toBe('/app/?view=top&v=1#p=QUJD');
    store.getState().refine('focus', 'main');
    expect(current(bar)).toBe('/app/?view=top&f=main&v=1#p=QUJD');
    await store.getState().openBytes('other.pb.gz', new ArrayBuffer(1));
    expect(current(bar)).toBe('/app/?view=top&f=main&v=1');
    expect(store.getState().source).toEqual({ kind: 'file' });
  });

  it('setSource (after Copy link) writes the share id without a new history entry', async () => {
    const { bar, store } = setup('/ui/top?v=1');
    await store.getState().openBytes('big.pb.gz', new ArrayBuffer(1));
    expect(current(bar)).toBe('/ui/top?v=1');
    const id = 'a'.repeat(64);
    store.getState().setSource({ kind: 'share', id });
    expect(bar.entries).toEqual([`/ui/top?share=${id}&v=1`]);
  });
});
