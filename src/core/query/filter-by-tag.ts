// pprof's Profile.FilterSamplesByTag and FilterTagsByName (profile/filter.go):
// -tagfocus/-tagignore keep or drop whole samples; -tagshow/-taghide drop
// label keys from every sample.
import type { Profile } from '../profile/model';
import { labelKind, LABEL_NONE } from './labels';
import { SampleWriter } from './sample-writer';
import type { SampleTest } from './tag-filter';

export function filterSamplesByTag(
  p: Profile,
  focus: SampleTest | null,
  ignore: SampleTest | null,
): { profile: Profile; focusMatched: boolean; ignoreMatched: boolean } {
  const s = p.samples;
  let fm = false;
  let im = false;
  const keep = new Uint8Array(s.count);
  let kept = 0;
  for (let i = 0; i < s.count; i++) {
    const focused = focus ? focus(i) : true;
    const ignored = ignore ? ignore(i) : false;
    fm ||= focused;
    im ||= ignored;
    if (focused && !ignored) {
      keep[i] = 1;
      kept++;
    }
  }
  if (kept === s.count) return { profile: p, focusMatched: fm, ignoreMatched: im };
  const w = new SampleWriter(s);
  for (let i = 0; i < s.count; i++) if (keep[i]) w.add(i, s.stackStart[i], s.stackStart[i + 1]);
  return { profile: { ...p, samples: w.done() }, focusMatched: fm, ignoreMatched: im };
}

export function filterTagsByName(
  p: Profile,
  show: RegExp | null,
  hide: RegExp | null,
): { profile: Profile; showMatched: boolean; hideMatched: boolean } {
  const s = p.samples;
  let sm = false;
  let hm = false;
  // Decided per key string; pprof evaluates it per sample and key, with the same result.
  const remove = new Map<number, boolean>();
  const removeKey = (k: number): boolean => {
    let r = remove.get(k);
    if (r === undefined) {
      const name = p.strings[k] ?? '';
      const matchShow = show === null || show.test(name);
      const matchHide = hide !== null && hide.test(name);
      r = !matchShow || matchHide;
      remove.set(k, r);
    }
    return r;
  };
  const seenShow = new Set<number>();
  let removedAny = false;
  for (let j = 0; j < s.labelKey.length; j++) {
    if (labelKind(s, j) === LABEL_NONE) continue;
    const k = s.labelKey[j];
    if (removeKey(k)) removedAny = true;
    if (!seenShow.has(k)) {
      seenShow.add(k);
      const name = p.strings[k] ?? '';
      if (show === null || show.test(name)) sm = true;
      if (hide !== null && hide.test(name)) hm = true;
    }
  }
  if (!removedAny) return { profile: p, showMatched: sm, hideMatched: hm };
  const w = new SampleWriter(s);
  for (let i = 0; i < s.count; i++) {
    w.add(i, s.stackStart[i], s.stackStart[i + 1], (j) => labelKind(s, j) !== LABEL_NONE && !removeKey(s.labelKey[j]));
  }
  return { profile: { ...p, samples: w.done() }, showMatched: sm, hideMatched: hm };
}
