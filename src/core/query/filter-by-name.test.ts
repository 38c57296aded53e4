import { describe, expect, it } from 'vitest';
import { compileGoRegexp } from './go-regexp';
import { filterSamplesByName } from './filter-by-name';
import { stacksOf, testProfile } from './test-profile';

const rx = (s: string) => compileGoRegexp(s);

describe('filterSamplesByName', () => {
  const p = testProfile([
    { stack: 'main;run;encode' },
    { stack: 'main;run+inl;checksum' },
    { stack: 'main;gc' },
    { stack: '' }, // pprof drops a sample without locations, even with no filter
  ]);

  it('drops empty stacks when nothing is filtered, keeping the other tables', () => {
    const r = filterSamplesByName(p, null, null, null, null);
    expect(stacksOf(r.profile)).toEqual(['main;run;encode', 'main;run+inl;checksum', 'main;gc']);
    expect(r.profile.locations).toBe(p.locations);
    expect(r.profile.functions).toBe(p.functions);
  });

  it('shares the whole profile when nothing is filtered and no stack is empty', () => {
    const q = testProfile([{ stack: 'main;run;encode' }, { stack: 'main;gc' }]);
    const r = filterSamplesByName(q, null, null, null, null);
    expect(r.profile).toBe(q);
    expect([r.focusMatched, r.ignoreMatched, r.hideMatched, r.showMatched]).toEqual([true, false, false, false]);
    // Hide alone keeps every sample that still has a frame, focus alone those that match.
    expect(stacksOf(filterSamplesByName(q, null, null, rx('^gc$'), null).profile)).toEqual(['main;run;encode', 'main']);
    expect(stacksOf(filterSamplesByName(p, null, null, rx('^gc$'), null).profile)).toEqual(['main;run;encode', 'main;run+inl;checksum', 'main']);
  });

  it('focus keeps samples with a matching frame; ignore wins over focus', () => {
    const r = filterSamplesByName(p, rx('run'), rx('checksum'), null, null);
    expect(stacksOf(r.profile)).toEqual(['main;run;encode']);
    expect([r.focusMatched, r.ignoreMatched]).toEqual([true, true]);
  });

  it('matches file names and the mapping file too', () => {
    expect(stacksOf(filterSamplesByName(p, rx('^gc\\.go$'), null, null, null).profile)).toEqual(['main;gc']);
    const all = filterSamplesByName(p, rx('/bin/prog'), null, null, null);
    expect(all.profile.samples.count).toBe(3);
  });

  it('hide removes matching frames, inlined ones one by one', () => {
    const r = filterSamplesByName(p, null, null, rx('^inl$|^gc$'), null);
    expect(stacksOf(r.profile)).toEqual(['main;run;encode', 'main;run;checksum', 'main']);
    expect(r.hideMatched).toBe(true);
  });

  it('show keeps only matching frames and drops samples left without any', () => {
    const r = filterSamplesByName(p, null, null, null, rx('^(run|checksum|encode)$'));
    expect(stacksOf(r.profile)).toEqual(['run;encode', 'run;checksum']);
    expect(r.showMatched).toBe(true);
    const none = filterSamplesByName(p, null, null, null, rx('nomatch'));
    expect(none.profile.samples.count).toBe(0);
    expect(none.showMatched).toBe(false);
  });

  it('reports regexes that match no location', () => {
    const r = filterSamplesByName(p, rx('nomatch'), rx('nomatch'), rx('nomatch'), null);
    expect([r.focusMatched, r.ignoreMatched, r.hideMatched]).toEqual([false, false, false]);
    expect(r.profile.samples.count).toBe(0);
  });

  it('keeps values and labels with their samples', () => {
    const q = testProfile([
      { stack: 'a;b', value: 3, labels: [{ key: 'k', str: 'x' }] },
      { stack: 'a;c', value: 5, labels: [{ key: 'k', str: 'y' }, { key: 'n', num: 7 }] },
    ]);
    const r = filterSamplesByName(q, rx('^c$'), null, null, null).profile;
    expect(Array.from(r.samples.values[0])).toEqual([5]);
    expect(Array.from(r.samples.values[1])).toEqual([5000]);
    expect(Array.from(r.samples.labelNum)).toEqual([0, 7]);
    expect(r.strings[r.samples.labelStr[0]]).toBe('y');
  });
});
