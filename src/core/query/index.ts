// Everything pprof's driver does to a loaded profile before building a report
// (Go 1.19 internal/driver/driver.go generateRawReport + applyFocus): resolve
// the sample index, compute the total, then focus/ignore/hide/show,
// show_from, tagfocus/tagignore, tagshow/taghide and prune_from (after the
// -tagroot/-tagleaf pseudo frames), collecting
// pprof's warnings and its "Active filters:" entries.
//
// Granularity (profile.Aggregate) and drop_negative are not applied here: the
// graph does them (src/core/graph/frames.ts, build.ts).
import type { Profile } from '../profile/model';
import { ProfileError } from '../profile/errors';
import { sampleIndexByName } from '../report/sample-index';
import { computeTotal } from '../report/report';
import type { Options } from './options';
import { compileGoRegexp, GoRegexpError } from './go-regexp';
import { filterSamplesByName, selectByName } from './filter-by-name';
import { showFrom } from './show-from';
import { filterSamplesByTag, filterTagsByName, selectByTag } from './filter-by-tag';
import { compileTagFilter, type CompiledTagFilter } from './tag-filter';
import { pruneFrom } from './prune-from';
import { numLabelUnits } from './labels';
import { addLabelNodes } from './label-nodes';

export interface QueryResult {
  /** The filtered profile: new sample table, possibly new location lines; other tables shared. */
  profile: Profile;
  /**
   * With QueryMode.select: the samples of `profile` (then the input profile,
   * unfiltered) that the filters keep (1, else 0: the flame graph multiplies
   * by it); null = all. Without it, always null.
   */
  keep: Uint8Array | null;
  /** Index of the selected sample type. */
  sampleIndex: number;
  /** -mean: index of the value that divides (pprof uses value 0); -1 without -mean. */
  meanIndex: number;
  /** The type printed as `Type:` ("mean_" prefixed with -mean). */
  sampleType: string;
  /** The unit of the selected sample type. */
  sampleUnit: string;
  /**
   * pprof's report total: computed before the filters (so percentages are of
   * the whole profile), or after them with -relative_percentages.
   */
  total: number;
  /** Unit of each numeric label key (Profile.NumLabelUnits). */
  numLabelUnits: Map<string, string>;
  /** `Active filters:` entries, e.g. "focus=encodeRecord", in pprof's order, untruncated. */
  filters: string[];
  /** Lines pprof prints on stderr, in its order. */
  warnings: string[];
}

function regexOption(name: string, value: string | undefined): RegExp | null {
  if (!value) return null;
  try {
    return compileGoRegexp(value);
  } catch (e) {
    if (e instanceof GoRegexpError) throw new ProfileError(`parsing ${name} regexp: ${e.message}`);
    throw e;
  }
}

function tagOption(name: string, value: string | undefined, units: Map<string, string>, warnings: string[]): CompiledTagFilter | null {
  if (!value) return null;
  try {
    const f = compileTagFilter(name, value, units);
    warnings.push(...f.warnings);
    return f;
  } catch (e) {
    if (e instanceof GoRegexpError) throw new ProfileError(`parsing ${name} regexp: ${e.message}`);
    if (e instanceof RangeError) throw new ProfileError(e.message);
    throw e;
  }
}

function warnNoMatches(match: boolean, option: string, warnings: string[]): void {
  if (!match) warnings.push(`${option} expression matched no samples`);
}

export interface QueryMode {
  /**
   * When the options only select samples (focus, ignore, tagfocus, tagignore;
   * no hide, show, show_from, prune_from, tagroot, tagleaf, tagshow, taghide),
   * leave the profile as it is and return the selection in `keep`, found
   * through an index of the stacks (sample-postings.ts): for views that cache
   * work per profile and switch filters often. Other options filter as usual.
   */
  select?: boolean;
}

/** Whether the options only select whole samples, leaving stacks and labels alone. */
export function selectsOnly(o: Options): boolean {
  return !o.hide && !o.show && !o.showFrom && !o.pruneFrom && !o.tagRoot && !o.tagLeaf && !o.tagShow && !o.tagHide;
}

/** applyFocus's -focus/-ignore/-tagfocus/-tagignore as a selection of p's samples. */
function selectFocus(p: Profile, o: Options, units: Map<string, string>, warnings: string[]): Uint8Array | null {
  const focus = regexOption('focus', o.focus);
  const ignore = regexOption('ignore', o.ignore);
  const tagfocus = tagOption('tagfocus', o.tagFocus, units, warnings);
  const tagignore = tagOption('tagignore', o.tagIgnore, units, warnings);
  const byName = selectByName(p, focus, ignore);
  warnNoMatches(!focus || byName.focusMatched, 'Focus', warnings);
  warnNoMatches(!ignore || byName.ignoreMatched, 'Ignore', warnings);
  if (!tagfocus && !tagignore) return byName.keep;
  const byTag = selectByTag(p, tagfocus?.bind(p) ?? null, tagignore?.bind(p) ?? null, byName.keep);
  warnNoMatches(!tagfocus || byTag.focusMatched, 'TagFocus', warnings);
  warnNoMatches(!tagignore || byTag.ignoreMatched, 'TagIgnore', warnings);
  return byTag.keep;
}

/** driver_focus.go applyFocus. */
function applyFocus(p: Profile, o: Options, units: Map<string, string>, warnings: string[]): Profile {
  const focus = regexOption('focus', o.focus);
  const ignore = regexOption('ignore', o.ignore);
  const hide = regexOption('hide', o.hide);
  const show = regexOption('show', o.show);
  const showfrom = regexOption('show_from', o.showFrom);
  const tagfocus = tagOption('tagfocus', o.tagFocus, units, warnings);
  const tagignore = tagOption('tagignore', o.tagIgnore, units, warnings);
  const prunefrom = regexOption('prune_from', o.pruneFrom);

  const byName = filterSamplesByName(p, focus, ignore, hide, show);
  p = byName.profile;
  warnNoMatches(!focus || byName.focusMatched, 'Focus', warnings);
  warnNoMatches(!ignore || byName.ignoreMatched, 'Ignore', warnings);
  warnNoMatches(!hide || byName.hideMatched, 'Hide', warnings);
  warnNoMatches(!show || byName.showMatched, 'Show', warnings);

  if (showfrom) {
    const sf = showFrom(p, showfrom);
    p = sf.profile;
    warnNoMatches(sf.matched, 'ShowFrom', warnings);
  }

  if (tagfocus || tagignore) {
    const rows = filterSamplesByTag(p, tagfocus?.bind(p) ?? null, tagignore?.bind(p) ?? null);
    p = rows.profile;
    warnNoMatches(!tagfocus || rows.focusMatched, 'TagFocus', warnings);
    warnNoMatches(!tagignore || rows.ignoreMatched, 'TagIgnore', warnings);
  }

  // pprof compiles these after filtering: their error comes after the warnings above.
  let err: ProfileError | null = null;
  let tagshow: RegExp | null = null;
  let taghide: RegExp | null = null;
  try {
    tagshow = regexOption('tagshow', o.tagShow);
    taghide = regexOption('taghide', o.tagHide);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    err = e;
  }
  if (tagshow || taghide) {
    const t = filterTagsByName(p, tagshow, taghide);
    p = t.profile;
    warnNoMatches(!tagshow || t.showMatched, 'TagShow', warnings);
    warnNoMatches(!taghide || t.hideMatched, 'TagHide', warnings);
  }
  if (prunefrom) p = pruneFrom(p, prunefrom);
  if (err) throw err;
  return p;
}

/** Applies the options' sample selection and filters to p, as pprof does. */
export function applyQuery(p: Profile, o: Options, mode: QueryMode = {}): QueryResult {
  const warnings: string[] = [];
  const { units, ignored } = numLabelUnits(p);
  for (const k of [...ignored.keys()].sort()) {
    warnings.push(`For tag ${k} used unit ${units.get(k)}, also encountered unit(s) ${ignored.get(k)!.join(', ')}`);
  }
  // Label pseudo frames come first, so that the filters can match them.
  const nodes = addLabelNodes(p, o.tagRoot, o.tagLeaf, o.unit ?? 'minimum');
  p = nodes.profile;
  warnNoMatches(!o.tagRoot || nodes.rootMatched, 'TagRoot', warnings);
  warnNoMatches(!o.tagLeaf || nodes.leafMatched, 'TagLeaf', warnings);
  const relative = !!o.relativePercentages;
  const withWarnings = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      // pprof prints the warnings before the error: the message carries them.
      if (e instanceof ProfileError && warnings.length > 0) throw new ProfileError([...warnings, e.message].join('\n'));
      throw e;
    }
  };

  let q = p;
  let keep: Uint8Array | null = null;
  const select = mode.select === true && selectsOnly(o) && nodes.profile === p;
  const focus = () => {
    if (select) keep = withWarnings(() => selectFocus(q, o, units, warnings));
    else q = withWarnings(() => applyFocus(q, o, units, warnings));
  };
  if (relative) focus();
  const sampleIndex = withWarnings(() => sampleIndexByName(q, o.sampleIndex));
  const meanIndex = o.mean ? 0 : -1;
  const st = q.sampleTypes[sampleIndex];
  const type = q.strings[st.type] ?? '';
  const values = q.samples.values[sampleIndex];
  const total = computeTotal(q, values, o.mean ? q.samples.values[0] : null, keep);
  if (!relative) focus();

  const filters: string[] = [];
  const add = (k: string, v: string | undefined) => {
    if (v) filters.push(`${k}=${v}`);
  };
  add('focus', o.focus);
  add('ignore', o.ignore);
  add('hide', o.hide);
  add('show', o.show);
  add('show_from', o.showFrom);
  add('tagfocus', o.tagFocus);
  add('tagignore', o.tagIgnore);
  add('tagshow', o.tagShow);
  add('taghide', o.tagHide);

  return {
    profile: q,
    keep,
    sampleIndex,
    meanIndex,
    sampleType: (o.mean ? 'mean_' : '') + type,
    sampleUnit: q.strings[st.unit] ?? '',
    total,
    numLabelUnits: units,
    filters,
    warnings,
  };
}
