// pprof's Profile.FilterSamplesByName (profile/filter.go): -focus, -ignore,
// -hide and -show. Regexes are matched against each frame's function name and
// file name, and against the location's mapping file.
import type { Profile } from '../profile/model';
import { functionMatches, LineEditor, mappingMatches } from './location-lines';
import { SampleWriter } from './sample-writer';
import { samplePostings } from './sample-postings';

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

/** The samples focusedAndNotIgnored keeps, from the marks per location (NONE, FOCUS, IGNORE). */
function keptSamples(p: Profile, focusOrIgnore: Uint8Array, everyFocused: boolean): { keep: Uint8Array; kept: number } {
  const s = p.samples;
  const keep = new Uint8Array(s.count);
  const { stackStart, stackLocs } = s;
  let kept = 0;
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
  return { keep, kept };
}

// The same set through the samples of each marked location (sample-postings.ts):
// focused ones set (every sample with a stack when there is no focus), then
// ignored ones cleared: work in proportion to the matches, not to the stacks.
function keptByPostings(p: Profile, focusOrIgnore: Uint8Array, noFocus: boolean): { keep: Uint8Array; kept: number } {
  const s = p.samples;
  const keep = new Uint8Array(s.count);
  let kept = 0;
  if (noFocus) {
    for (let i = 0; i < s.count; i++) {
      if (s.stackStart[i + 1] > s.stackStart[i]) {
        keep[i] = 1;
        kept++;
      }
    }
  }
  const marks = noFocus ? [IGNORE] : [FOCUS, IGNORE];
  if (focusOrIgnore.some((m) => marks.includes(m))) {
    const { start, samples } = samplePostings(p);
    for (const mark of marks) {
      const v = mark === FOCUS ? 1 : 0;
      for (let l = 0; l < focusOrIgnore.length; l++) {
        if (focusOrIgnore[l] !== mark) continue;
        for (let j = start[l]; j < start[l + 1]; j++) {
          const i = samples[j];
          kept += v - keep[i];
          keep[i] = v;
        }
      }
    }
  }
  return { keep, kept };
}

export interface NameSelection {
  /** The samples kept (null: all of them). */
  keep: Uint8Array | null;
  focusMatched: boolean;
  ignoreMatched: boolean;
}

/**
 * -focus and -ignore without -hide or -show, as a selection of p's samples
 * instead of a new profile: the same samples filterSamplesByName keeps,
 * found through samplePostings (an index built once per profile) instead of
 * reading every stack.
 */
export function selectByName(p: Profile, focus: RegExp | null, ignore: RegExp | null): NameSelection {
  const loc = p.locations;
  const res: NameSelection = { keep: null, focusMatched: false, ignoreMatched: false };
  // No focus and no ignore: every location is focused, and only samples
  // without a stack go (usually none).
  if (!focus && !ignore) {
    res.focusMatched = loc.count > 0;
    if (!hasEmptyStack(p)) return res;
  }
  const mf = nameMatch(p, focus);
  const mi = nameMatch(p, ignore);
  const focusOrIgnore = new Uint8Array(loc.count);
  for (let l = 0; l < loc.count; l++) markFocus(p, mf, mi, l, null, focusOrIgnore, res);
  const { keep, kept } = keptByPostings(p, focusOrIgnore, !focus);
  if (kept !== p.samples.count) res.keep = keep;
  return res;
}

interface NameMatch {
  fn: Uint8Array; // by function: its name or file name matches
  map: Uint8Array; // by mapping: its file matches
}

function nameMatch(p: Profile, re: RegExp | null): NameMatch | null {
  return re ? { fn: functionMatches(p, re), map: mappingMatches(p, re) } : null;
}

// Location.matchesName: the location's current lines (null: all of its own), then its mapping.
function matchesName(p: Profile, m: NameMatch, l: number, lines: number[] | null): boolean {
  const loc = p.locations;
  const first = loc.lineStart[l];
  const n = lines === null ? loc.lineStart[l + 1] - first : lines.length;
  for (let k = 0; k < n; k++) {
    const f = loc.lineFunction[lines === null ? first + k : lines[k]];
    if (f >= 0 && m.fn[f]) return true;
  }
  const mp = loc.mapping[l];
  return mp >= 0 && m.map[mp] === 1;
}

// FilterSamplesByName's mark of location l: IGNORE wins over FOCUS; without a
// focus every location not ignored is focused.
function markFocus(
  p: Profile,
  mf: NameMatch | null,
  mi: NameMatch | null,
  l: number,
  lines: number[] | null,
  marks: Uint8Array,
  res: { focusMatched: boolean; ignoreMatched: boolean },
): void {
  if (mi && matchesName(p, mi, l, lines)) {
    res.ignoreMatched = true;
    marks[l] = IGNORE;
  } else if (!mf || matchesName(p, mf, l, lines)) {
    res.focusMatched = true;
    marks[l] = FOCUS;
  }
}

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
  const mf = nameMatch(p, focus);
  const mi = nameMatch(p, ignore);
  const mh = nameMatch(p, hide);
  const ms = nameMatch(p, show);
  const edit = new LineEditor(loc);

  const focusOrIgnore = new Uint8Array(loc.count); // NONE, FOCUS, IGNORE
  const hidden = new Uint8Array(loc.count);
  let anyHidden = false;
  for (let l = 0; l < loc.count; l++) {
    let lines = edit.lines(l);
    markFocus(p, mf, mi, l, lines, focusOrIgnore, res);
    if (mh && matchesName(p, mh, l, lines)) {
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
  // Without focus or ignore every location is focused: a sample is kept
  // when it has a location at all.
  const { keep, kept } = keptSamples(p, focusOrIgnore, !focus && !ignore);
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

const emptyStacks = new WeakMap<Profile['samples'], boolean>();

function hasEmptyStack(p: Profile): boolean {
  let r = emptyStacks.get(p.samples);
  if (r === undefined) {
    const { stackStart, count } = p.samples;
    r = false;
    for (let i = 0; i < count && !r; i++) if (stackStart[i + 1] === stackStart[i]) r = true;
    emptyStacks.set(p.samples, r);
  }
  return r;
}
