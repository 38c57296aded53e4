import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import { hasPostings, samplePostings } from './sample-postings';

describe('samplePostings', () => {
  it('lists each sample once under every location of its stack, in order', () => {
    const p = parseProfile(new Uint8Array(readFileSync(path.join(GO, 'cpu.pb.gz'))));
    expect(hasPostings(p)).toBe(false);
    const { start, samples } = samplePostings(p);
    expect(hasPostings(p)).toBe(true);
    expect(samplePostings(p).samples).toBe(samples); // built once
    const want: number[][] = Array.from({ length: p.locations.count }, () => []);
    const S = p.samples;
    for (let s = 0; s < S.count; s++) {
      for (const l of new Set(S.stackLocs.subarray(S.stackStart[s], S.stackStart[s + 1]))) want[l].push(s);
    }
    const got = want.map((_, l) => [...samples.subarray(start[l], start[l + 1])]);
    expect(got).toEqual(want);
    expect(samples.length).toBeGreaterThan(S.count);
  });
});
