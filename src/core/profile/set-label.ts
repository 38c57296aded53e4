// pprof's Profile.SetLabel: sets a string label key to the given values on
// every sample, replacing any values it had (used to mark -diff_base samples
// with pprof::base=true).
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
  const labelStart = new Uint32Array(S.count + 1);
  const labelKey: number[] = [];
  const labelStr: number[] = [];
  const labelNum: number[] = [];
  const labelNumUnit: number[] = [];
  const push = (k: number, s: number, n: number, u: number): void => {
    labelKey.push(k);
    labelStr.push(s);
    labelNum.push(n);
    labelNumUnit.push(u);
  };
  for (let i = 0; i < S.count; i++) {
    labelStart[i] = labelKey.length;
    for (let k = S.labelStart[i]; k < S.labelStart[i + 1]; k++) {
      // Numeric labels live in another map in pprof: only string ones are replaced.
      if (S.labelKey[k] === keyIdx && S.labelStr[k] !== 0) continue;
      push(S.labelKey[k], S.labelStr[k], S.labelNum[k], S.labelNumUnit[k]);
    }
    for (const v of valueIdx) push(keyIdx, v, 0, 0);
  }
  labelStart[S.count] = labelKey.length;
  return {
    ...p,
    strings,
    samples: {
      ...S,
      labelStart,
      labelKey: Uint32Array.from(labelKey),
      labelStr: Uint32Array.from(labelStr),
      labelNum: Float64Array.from(labelNum),
      labelNumUnit: Uint32Array.from(labelNumUnit),
    },
  };
}
