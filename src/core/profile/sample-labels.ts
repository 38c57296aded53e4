// The labels of a sample in pprof's canonical order: string labels, then
// numeric ones, each sorted by key (stable within a key), which is the order
// pprof encodes them in and what sample identity is judged on when merging.
// A numeric label with value 0 and no unit is dropped, as pprof's decoder does.
import type { BuilderLabel } from './builder';
import { str, type Profile } from './model';

function byKey(a: BuilderLabel, b: BuilderLabel): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The labels of sample i as objects, in canonical order. */
export function sampleLabels(p: Profile, i: number): BuilderLabel[] {
  const S = p.samples;
  const strs: BuilderLabel[] = [];
  const nums: BuilderLabel[] = [];
  for (let k = S.labelStart[i]; k < S.labelStart[i + 1]; k++) {
    const key = str(p, S.labelKey[k]);
    if (S.labelStr[k] !== 0) {
      strs.push({ key, str: str(p, S.labelStr[k]) });
    } else if (S.labelNum[k] !== 0 || S.labelNumUnit[k] !== 0) {
      const l: BuilderLabel = { key, num: S.labelNum[k] };
      if (S.labelNumUnit[k] !== 0) l.numUnit = str(p, S.labelNumUnit[k]);
      nums.push(l);
    }
  }
  return [...strs.sort(byKey), ...nums.sort(byKey)];
}

// Stable insertion sort of rows[from..to) by key string: label lists are
// short and usually already sorted (n-1 comparisons then).
function sortRows(p: Profile, rows: Uint32Array, from: number, to: number): void {
  const keys = p.samples.labelKey;
  const strings = p.strings;
  for (let i = from + 1; i < to; i++) {
    const r = rows[i];
    const kr = keys[r];
    let j = i - 1;
    while (j >= from) {
      const kj = keys[rows[j]];
      if (kj === kr || !((strings[kj] ?? '') > (strings[kr] ?? ''))) break;
      rows[j + 1] = rows[j];
      j--;
    }
    rows[j + 1] = r;
  }
}

/**
 * The label rows of sample i (indexes into p.samples.label*) in canonical
 * order, written to rows (at least labelStart[i+1]-labelStart[i] long);
 * returns how many.
 */
export function canonicalLabelRows(p: Profile, i: number, rows: Uint32Array): number {
  const S = p.samples;
  const a = S.labelStart[i];
  const e = S.labelStart[i + 1];
  let n = 0;
  for (let k = a; k < e; k++) if (S.labelStr[k] !== 0) rows[n++] = k;
  const nStr = n;
  for (let k = a; k < e; k++) {
    if (S.labelStr[k] === 0 && (S.labelNum[k] !== 0 || S.labelNumUnit[k] !== 0)) rows[n++] = k;
  }
  if (nStr > 1) sortRows(p, rows, 0, nStr);
  if (n - nStr > 1) sortRows(p, rows, nStr, n);
  return n;
}
