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
  const sel = selectByTag(p, focus, ignore, null);
  if (sel.keep === null) return { profile: p, focusMatched: sel.focusMatched, ignoreMatched: sel.ignoreMatched };
  const w = new SampleWriter(s);
  for (let i = 0; i < s.count; i++) if (sel.keep[i]) w.add(i, s.stackStart[i], s.stackStart[i + 1]);
  return { profile: { ...p, samples: w.done() }, focusMatched: sel.focusMatched, ignoreMatched: sel.ignoreMatched };
}

/**
 * -tagfocus and -tagignore as a selection of p's samples: among those `keep`
 * selects already (null: all), the ones that stay (null: all of p's).
 */
export function selectByTag(
  p: Profile,
  focus: SampleTest | null,
  ignore: SampleTest | null,
  keep: Uint8Array | null,
): { keep: Uint8Array | null; focusMatched: boolean; ignoreMatched: boolean } {
  const s = p.samples;
  let fm = false;
  let im = false;
  const out = new Uint8Array(s.count);
  let kept = 0;
  for (let i = 0; i < s.count; i++) {
    if (keep !== null && !keep[i]) continue;
    const focused = focus ? focus(i) : true;
    const ignored = ignore ? ignore(i) : false;
    fm ||= focused;
    im ||= ignored;
    if (focused && !ignored) {
      out[i] = 1;
      kept++;
    }
  }
  return { keep: kept === s.count ? null : out, focusMatched: fm, ignoreMatched: im };
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
  // Only the label columns change: the stacks and values are shared.
  const n = s.labelKey.length;
  const labelStart = new Uint32Array(s.count + 1);
  const labelKey = new Uint32Array(n);
  const labelStr = new Uint32Array(n);
  const labelNum = new Float64Array(n);
  const labelNumUnit = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < s.count; i++) {
    labelStart[i] = k;
    for (let j = s.labelStart[i]; j < s.labelStart[i + 1]; j++) {
      if (labelKind(s, j) === LABEL_NONE || removeKey(s.labelKey[j])) continue;
      labelKey[k] = s.labelKey[j];
      labelStr[k] = s.labelStr[j];
      labelNum[k] = s.labelNum[j];
      labelNumUnit[k] = s.labelNumUnit[j];
      k++;
    }
  }
  labelStart[s.count] = k;
  const samples = {
    ...s,
    labelStart,
    labelKey: labelKey.slice(0, k),
    labelStr: labelStr.slice(0, k),
    labelNum: labelNum.slice(0, k),
    labelNumUnit: labelNumUnit.slice(0, k),
  };
  return { profile: { ...p, samples }, showMatched: sm, hideMatched: hm };
}
