import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { parseProfile } from '../core/profile/parse';
import { computeView } from './compute-view';

const load = (f: string) => parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, f))));

describe('computeView', () => {
  it('answers the Top view with the header of -top for the sample index asked', async () => {
    const p = load('heap.pb.gz');
    const r = await computeView(p, { view: 'top', options: { sampleIndex: 'alloc_space' } });
    if (!r.ok) throw new Error(r.message);
    const golden = fs.readFileSync(path.join(GO, 'heap/sample_index-alloc_space.top.txt'), 'utf8').split('\n');
    expect(r.response.header.lines).toEqual(golden.slice(0, r.response.header.lines.length));
    expect(r.response.header.sampleIndex).toBe(1);
  });
  it('turns bad options into messages, not exceptions', async () => {
    const p = load('heap.pb.gz');
    const bad = await computeView(p, { view: 'top', options: { sampleIndex: 'no_such_index' } });
    expect(bad).toEqual({
      ok: false,
      message: 'sample_index "no_such_index" must be one of: [alloc_objects alloc_space inuse_objects inuse_space]',
    });
    const re = await computeView(p, { view: 'top', options: { focus: '(' } });
    expect(re.ok).toBe(false);
    if (!re.ok) expect(re.message).toMatch(/^parsing focus regexp/);
  });
  it('computes every view of a small profile', async () => {
    const p = load('mutex.pb.gz');
    for (const view of ['top', 'flamegraph', 'peek', 'source'] as const) {
      const r = await computeView(p, { view, options: {}, symbol: view === 'peek' || view === 'source' ? 'Unlock' : undefined });
      if (!r.ok) throw new Error(`${view}: ${r.message}`);
      expect(r.response.header.lines[0]).toBe('File: workload');
    }
  });
});
