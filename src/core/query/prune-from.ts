// pprof's Profile.PruneFrom (profile/prune.go): -prune_from. (drop_frames /
// keep_frames are applied at load time, by profile/prune-frames.ts.)
import type { Profile } from '../profile/model';
import { LineEditor } from './location-lines';
import { SampleWriter } from './sample-writer';
import { simplifyFunc } from '../profile/prune-frames';

/** Per function: whether re matches its simplified, non-empty name. */
function simplifiedMatches(p: Profile, re: RegExp): Uint8Array {
  const f = p.functions;
  const out = new Uint8Array(f.count);
  for (let i = 0; i < f.count; i++) {
    const name = p.strings[f.name[i]] ?? '';
    out[i] = name !== '' && re.test(simplifyFunc(name)) ? 1 : 0;
  }
  return out;
}

/** Removes all frames beneath (leafward of) the lowest frame matching re. */
export function pruneFrom(p: Profile, re: RegExp): Profile {
  const loc = p.locations;
  const fn = simplifiedMatches(p, re);
  const edit = new LineEditor(loc);
  const beneath = new Uint8Array(loc.count);
  for (let l = 0; l < loc.count; l++) {
    const lines = edit.lines(l);
    for (let i = 0; i < lines.length; i++) {
      const f = loc.lineFunction[lines[i]];
      if (f >= 0 && fn[f]) {
        beneath[l] = 1;
        edit.set(l, lines.slice(i));
        break;
      }
    }
  }
  const s = p.samples;
  const w = new SampleWriter(s);
  for (let i = 0; i < s.count; i++) {
    const a = s.stackStart[i];
    const b = s.stackStart[i + 1];
    let from = a;
    for (let k = a; k < b; k++) {
      if (beneath[s.stackLocs[k]]) {
        from = k;
        break;
      }
    }
    w.add(i, from, b);
  }
  return { ...p, locations: edit.done(), samples: w.done() };
}
