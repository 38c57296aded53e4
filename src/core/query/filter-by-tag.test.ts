import { describe, expect, it } from 'vitest';
import { compileGoRegexp } from './go-regexp';
import { filterSamplesByTag, filterTagsByName } from './filter-by-tag';
import { testProfile } from './test-profile';

const p = testProfile([
  { stack: 'a', value: 1, labels: [{ key: 'stage', str: 'encode' }, { key: 'tenant', str: 'acme' }] },
  { stack: 'b', value: 2, labels: [{ key: 'stage', str: 'index' }, { key: 'bytes', num: 64 }] },
  { stack: 'c', value: 4 },
]);
const keys = (q: typeof p, i: number) => {
  const s = q.samples;
  const out: string[] = [];
  for (let j = s.labelStart[i]; j < s.labelStart[i + 1]; j++) out.push(q.strings[s.labelKey[j]]);
  return out;
};

describe('filterSamplesByTag', () => {
  it('keeps focused samples that are not ignored', () => {
    const r = filterSamplesByTag(p, (i) => i < 2, (i) => i === 0);
    expect(Array.from(r.profile.samples.values[0])).toEqual([2]);
    expect([r.focusMatched, r.ignoreMatched]).toEqual([true, true]);
  });

  it('shares the table when every sample stays', () => {
    const r = filterSamplesByTag(p, null, () => false);
    expect(r.profile).toBe(p);
    expect(r.ignoreMatched).toBe(false);
  });
});

describe('filterTagsByName', () => {
  it('tagshow keeps only matching keys, string and numeric', () => {
    const r = filterTagsByName(p, compileGoRegexp('^(stage|bytes)$'), null);
    expect([keys(r.profile, 0), keys(r.profile, 1), keys(r.profile, 2)]).toEqual([['stage'], ['stage', 'bytes'], []]);
    expect(r.showMatched).toBe(true);
  });

  it('taghide removes matching keys', () => {
    const r = filterTagsByName(p, null, compileGoRegexp('stage'));
    expect([keys(r.profile, 0), keys(r.profile, 1)]).toEqual([['tenant'], ['bytes']]);
    expect(r.hideMatched).toBe(true);
  });

  it('reports keys that match nothing', () => {
    const r = filterTagsByName(p, compileGoRegexp('nomatch'), compileGoRegexp('nomatch'));
    expect([r.showMatched, r.hideMatched]).toEqual([false, false]);
    expect(r.profile.samples.labelKey.length).toBe(0);
  });
});
