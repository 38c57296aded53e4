// Profile.SampleIndexByName: which sample type a report shows. Part B's
// applyQuery resolves this too; this copy serves until and besides it.
import type { Profile } from '../profile/model';
import { ProfileError } from '../profile/errors';

export function sampleIndexByName(p: Profile, sampleIndex: string | undefined): number {
  const types = p.sampleTypes.map((t) => p.strings[t.type] ?? '');
  if (types.length === 0) throw new ProfileError('profile has no samples');
  if (!sampleIndex) {
    const dst = p.strings[p.defaultSampleType] ?? '';
    if (dst !== '') {
      const i = types.indexOf(dst);
      if (i >= 0) return i;
    }
    return types.length - 1;
  }
  if (/^[+-]?\d+$/.test(sampleIndex)) {
    const i = Number(sampleIndex);
    if (i < 0 || i >= types.length) {
      throw new ProfileError(`sample_index ${sampleIndex} is outside the range [0..${types.length - 1}]`);
    }
    return i;
  }
  const noInuse = sampleIndex.startsWith('inuse_') ? sampleIndex.slice('inuse_'.length) : sampleIndex;
  for (let i = 0; i < types.length; i++) {
    if (types[i] === sampleIndex || types[i] === noInuse) return i;
  }
  throw new ProfileError(`sample_index "${sampleIndex}" must be one of: [${types.join(' ')}]`);
}
