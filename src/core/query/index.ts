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
import { filterSamplesByName } from './filter-by-name';
import { showFrom } from './show-from';
import { filterSamplesByTag, filterTagsByName } from './filter-by-tag';
import { compileTagFilter, type CompiledTagFilter } from './tag-filter';
import { pruneFrom } from './prune-from';
import { numLabelUnits } from './labels';
import { addLabelNodes } from './label-nodes';

export interface QueryResult {
  /** The filtered profile: new sample table, possibly new location lines; other tables shared. */
  profile: Profile;
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
export function applyQuery(p: Profile, o: Options): QueryResult {
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
  if (relative) q = withWarnings(() => applyFocus(q, o, units, warnings));
  const sampleIndex = withWarnings(() => sampleIndexByName(q, o.sampleIndex));
  const meanIndex = o.mean ? 0 : -1;
  const st = q.sampleTypes[sampleIndex];
  const type = q.strings[st.type] ?? '';
  const values = q.samples.values[sampleIndex];
  const total = computeTotal(q, values, o.mean ? q.samples.values[0] : null);
  if (!relative) q = withWarnings(() => applyFocus(q, o, units, warnings));

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
