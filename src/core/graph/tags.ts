// Sample labels as graph tags (pprof's joinLabels and the numeric "bytes"
// tag that report.newGraph keeps), used by -dot's nodelets.
import type { Profile } from '../profile/model';
import { scaledLabel } from '../units/measurement';

export interface TagOptions {
  numLabelUnits: Map<string, string>;
  outputUnit: string; // 'minimum' unless -unit was given
}

export interface SampleTags {
  labels: string; // sorted "key:value" joined by a literal \n
  numeric: { name: string; unit: string; value: number }[];
}

/** Profile.NumLabelUnits: the unit of each numeric label key. */
export function numLabelUnits(p: Profile): Map<string, string> {
  const S = p.samples;
  const units = new Map<string, string>();
  const keys = new Set<string>();
  for (let i = 0; i < S.labelKey.length; i++) {
    if (S.labelStr[i] !== 0) continue;
    const k = p.strings[S.labelKey[i]];
    keys.add(k);
    const u = S.labelNumUnit[i] !== 0 ? p.strings[S.labelNumUnit[i]] : '';
    if (u !== '' && !units.has(k)) units.set(k, u);
  }
  for (const k of keys) {
    if (!units.get(k)) units.set(k, k === 'alignment' || k === 'request' ? 'bytes' : k);
  }
  return units;
}

export function collectSampleTags(p: Profile, s: number, o: TagOptions): SampleTags {
  const S = p.samples;
  const labels: string[] = [];
  const numeric: SampleTags['numeric'] = [];
  for (let i = S.labelStart[s]; i < S.labelStart[s + 1]; i++) {
    const k = p.strings[S.labelKey[i]];
    if (S.labelStr[i] !== 0) {
      if (k !== 'pprof::base') labels.push(k + ':' + p.strings[S.labelStr[i]]);
    } else if (k === 'bytes') {
      const unit = o.numLabelUnits.get(k) ?? k;
      const v = S.labelNum[i];
      numeric.push({ name: scaledLabel(v, unit, o.outputUnit), unit, value: v });
    }
  }
  labels.sort(goCompare);
  return { labels: labels.join('\\n'), numeric };
}

/** Go's string order (bytewise; equal to UTF-16 order for BMP text). */
export function goCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
