// How pprof's decoder reads a label entry: a string label when str is set,
// else a numeric label when num or unit is set; an entry with neither is
// dropped (profile/encode.go postDecode).
import type { Profile, SampleTable } from '../profile/model';

export const LABEL_NONE = 0;
export const LABEL_STR = 1;
export const LABEL_NUM = 2;

export function labelKind(s: SampleTable, j: number): number {
  if (s.labelStr[j] !== 0) return LABEL_STR;
  if (s.labelNum[j] !== 0 || s.labelNumUnit[j] !== 0) return LABEL_NUM;
  return LABEL_NONE;
}

/**
 * pprof's Profile.NumLabelUnits: the unit of each numeric label key (the first
 * unit seen; keys without one get "bytes" for alignment/request, else the key
 * itself) and, per key, the other units that were ignored (sorted).
 */
type LabelUnits = { units: Map<string, string>; ignored: Map<string, string[]> };

// Per sample table (profiles are never changed in place): every query asks.
const unitsCache = new WeakMap<Profile['samples'], LabelUnits>();

export function numLabelUnits(p: Profile): LabelUnits {
  let r = unitsCache.get(p.samples);
  if (!r) {
    r = computeLabelUnits(p);
    unitsCache.set(p.samples, r);
  }
  return { units: new Map(r.units), ignored: new Map(r.ignored) };
}

function computeLabelUnits(p: Profile): LabelUnits {
  const s = p.samples;
  const units = new Map<string, string>();
  const ignored = new Map<string, Set<string>>();
  const seen = new Set<number>();
  for (let j = 0; j < s.labelKey.length; j++) {
    if (labelKind(s, j) !== LABEL_NUM) continue;
    const keyIdx = s.labelKey[j];
    seen.add(keyIdx);
    const unit = p.strings[s.labelNumUnit[j]] ?? '';
    if (unit === '') continue;
    const key = p.strings[keyIdx] ?? '';
    const want = units.get(key);
    if (want === undefined) units.set(key, unit);
    else if (want !== unit) {
      if (!ignored.has(key)) ignored.set(key, new Set());
      ignored.get(key)!.add(unit);
    }
  }
  for (const keyIdx of seen) {
    const key = p.strings[keyIdx] ?? '';
    if ((units.get(key) ?? '') === '') units.set(key, key === 'alignment' || key === 'request' ? 'bytes' : key);
  }
  const ig = new Map<string, string[]>();
  for (const [k, v] of ignored) ig.set(k, [...v].sort());
  return { units, ignored: ig };
}

/** True when sample i carries the string label key=value (pprof's HasLabel). */
export function hasLabel(p: Profile, i: number, key: string, value: string): boolean {
  const s = p.samples;
  for (let j = s.labelStart[i]; j < s.labelStart[i + 1]; j++) {
    if (labelKind(s, j) === LABEL_STR && p.strings[s.labelKey[j]] === key && p.strings[s.labelStr[j]] === value) return true;
  }
  return false;
}
