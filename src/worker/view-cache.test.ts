import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GO } from '../../test/fixtures';
import { parseProfile } from '../core/profile/parse';
import { otherSampleTypes, requestKey, ViewCache } from './view-cache';
import type { ViewResponse } from './view-protocol';

const heap = parseProfile(new Uint8Array(readFileSync(path.join(GO, 'heap.pb.gz'))));
const cpu = parseProfile(new Uint8Array(readFileSync(path.join(GO, 'cpu.pb.gz'))));
const answer = (n: number): ViewResponse => ({ header: { lines: [`#${n}`], legend: [], warnings: [], sampleTypes: [], sampleIndex: 0 }, data: n });

describe('requestKey', () => {
  it('is one key for one request, however the sample type and the keys are spelled', () => {
    const k = requestKey(heap, { view: 'top', options: { focus: 'a', sampleIndex: 'inuse_space' } });
    expect(requestKey(heap, { options: { sampleIndex: 'inuse_space', focus: 'a' }, view: 'top' })).toBe(k);
    expect(requestKey(heap, { view: 'top', options: { focus: 'a', sampleIndex: '3' } })).toBe(k);
    expect(requestKey(heap, { view: 'top', options: { focus: 'a' } })).toBe(k); // the default: the last type
    expect(requestKey(heap, { view: 'top', options: { focus: 'a', sampleIndex: 'alloc_space' } })).not.toBe(k);
    expect(requestKey(heap, { view: 'graph', options: { focus: 'a' } })).not.toBe(k);
    expect(requestKey(heap, { view: 'top', options: { sampleIndex: 'nope' } })).toContain('nope');
  });
});

describe('ViewCache', () => {
  it('answers the requests seen for the open profile, the most recent 16', () => {
    const c = new ViewCache();
    const req = (i: number) => ({ view: 'flamegraph' as const, options: {}, width: 100 + i });
    for (let i = 0; i < 20; i++) c.set(heap, req(i), answer(i));
    expect(c.get(heap, req(0))).toBeUndefined();
    expect(c.get(heap, req(4))?.data).toBe(4);
    expect(c.get(heap, req(19))?.data).toBe(19);
    expect(c.get(cpu, req(19))).toBeUndefined(); // another profile
    c.set(heap, req(20), answer(20)); // evicts the least recently used: 5, not 4 (just read)
    expect(c.has(heap, req(4))).toBe(true);
    expect(c.has(heap, req(5))).toBe(false);
    c.set(cpu, req(1), answer(1)); // a new profile: the old answers go
    expect(c.has(heap, req(19))).toBe(false);
    expect(c.get(cpu, req(1))?.data).toBe(1);
  });
});

describe('otherSampleTypes', () => {
  it('names every other sample type of the profile', () => {
    const reqs = otherSampleTypes(heap, { view: 'top', options: { sampleIndex: 'alloc_space', focus: 'x' } });
    expect(reqs.map((r) => r.options.sampleIndex)).toEqual(['alloc_objects', 'inuse_objects', 'inuse_space']);
    expect(reqs.every((r) => r.options.focus === 'x' && r.view === 'top')).toBe(true);
    expect(otherSampleTypes(cpu, { view: 'top', options: {} }).map((r) => r.options.sampleIndex)).toEqual(['samples']);
  });
});
