// pprof's Profile.FilterSamplesByName (profile/filter.go): -focus, -ignore,
// -hide and -show. Regexes are matched against each frame's function name and
// file name, and against the location's mapping file.
import type { Profile } from '../profile/model';
import { functionMatches, LineEditor, mappingMatches } from './location-lines';
import { SampleWriter } from './sample-writer';

export interface NameFilterResult {
  profile: Profile;
  focusMatched: boolean;
  ignoreMatched: boolean;
  hideMatched: boolean;
  showMatched: boolean;
}

const NONE = 0;
const FOCUS = 1;
const IGNORE = 2;

export function filterSamplesByName(
  p: Profile,
  focus: RegExp | null,
  ignore: RegExp | null,
  hide: RegExp | null,
  show: RegExp | null,
): NameFilterResult {
  const res: NameFilterResult = { profile: p, focusMatched: false, ignoreMatched: false, hideMatched: false, showMatched: false };
  const loc = p.locations;
  if (!focus && !ignore && !hide && !show) {
    // No filter: every location is focused; pprof still drops the samples
    // without any location. Usually there are none: then share everything.
    res.focusMatched = loc.count > 0;
    if (!hasEmptyStack(p)) return res;
  }
  const match = (re: RegExp | null) => (re ? { fn: functionMatches(p, re), map: mappingMatches(p, re) } : null);
  const mf = match(focus);
  const mi = match(ignore);
  const mh = match(hide);
  const ms = match(show);
  const edit = new LineEditor(loc);

  // matchesName looks at the location's current lines, then its mapping.
  const matchesName = (m: { fn: Uint8Array; map: Uint8Array }, l: number, lines: number[]): boolean => {
    for (const j of lines) {
      const f = loc.lineFunction[j];
      if (f >= 0 && m.fn[f]) return true;
    }
    const mp = loc.mapping[l];
    return mp >= 0 && m.map[mp] === 1;
  };

  const focusOrIgnore = new Uint8Array(loc.count); // NONE, FOCUS, IGNORE
  const hidden = new Uint8Array(loc.count);
  let anyHidden = false;
  for (let l = 0; l < loc.count; l++) {
    let lines = edit.lines(l);
    if (mi && matchesName(mi, l, lines)) {
      res.ignoreMatched = true;
      focusOrIgnore[l] = IGNORE;
    } else if (!mf || matchesName(mf, l, lines)) {
      res.focusMatched = true;
      focusOrIgnore[l] = FOCUS;
    }
    if (mh && matchesName(mh, l, lines)) {
      res.hideMatched = true;
      const mp = loc.mapping[l];
      // unmatchedLines: a matching mapping hides every line.
      lines = mp >= 0 && mh.map[mp] ? [] : lines.filter((j) => !(loc.lineFunction[j] >= 0 && mh.fn[loc.lineFunction[j]]));
      edit.set(l, lines);
      if (lines.length === 0) hidden[l] = 1;
    }
    if (ms) {
      const mp = loc.mapping[l];
      // matchedLines: frames without a function are kept.
      if (!(mp >= 0 && ms.map[mp])) {
        lines = lines.filter((j) => !(loc.lineFunction[j] >= 0 && !ms.fn[loc.lineFunction[j]]));
        edit.set(l, lines);
      }
      if (lines.length === 0) hidden[l] = 1;
      else res.showMatched = true;
    }
    if (hidden[l]) anyHidden = true;
  }

  const s = p.samples;
  const keep = new Uint8Array(s.count);
  const stackStart = s.stackStart;
  const stackLocs = s.stackLocs;
  let kept = 0;
  // Without focus or ignore every location is focused: a sample is kept
  // when it has a location at all.
  const everyFocused = !focus && !ignore;
  for (let i = 0; i < s.count; i++) {
    if (everyFocused) {
      if (stackStart[i + 1] > stackStart[i]) {
        keep[i] = 1;
        kept++;
      }
      continue;
    }
    let focused = false;
    const end = stackStart[i + 1];
    for (let k = stackStart[i]; k < end; k++) {
      const fi = focusOrIgnore[stackLocs[k]];
      if (fi === IGNORE) {
        focused = false;
        break;
      }
      if (fi === FOCUS) focused = true;
    }
    if (focused) {
      keep[i] = 1;
      kept++;
    }
  }
  const locations = edit.done();
  if (kept === s.count && !anyHidden) {
    // Nothing to drop (the usual case without filters): share the sample table.
    res.profile = locations === loc ? p : { ...p, locations };
    return res;
  }
  const w = new SampleWriter(s);
  let buf = new Uint32Array(256);
  for (let i = 0; i < s.count; i++) {
    const a = s.stackStart[i];
    const b = s.stackStart[i + 1];
    if (!keep[i]) continue;
    if (!anyHidden) {
      w.add(i, a, b);
      continue;
    }
    if (buf.length < b - a) buf = new Uint32Array(b - a);
    let n = 0;
    for (let k = a; k < b; k++) {
      const l = s.stackLocs[k];
      if (!hidden[l]) buf[n++] = l;
    }
    if (n === 0) continue; // a sample left without locations is dropped
    w.addWithStack(i, buf, n);
  }
  res.profile = { ...p, locations, samples: w.done() };
  return res;
}

function hasEmptyStack(p: Profile): boolean {
  const { stackStart, count } = p.samples;
  for (let i = 0; i < count; i++) if (stackStart[i + 1] === stackStart[i]) return true;
  return false;
}
