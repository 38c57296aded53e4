import { describe, expect, it } from 'vitest';
import { compileGoRegexp } from './go-regexp';
import { showFrom } from './show-from';
import { pruneFrom } from './prune-from';
import { stacksOf, testProfile } from './test-profile';

// The examples of pprof's own doc comments (profile/filter.go, prune.go).
describe('showFrom', () => {
  const p = testProfile([{ stack: 'A;B;C;B' }]);
  const run = (re: string) => showFrom(p, compileGoRegexp(re));

  it('drops the frames above the highest match', () => {
    expect(stacksOf(run('^A$').profile)).toEqual(['A;B;C;B']);
    expect(stacksOf(run('^B$').profile)).toEqual(['B;C;B']);
    expect(stacksOf(run('^C$').profile)).toEqual(['C;B']);
  });

  it('drops samples without a match', () => {
    const r = run('^D$');
    expect(r.matched).toBe(false);
    expect(r.profile.samples.count).toBe(0);
  });

  it('cuts a location\'s inlined frames above the match', () => {
    const q = testProfile([{ stack: 'main;outer+mid+leaf' }]);
    expect(stacksOf(showFrom(q, compileGoRegexp('^mid$')).profile)).toEqual(['mid+leaf']);
  });
});

describe('pruneFrom', () => {
  it('removes the frames beneath the lowest match', () => {
    // pprof's example [A,B,C,B,D] lists the leaf A first; here stacks are root first.
    const p = testProfile([{ stack: 'D;B;C;B;A' }]);
    expect(stacksOf(pruneFrom(p, compileGoRegexp('^A$')))).toEqual(['D;B;C;B;A']);
    expect(stacksOf(pruneFrom(p, compileGoRegexp('^B$')))).toEqual(['D;B;C;B']);
    expect(stacksOf(pruneFrom(p, compileGoRegexp('^D$')))).toEqual(['D']);
    expect(stacksOf(pruneFrom(p, compileGoRegexp('^X$')))).toEqual(['D;B;C;B;A']);
  });

  it('cuts inlined frames beneath the match and matches simplified names', () => {
    const p = testProfile([{ stack: 'main;outer+mid+leaf' }, { stack: 'main;pkg.(*T).M;x' }]);
    expect(stacksOf(pruneFrom(p, compileGoRegexp('^mid$')))).toEqual(['main;outer+mid', 'main;pkg.(*T).M;x']);
    // pprof matches "pkg." for a Go method: its argument-list heuristic cuts at '('.
    expect(stacksOf(pruneFrom(p, compileGoRegexp('^pkg\\.$')))).toEqual(['main;outer+mid+leaf', 'main;pkg.(*T).M']);
    expect(stacksOf(pruneFrom(p, compileGoRegexp('M$')))).toEqual(['main;outer+mid+leaf', 'main;pkg.(*T).M;x']);
  });
});
