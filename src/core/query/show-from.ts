// pprof's Profile.ShowFrom (profile/filter.go): drop every frame above the
// highest frame that matches -show_from; samples without a match are dropped.
import type { Profile } from '../profile/model';
import { functionMatches, LineEditor, mappingMatches } from './location-lines';
import { SampleWriter } from './sample-writer';

export function showFrom(p: Profile, re: RegExp): { profile: Profile; matched: boolean } {
  const loc = p.locations;
  const fn = functionMatches(p, re);
  const map = mappingMatches(p, re);
  const edit = new LineEditor(loc);
  const matches = new Uint8Array(loc.count);
  let matched = false;
  for (let l = 0; l < loc.count; l++) {
    const mp = loc.mapping[l];
    if (mp >= 0 && map[mp]) {
      matches[l] = 1; // a matching mapping keeps all lines
      matched = true;
      continue;
    }
    const lines = edit.lines(l);
    for (let i = lines.length - 1; i >= 0; i--) {
      const f = loc.lineFunction[lines[i]];
      if (f >= 0 && fn[f]) {
        // Keep the innermost frames up to the last (outermost) match.
        edit.set(l, lines.slice(0, i + 1));
        matches[l] = 1;
        matched = true;
        break;
      }
    }
  }
  const s = p.samples;
  const w = new SampleWriter(s);
  for (let i = 0; i < s.count; i++) {
    const a = s.stackStart[i];
    for (let k = s.stackStart[i + 1] - 1; k >= a; k--) {
      if (matches[s.stackLocs[k]]) {
        w.add(i, a, k + 1);
        break;
      }
    }
  }
  return { profile: { ...p, locations: edit.done(), samples: w.done() }, matched };
}
