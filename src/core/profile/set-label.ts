// pprof's Profile.SetLabel: sets a string label key to the given values on
// every sample, replacing any values it had (used to mark -diff_base samples
// with pprof::base=true). Typed columns sized up front: a -diff_base profile
// may have a million samples.
import type { Profile } from './model';

export function setLabel(p: Profile, key: string, values: string[]): Profile {
  const strings = p.strings.slice();
  const intern = (s: string): number => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const keyIdx = intern(key);
  const valueIdx = values.map(intern);
  const S = p.samples;
  const nv = valueIdx.length;
  // Numeric labels live in another map in pprof: only string ones are replaced.
  const replaced = (k: number): boolean => S.labelKey[k] === keyIdx && S.labelStr[k] !== 0;
  let size = S.count * nv;
  for (let k = 0; k < S.labelKey.length; k++) if (!replaced(k)) size++;
  const labelStart = new Uint32Array(S.count + 1);
  const labelKey = new Uint32Array(size);
  const labelStr = new Uint32Array(size);
  const labelNum = new Float64Array(size);
  const labelNumUnit = new Uint32Array(size);
  let n = 0;
  for (let i = 0; i < S.count; i++) {
    labelStart[i] = n;
    for (let k = S.labelStart[i]; k < S.labelStart[i + 1]; k++) {
      if (replaced(k)) continue;
      labelKey[n] = S.labelKey[k];
      labelStr[n] = S.labelStr[k];
      labelNum[n] = S.labelNum[k];
      labelNumUnit[n] = S.labelNumUnit[k];
      n++;
    }
    for (let v = 0; v < nv; v++) {
      labelKey[n] = keyIdx;
      labelStr[n] = valueIdx[v];
      n++;
    }
  }
  labelStart[S.count] = n;
  return { ...p, strings, samples: { ...S, labelStart, labelKey, labelStr, labelNum, labelNumUnit } };
}
