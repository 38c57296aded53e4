// Which samples hold each location: an inverted index of the stacks (each
// sample listed once per distinct location, in sample order). With it a focus
// or ignore touches only the samples of the matching locations, not every
// frame of every stack: what makes refining a million-sample profile fast in
// the web app. Built once per sample table (two passes over the stacks).
import type { Profile, SampleTable } from '../profile/model';

export interface Postings {
  /** Samples of location l: samples[start[l] .. start[l+1]-1], ascending. */
  start: Uint32Array;
  samples: Uint32Array;
}

const cache = new WeakMap<SampleTable, Postings>();

export function samplePostings(p: Profile): Postings {
  const s = p.samples;
  let post = cache.get(s);
  if (!post) {
    post = buildPostings(s, p.locations.count);
    cache.set(s, post);
  }
  return post;
}

/** Whether the index of p's samples is built already. */
export function hasPostings(p: Profile): boolean {
  return cache.has(p.samples);
}

function buildPostings(s: SampleTable, nLoc: number): Postings {
  // Counted in a first pass, then written at their places in a second.
  const counts = new Uint32Array(nLoc);
  eachDistinct(s, nLoc, counts, null);
  const start = new Uint32Array(nLoc + 1);
  for (let l = 0; l < nLoc; l++) start[l + 1] = start[l] + counts[l];
  const next = start.slice(0, nLoc);
  const samples = new Uint32Array(start[nLoc]);
  eachDistinct(s, nLoc, next, samples);
  return { start, samples };
}

// Each sample once per distinct location l of its stack: without `out`,
// at[l]++ counts it; with `out`, it is written at out[at[l]++].
function eachDistinct(s: SampleTable, nLoc: number, at: Uint32Array, out: Uint32Array | null): void {
  const { stackStart, stackLocs, count } = s;
  const last = new Int32Array(nLoc).fill(-1); // the last sample seen per location
  for (let i = 0; i < count; i++) {
    const end = stackStart[i + 1];
    for (let k = stackStart[i]; k < end; k++) {
      const l = stackLocs[k];
      if (last[l] === i) continue;
      last[l] = i;
      if (out === null) at[l]++;
      else out[at[l]++] = i;
    }
  }
}
