// Structural checks of a Profile, whatever produced it: at least as strict as
// pprof's CheckValid (ids non-zero and unique, sample values match the sample
// types, every line has a function), plus: every reference is a row of its
// table and every string index is inside the string table, so the rest of the
// code can index without checks.
import type { Profile } from './model';
import { ProfileError } from './errors';

function bad(msg: string): never {
  throw new ProfileError(`malformed profile: ${msg}`);
}

function checkIds(table: string, ids: ArrayLike<number>, n: number): void {
  let max = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (!(id > 0) || !Number.isInteger(id)) {
      bad(`Profile.${table}[${i}].id is ${id}: ids must be positive integers (0 is reserved for "none")`);
    }
    if (id > max) max = id;
  }
  // Dense ids (the usual 1..n) are checked with an array, others with a Map.
  const dense = max <= 4 * n + 1024 ? new Int32Array(max + 1).fill(-1) : null;
  const seen = dense ? null : new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const prev = dense ? dense[id] : (seen!.get(id) ?? -1);
    if (prev >= 0) bad(`Profile.${table}[${i}] and Profile.${table}[${prev}] have the same id ${id}: ids must be unique`);
    if (dense) dense[id] = i;
    else seen!.set(id, i);
  }
}

export interface ValidateOptions {
  /** false skips what a reader guarantees by construction: column lengths,
   * row references and the string indexes of functions and labels
   * (decodeProto resolves and checks those as it reads them). */
  rows?: boolean;
}

/** Throws a ProfileError naming the first problem found. */
export function validateProfile(p: Profile, opts: ValidateOptions = {}): void {
  const rows = opts.rows !== false;
  const nStr = p.strings.length;
  if (nStr === 0 || p.strings[0] !== '') bad('Profile.string_table[0] must be the empty string');
  const s = (where: string, v: number): void => {
    if (!(v >= 0 && v < nStr) || !Number.isInteger(v)) {
      bad(`${where} = ${v} is not an index of the string table (${nStr} strings)`);
    }
  };

  p.sampleTypes.forEach((vt, i) => {
    s(`Profile.sample_type[${i}].type`, vt.type);
    s(`Profile.sample_type[${i}].unit`, vt.unit);
  });
  if (p.periodType) {
    s('Profile.period_type.type', p.periodType.type);
    s('Profile.period_type.unit', p.periodType.unit);
  }
  s('Profile.drop_frames', p.dropFrames);
  s('Profile.keep_frames', p.keepFrames);
  s('Profile.default_sample_type', p.defaultSampleType);
  s('Profile.doc_url', p.docUrl);
  p.comments.forEach((c, i) => s(`Profile.comment[${i}]`, c));

  // Mappings.
  // A Float64Array like the other id columns, so checkIds sees one array type.
  checkIds('mapping', Float64Array.from(p.mappings, (m) => m.id), p.mappings.length);
  p.mappings.forEach((m, i) => {
    s(`Profile.mapping[${i}].filename`, m.file);
    s(`Profile.mapping[${i}].build_id`, m.buildId);
  });

  // Functions.
  const fn = p.functions;
  if (rows) for (const [col, a] of [['id', fn.id], ['name', fn.name], ['system_name', fn.systemName], ['filename', fn.filename], ['start_line', fn.startLine]] as const) {
    if (a.length !== fn.count) bad(`the function table's ${col} column has ${a.length} rows, expected ${fn.count}`);
  }
  checkIds('function', fn.id, fn.count);
  if (rows) for (let i = 0; i < fn.count; i++) {
    s(`Profile.function[${i}].name`, fn.name[i]);
    s(`Profile.function[${i}].system_name`, fn.systemName[i]);
    s(`Profile.function[${i}].filename`, fn.filename[i]);
  }

  // Locations and lines.
  const loc = p.locations;
  if (rows) for (const [col, a] of [['id', loc.id], ['mapping', loc.mapping], ['address', loc.address], ['is_folded', loc.isFolded]] as const) {
    if (a.length !== loc.count) bad(`the location table's ${col} column has ${a.length} rows, expected ${loc.count}`);
  }
  if (rows && loc.lineStart.length !== loc.count + 1) bad(`the location table's lineStart has ${loc.lineStart.length} entries, expected ${loc.count + 1}`);
  const nLines = loc.lineFunction.length;
  if (rows && (loc.lineNumber.length !== nLines || loc.lineColumn.length !== nLines)) bad('the line columns of the location table differ in length');
  checkIds('location', loc.id, loc.count);
  const nMap = p.mappings.length;
  for (let i = 0; i < loc.count; i++) {
    const m = loc.mapping[i];
    if (!rows) {
      // Lines still need a function: function_id 0 is "none", which Go 1.19's CheckValid rejects.
      for (let k = loc.lineStart[i]; k < loc.lineStart[i + 1]; k++) {
        if (loc.lineFunction[k] < 0) bad(`Profile.location[${i}] (id ${loc.id[i]}).line[${k - loc.lineStart[i]}] has no function (function_id 0)`);
      }
      continue;
    }
    if (m < -1 || m >= nMap) bad(`Profile.location[${i}] (id ${loc.id[i]}) refers to mapping row ${m}, but there are ${nMap} mappings`);
    const a = loc.lineStart[i];
    const b = loc.lineStart[i + 1];
    if (a > b || b > nLines) bad(`Profile.location[${i}] (id ${loc.id[i]}) has line entries ${a}..${b} outside the ${nLines} lines`);
    for (let k = a; k < b; k++) {
      const f = loc.lineFunction[k];
      if (f < 0) bad(`Profile.location[${i}] (id ${loc.id[i]}).line[${k - a}] has no function (function_id 0)`);
      if (f >= fn.count) bad(`Profile.location[${i}] (id ${loc.id[i]}).line[${k - a}] refers to function row ${f}, but there are ${fn.count} functions`);
    }
  }
  if (rows && loc.lineStart[loc.count] !== nLines) bad(`the location table's lineStart ends at ${loc.lineStart[loc.count]}, expected ${nLines}`);

  // Samples.
  const sm = p.samples;
  const nT = p.sampleTypes.length;
  if (nT === 0 && sm.count > 0) bad(`the profile has ${sm.count} samples but no sample types (Profile.sample_type is empty)`);
  if (!rows) return;
  if (sm.values.length !== nT) bad(`the samples have ${sm.values.length} value columns, but the profile has ${nT} sample types`);
  sm.values.forEach((v, t) => {
    if (v.length !== sm.count) bad(`value column ${t} has ${v.length} entries, expected one per sample (${sm.count})`);
  });
  if (sm.stackStart.length !== sm.count + 1 || sm.labelStart.length !== sm.count + 1) bad('the sample table\'s start columns must have count+1 entries');
  const nStack = sm.stackLocs.length;
  const nLabels = sm.labelKey.length;
  if (sm.stackStart[sm.count] !== nStack) bad(`the sample table's stackStart ends at ${sm.stackStart[sm.count]}, expected ${nStack}`);
  if (sm.labelStart[sm.count] !== nLabels) bad(`the sample table's labelStart ends at ${sm.labelStart[sm.count]}, expected ${nLabels}`);
  if (sm.labelStr.length !== nLabels || sm.labelNum.length !== nLabels || sm.labelNumUnit.length !== nLabels) bad('the label columns differ in length');
  for (let i = 0; i < sm.count; i++) {
    const a = sm.stackStart[i];
    const b = sm.stackStart[i + 1];
    if (a > b) bad(`Profile.sample[${i}] has a stack ${a}..${b} that runs backwards`);
    const la = sm.labelStart[i];
    const lb = sm.labelStart[i + 1];
    if (la > lb) bad(`Profile.sample[${i}] has labels ${la}..${lb} that run backwards`);
  }
  for (let k = 0; k < nStack; k++) {
    if (sm.stackLocs[k] >= loc.count) {
      let i = 0;
      while (sm.stackStart[i + 1] <= k) i++;
      bad(`Profile.sample[${i}].location[${k - sm.stackStart[i]}] refers to location row ${sm.stackLocs[k]}, but there are ${loc.count} locations`);
    }
  }
  for (let k = 0; k < nLabels; k++) {
    const where = (): string => {
      let i = 0;
      while (sm.labelStart[i + 1] <= k) i++;
      return `Profile.sample[${i}].label[${k - sm.labelStart[i]}]`;
    };
    if (sm.labelKey[k] >= nStr) s(`${where()}.key`, sm.labelKey[k]);
    if (sm.labelStr[k] >= nStr) s(`${where()}.str`, sm.labelStr[k]);
    if (sm.labelNumUnit[k] >= nStr) s(`${where()}.num_unit`, sm.labelNumUnit[k]);
  }
}
