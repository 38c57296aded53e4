// What pprof's driver does to the profiles it loads before any report
// (google/pprof internal/driver/fetch.go: fetchProfiles, chunkedGrab,
// concurrentGrab, combineProfiles, locateBinaries): every source is merged
// (even a single one, which compacts it), bases are negated and merged in
// (-base), or also labelled pprof::base=true (-diff_base), and drop_frames is
// applied.
import { mergeProfiles } from './merge';
import { mappingKey } from './merge-entities';
import type { Profile } from './model';
import { removeUninteresting } from './prune-frames';
import { normalizeTo, scaleProfile } from './scale-values';
import { setLabel } from './set-label';
import { unifyUnits } from './unify-units';

export interface CombineOptions {
  /** -diff_base: label base samples pprof::base=true (else -base). */
  diffBase?: boolean;
  /** -normalize: scale the sources to the base's totals. */
  normalize?: boolean;
  /**
   * The report only sums sample values per frame (-top, -tree, -peek, -list,
   * -dot): a lone source that Merge could not change for such a report is
   * used as read (see mergeChangesSums), saving a pass over every stack.
   */
  sumsOnly?: boolean;
}

/** pprof's combineProfiles: common units, then Merge. */
export function combineProfiles(profiles: Profile[]): Profile {
  return mergeProfiles(unifyUnits(profiles));
}

/** locateBinaries without binaries: a profile with no mapping gets a fake one. */
export function addFakeMapping(p: Profile): Profile {
  if (p.mappings.length > 0) return p;
  const fake = {
    id: 1,
    start: 0n,
    limit: 0n,
    offset: 0n,
    file: 0,
    buildId: 0,
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false,
  };
  return { ...p, mappings: [fake], locations: { ...p.locations, mapping: new Int32Array(p.locations.count) } };
}

// pprof merges sources in chunks of 64 (to bound memory); the grouping is
// observable (zero-sum samples vanish per chunk), so keep it.
function grab(sources: Profile[]): Profile {
  let p: Profile | null = null;
  for (let i = 0; i < sources.length; i += 64) {
    const chunk = combineProfiles(sources.slice(i, i + 64).map(addFakeMapping));
    p = p ? combineProfiles([p, chunk]) : chunk;
  }
  if (!p) throw new Error('grab: no sources');
  return p;
}

/**
 * The profile pprof reports on, from the parsed sources (at least one) and
 * bases (-base / -diff_base; may be empty).
 */
export function loadProfiles(sources: Profile[], bases: Profile[] = [], o: CombineOptions = {}): Profile {
  if (o.sumsOnly && sources.length === 1 && bases.length === 0 && !mergeChangesSums(sources[0])) {
    return removeUninteresting(addFakeMapping(unifyUnits(sources)[0]));
  }
  let p = grab(sources);
  if (bases.length > 0) {
    let base = grab(bases);
    if (o.diffBase) base = setLabel(base, 'pprof::base', ['true']);
    if (o.normalize) p = normalizeTo(p, base);
    base = scaleProfile(base, -1);
    p = combineProfiles([p, base]);
  }
  return removeUninteresting(p);
}

/**
 * Whether pprof's Merge of a lone profile could change the sums of its sample
 * values per frame. Merge sums samples with equal stacks and labels, drops
 * all-zero samples (the graph skips those too) and renumbers entities; equal
 * functions or locations are one graph node either way. It changes sums when
 * samples may cancel out (a negative value: a node could vanish) or when two
 * mappings share a key (Merge moves the second one's addresses).
 */
export function mergeChangesSums(p: Profile): boolean {
  for (const v of p.samples.values) for (let i = 0; i < v.length; i++) if (v[i] < 0) return true;
  const keys = new Set<string>();
  for (let m = 0; m < p.mappings.length; m++) keys.add(mappingKey(p, m));
  return keys.size !== p.mappings.length;
}
