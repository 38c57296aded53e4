// pprof's Profile.ScaleN / Scale / Normalize (google/pprof profile/profile.go
// and merge.go): multiply sample values and keep only samples that still have
// a non-zero value.
import { ProfileError } from './errors';
import type { Profile } from './model';
import { checkCompatible } from './merge';

/** Go's math.Round: halves round away from zero (JS Math.round rounds up). */
export function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** ScaleN: value t of each sample times ratios[t]; drops all-zero samples. */
export function scaleValues(p: Profile, ratios: number[]): Profile {
  if (ratios.length !== p.sampleTypes.length) {
    throw new ProfileError(`mismatched scale ratios, got ${ratios.length}, want ${p.sampleTypes.length}`);
  }
  if (ratios.every((r) => r === 1)) return p;
  const S = p.samples;
  const values = S.values.map((col, t) => {
    const r = ratios[t];
    if (r === 1) return col;
    const out = new Float64Array(col.length);
    for (let i = 0; i < col.length; i++) out[i] = goRound(col[i] * r);
    return out;
  });
  // Only the scaled columns decide, as in pprof.
  const scaled = values.filter((_, t) => ratios[t] !== 1);
  const keep = new Uint32Array(S.count);
  let n = 0;
  for (let i = 0; i < S.count; i++) {
    for (const col of scaled) {
      if (col[i] !== 0) {
        keep[n++] = i;
        break;
      }
    }
  }
  return selectSamples({ ...p, samples: { ...S, values } }, keep.subarray(0, n));
}

/** Scale: every value times ratio. */
export function scaleProfile(p: Profile, ratio: number): Profile {
  if (ratio === 1) return p;
  return scaleValues(p, p.sampleTypes.map(() => ratio));
}

/**
 * Normalize: scales p so that each sample type sums to the base's sum
 * (pprof's -normalize with -base/-diff_base).
 */
export function normalizeTo(p: Profile, base: Profile): Profile {
  checkCompatible(p, base);
  const sum = (q: Profile): number[] => q.samples.values.map((col) => col.reduce((a, v) => a + v, 0));
  const baseVals = sum(base);
  const srcVals = sum(p);
  return scaleValues(
    p,
    baseVals.map((b, t) => (srcVals[t] === 0 ? 0 : b / srcVals[t])),
  );
}

/** A profile with only the samples at the given row indexes (in that order). */
export function selectSamples(p: Profile, rows: ArrayLike<number>): Profile {
  const S = p.samples;
  // Every row, in order: the profile itself.
  let all = rows.length === S.count;
  for (let i = 0; all && i < rows.length; i++) all = rows[i] === i;
  if (all) return p;
  const n = rows.length;
  const stackStart = new Uint32Array(n + 1);
  const labelStart = new Uint32Array(n + 1);
  let nl = 0;
  let nk = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    nl += S.stackStart[r + 1] - S.stackStart[r];
    nk += S.labelStart[r + 1] - S.labelStart[r];
  }
  const stackLocs = new Uint32Array(nl);
  const labelKey = new Uint32Array(nk);
  const labelStr = new Uint32Array(nk);
  const labelNum = new Float64Array(nk);
  const labelNumUnit = new Uint32Array(nk);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    stackStart[i] = a;
    labelStart[i] = b;
    for (let k = S.stackStart[r]; k < S.stackStart[r + 1]; k++) stackLocs[a++] = S.stackLocs[k];
    for (let k = S.labelStart[r]; k < S.labelStart[r + 1]; k++, b++) {
      labelKey[b] = S.labelKey[k];
      labelStr[b] = S.labelStr[k];
      labelNum[b] = S.labelNum[k];
      labelNumUnit[b] = S.labelNumUnit[k];
    }
  }
  stackStart[n] = a;
  labelStart[n] = b;
  return {
    ...p,
    samples: {
      count: n,
      stackStart,
      stackLocs,
      values: S.values.map((col) => {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = col[rows[i]];
        return out;
      }),
      labelStart,
      labelKey,
      labelStr,
      labelNum,
      labelNumUnit,
    },
  };
}
