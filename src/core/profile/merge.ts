// pprof's profile.Merge (google/pprof profile/merge.go, as vendored in Go 1.19):
// merges profiles into a new, compacted one. Samples with the same stack and
// labels are summed; locations, functions and mappings are deduplicated by
// content and renumbered 1..n in order of first use; all-zero samples are
// dropped. Merge([p]) is pprof's Compact(), and the driver runs it on every
// profile it loads, so `-raw` shows merged ids even for a single source.
//
// Entities (mappings, functions, locations) are merged in merge-entities.ts,
// samples over typed arrays in merge-samples.ts.
import { ProfileBuilder } from './builder';
import { ProfileError } from './errors';
import { EntityMerger } from './merge-entities';
import { SampleMerger } from './merge-samples';
import { str, type Profile, type ValueType } from './model';

export { sampleLabels } from './sample-labels';

export interface MergeOptions {
  /**
   * Let a single source that survives whole share its stack and value columns
   * with the result (default true). false always copies: the same profile,
   * built the general way (tests compare the two).
   */
  share?: boolean;
}

/** Merges srcs (at least one) into a new compacted profile. */
export function mergeProfiles(srcs: Profile[], o: MergeOptions = {}): Profile {
  if (srcs.length === 0) throw new ProfileError('no profiles to merge');
  const b = combineHeaders(srcs);
  const entities = new EntityMerger(b);
  let total = 0;
  for (const src of srcs) total += src.samples.count;
  const samples = new SampleMerger(b.sampleTypes.length, total);
  for (const src of srcs) {
    const memo = entities.startSource(src);
    samples.addSource(src, memo, (li) => entities.mapLocation(li));
  }
  // Samples that summed to zero are garbage-collected by merging again.
  const zero = samples.hasZeroSample();
  const table = samples.finish(b, o.share !== false && !zero);
  const p: Profile = { ...b.build(), samples: table };
  return zero ? mergeProfiles([p], o) : p;
}

function vtName(p: Profile, v: ValueType | null): string {
  return v ? `${str(p, v.type)}/${str(p, v.unit)}` : '/';
}

function sampleTypesName(p: Profile): string {
  return '[' + p.sampleTypes.map((t) => vtName(p, t)).join(' ') + ']';
}

/** pprof's Profile.compatible: same period type and same sample types. */
export function checkCompatible(a: Profile, b: Profile): void {
  if (vtName(a, a.periodType) !== vtName(b, b.periodType)) {
    throw new ProfileError(
      `cannot combine profiles: incompatible period types ${vtName(a, a.periodType)} and ${vtName(b, b.periodType)}`,
    );
  }
  if (sampleTypesName(a) !== sampleTypesName(b)) {
    throw new ProfileError(
      `cannot combine profiles: incompatible sample types ${sampleTypesName(a)} and ${sampleTypesName(b)}`,
    );
  }
}

function combineHeaders(srcs: Profile[]): ProfileBuilder {
  for (const s of srcs.slice(1)) checkCompatible(srcs[0], s);
  const first = srcs[0];
  const b = new ProfileBuilder();
  let timeNanos = 0n;
  let duration = 0;
  let period = 0;
  const comments: string[] = [];
  const seen = new Set<string>();
  let defaultSampleType = '';
  for (const s of srcs) {
    // As in pprof: a later zero time resets the minimum (the earliest nonzero
    // time wins only when no zero follows it).
    if (timeNanos === 0n || s.timeNanos < timeNanos) timeNanos = s.timeNanos;
    duration += s.durationNanos;
    if (period === 0 || period < s.period) period = s.period;
    for (const c of s.comments) {
      const text = str(s, c);
      if (!seen.has(text)) {
        seen.add(text);
        comments.push(text);
      }
    }
    if (defaultSampleType === '') defaultSampleType = str(s, s.defaultSampleType);
  }
  for (const st of first.sampleTypes) b.addSampleType(str(first, st.type), str(first, st.unit));
  b.dropFrames = b.string(str(first, first.dropFrames));
  b.keepFrames = b.string(str(first, first.keepFrames));
  b.timeNanos = timeNanos;
  b.durationNanos = duration;
  b.periodType = first.periodType ? b.valueType(str(first, first.periodType.type), str(first, first.periodType.unit)) : null;
  b.period = period;
  b.comments = comments.map((c) => b.string(c));
  b.defaultSampleType = b.string(defaultSampleType);
  b.docUrl = b.string(str(first, first.docUrl));
  return b;
}

