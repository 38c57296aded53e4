import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import { ProfileError } from '../profile/errors';
import { applyQuery } from './index';
import { testProfile } from './test-profile';

const load = (f: string) => parseProfile(new Uint8Array(readFileSync(path.join(GO, f))));
const cpu = load('cpu.pb.gz');
const heap = load('heap.pb.gz');

function sum(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += Math.abs(v);
  return s;
}

describe('applyQuery', () => {
  it('selects the sample index by name, number or legacy inuse_ name', () => {
    expect(applyQuery(heap, {}).sampleIndex).toBe(3); // no default type: the last one
    expect(applyQuery(heap, { sampleIndex: 'alloc_space' }).sampleIndex).toBe(1);
    expect(applyQuery(heap, { sampleIndex: '0' }).sampleIndex).toBe(0);
    expect(applyQuery(cpu, {}).sampleType).toBe('cpu');
    const spaces = testProfile([{ stack: 'a' }]);
    spaces.sampleTypes[1] = { type: spaces.strings.indexOf('cpu'), unit: 0 };
    expect(applyQuery(spaces, { sampleIndex: 'inuse_cpu' }).sampleIndex).toBe(1);
  });

  it('rejects an unknown sample index as pprof does', () => {
    expect(() => applyQuery(heap, { sampleIndex: 'no_such_index' })).toThrow(
      new ProfileError('sample_index "no_such_index" must be one of: [alloc_objects alloc_space inuse_objects inuse_space]'),
    );
    expect(() => applyQuery(heap, { sampleIndex: '4' })).toThrow('sample_index 4 is outside the range [0..3]');
  });

  it('computes the total before filtering, unless percentages are relative', () => {
    const all = applyQuery(cpu, {});
    const f = applyQuery(cpu, { focus: 'encodeRecord' });
    expect(f.total).toBe(all.total);
    expect(f.profile.samples.count).toBeLessThan(cpu.samples.count);
    const rel = applyQuery(cpu, { focus: 'encodeRecord', relativePercentages: true });
    expect(rel.total).toBe(sum(f.profile.samples.values[1]));
    expect(rel.total).toBeLessThan(all.total);
  });

  it('lists the active filters in pprof\'s order', () => {
    const q = applyQuery(cpu, { tagHide: 'x', pruneFrom: 'y', tagFocus: 'stage=encode', showFrom: 'main', focus: 'Encode', show: 'workload' });
    expect(q.filters).toEqual(['focus=Encode', 'show=workload', 'show_from=main', 'tagfocus=stage=encode', 'taghide=x']);
  });

  it('warns about expressions that match nothing, in pprof\'s order', () => {
    const q = applyQuery(cpu, { tagIgnore: 'stage=nomatch', focus: 'nomatch', hide: 'nomatch', showFrom: 'nomatch', tagShow: 'nomatch' });
    expect(q.warnings).toEqual([
      'Focus expression matched no samples',
      'Hide expression matched no samples',
      'ShowFrom expression matched no samples',
      'TagIgnore expression matched no samples',
      'TagShow expression matched no samples',
    ]);
    expect(q.profile.samples.count).toBe(0);
  });

  it('reports a numeric tag range on stderr and filters by it', () => {
    const q = applyQuery(heap, { tagFocus: 'bytes=1mb:' });
    expect(q.warnings).toEqual(["tagfocus:Interpreted '1mb:' as range, not regexp"]);
    const s = q.profile.samples;
    expect(s.count).toBeGreaterThan(0);
    for (let i = 0; i < s.count; i++) expect(s.labelNum[s.labelStart[i]]).toBeGreaterThanOrEqual(1 << 20);
  });

  it('words regexp errors like pprof, after the warnings printed before them', () => {
    expect(() => applyQuery(cpu, { focus: '(' })).toThrow(new ProfileError('parsing focus regexp: error parsing regexp: missing closing ): `(`'));
    expect(() => applyQuery(cpu, { tagFocus: 'stage=(' })).toThrow('parsing tagfocus regexp: error parsing regexp: missing closing ): `(`');
    expect(() => applyQuery(cpu, { focus: 'nomatch', tagShow: '[' })).toThrow(
      new ProfileError('Focus expression matched no samples\nparsing tagshow regexp: error parsing regexp: missing closing ]: `[`'),
    );
  });

  it('names the mean type and its divisor', () => {
    const q = applyQuery(load('mutex.pb.gz'), { mean: true });
    expect([q.sampleType, q.meanIndex, q.sampleUnit]).toEqual(['mean_delay', 0, 'nanoseconds']);
    expect(applyQuery(cpu, {}).meanIndex).toBe(-1);
  });

  it('leaves the input profile untouched', () => {
    const before = cpu.samples.count;
    const locs = cpu.locations;
    applyQuery(cpu, { hide: 'runtime', showFrom: 'main', pruneFrom: 'Encode', tagShow: 'stage' });
    expect(cpu.samples.count).toBe(before);
    expect(cpu.locations).toBe(locs);
  });
});
