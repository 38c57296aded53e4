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
  const { stackStart, stackLocs, count } = s;
  const last = new Int32Array(nLoc).fill(-1); // the last sample counted per location
  const start = new Uint32Array(nLoc + 1);
  for (let i = 0; i < count; i++) {
    const end = stackStart[i + 1];
    for (let k = stackStart[i]; k < end; k++) {
      const l = stackLocs[k];
      if (last[l] !== i) {
        last[l] = i;
        start[l + 1]++;
      }
    }
  }
  for (let l = 0; l < nLoc; l++) start[l + 1] += start[l];
  const next = start.slice(0, nLoc);
  const samples = new Uint32Array(start[nLoc]);
  last.fill(-1);
  for (let i = 0; i < count; i++) {
    const end = stackStart[i + 1];
    for (let k = stackStart[i]; k < end; k++) {
      const l = stackLocs[k];
      if (last[l] !== i) {
        last[l] = i;
        samples[next[l]++] = i;
      }
    }
  }
  return { start, samples };
}
