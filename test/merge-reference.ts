// TEST ORACLE: the object-per-sample merge that first passed every golden,
// kept verbatim so that the typed-array merge (src/core/profile/merge.ts) can
// be checked against it profile for profile. Not used by the product.

// pprof's profile.Merge (google/pprof profile/merge.go, as vendored in Go 1.19):
// merges profiles into a new, compacted one. Samples with the same stack and
// labels are summed; locations, functions and mappings are deduplicated by
// content and renumbered 1..n in order of first use; all-zero samples are
// dropped. Merge([p]) is pprof's Compact(), and the driver runs it on every
// profile it loads, so `-raw` shows merged ids even for a single source.
import { ProfileBuilder, type BuilderLabel } from '../src/core/profile/builder';
import { ProfileError } from '../src/core/profile/errors';
import { str, type Profile, type ValueType } from '../src/core/profile/model';

/** Merges srcs (at least one) into a new compacted profile. */
export function mergeProfilesReference(srcs: Profile[]): Profile {
  if (srcs.length === 0) throw new ProfileError('no profiles to merge');
  const b = combineHeaders(srcs);
  const m = new Merger(b);
  for (const src of srcs) {
    m.startSource(src);
    // The first mapping of a profile is its main binary: keep it first.
    if (m.mappingCount === 0 && src.mappings.length > 0) m.mapMapping(src, 0);
    for (let i = 0; i < src.samples.count; i++) {
      if (!isZeroSample(src, i)) m.mapSample(src, i);
    }
  }
  const p = m.finish();
  // Samples that summed to zero are garbage-collected by merging again.
  for (let i = 0; i < p.samples.count; i++) {
    if (isZeroSample(p, i)) return mergeProfilesReference([p]);
  }
  return p;
}

function isZeroSample(p: Profile, i: number): boolean {
  for (const col of p.samples.values) if (col[i] !== 0) return false;
  return true;
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

interface MapInfo {
  m: number; // merged mapping index
  offset: bigint; // added to addresses of the source mapping
}

// Sample accumulated in the merged profile.
interface OutSample {
  locs: number[];
  values: number[];
  labels: BuilderLabel[];
  lkey: string; // canonical text of the labels
}

function sameArray(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

class Merger {
  private samples = new Map<number, OutSample[]>();
  private sampleList: OutSample[] = [];
  private locations = new Map<string, number>();
  private functions = new Map<string, number>();
  private mappings = new Map<string, number>();
  // Per-source memo tables, by source row index.
  private locByIdx: Int32Array = new Int32Array(0);
  private fnByIdx: Int32Array = new Int32Array(0);
  private mapByIdx: (MapInfo | undefined)[] = [];

  constructor(private b: ProfileBuilder) {}

  get mappingCount(): number {
    return this.b.mappings.length;
  }

  startSource(src: Profile): void {
    this.locByIdx = new Int32Array(src.locations.count).fill(-1);
    this.fnByIdx = new Int32Array(src.functions.count).fill(-1);
    this.mapByIdx = new Array(src.mappings.length);
  }

  mapMapping(src: Profile, mi: number): MapInfo {
    const known = this.mapByIdx[mi];
    if (known) return known;
    const sm = src.mappings[mi];
    const key = mappingKey(src, mi);
    const existing = this.mappings.get(key);
    if (existing !== undefined) {
      const info = { m: existing, offset: this.b.mappings[existing].start - sm.start };
      this.mapByIdx[mi] = info;
      return info;
    }
    const idx = this.b.addMapping({
      id: this.b.mappings.length + 1,
      start: sm.start,
      limit: sm.limit,
      offset: sm.offset,
      file: this.b.string(str(src, sm.file)),
      buildId: this.b.string(str(src, sm.buildId)),
      hasFunctions: sm.hasFunctions,
      hasFilenames: sm.hasFilenames,
      hasLineNumbers: sm.hasLineNumbers,
      hasInlineFrames: sm.hasInlineFrames,
    });
    this.mappings.set(key, idx);
    const info = { m: idx, offset: 0n };
    this.mapByIdx[mi] = info;
    return info;
  }

  private mapFunction(src: Profile, fi: number): number {
    if (fi < 0) return -1;
    const known = this.fnByIdx[fi];
    if (known >= 0) return known;
    const f = src.functions;
    const name = str(src, f.name[fi]);
    const sys = str(src, f.systemName[fi]);
    const file = str(src, f.filename[fi]);
    const start = f.startLine[fi];
    const key = `${start}\u0000${name}\u0000${sys}\u0000${file}`;
    let out = this.functions.get(key);
    if (out === undefined) {
      out = this.b.addFunction(name, sys, file, start);
      this.functions.set(key, out);
    }
    this.fnByIdx[fi] = out;
    return out;
  }

  private mapLocation(src: Profile, li: number): number {
    const known = this.locByIdx[li];
    if (known >= 0) return known;
    const L = src.locations;
    let mapping = -1;
    let offset = 0n;
    if (L.mapping[li] >= 0) {
      const info = this.mapMapping(src, L.mapping[li]);
      mapping = info.m;
      offset = info.offset;
    }
    const address = BigInt.asUintN(64, L.address[li] + offset);
    const lines = [];
    for (let k = L.lineStart[li]; k < L.lineStart[li + 1]; k++) {
      lines.push({ function: this.mapFunction(src, L.lineFunction[k]), line: L.lineNumber[k], column: L.lineColumn[k] });
    }
    const folded = L.isFolded[li] === 1;
    // Key on the address relative to the mapping start (address space
    // randomization) and on the merged mapping and function ids.
    const m = mapping >= 0 ? this.b.mappings[mapping] : undefined;
    const rel = m ? BigInt.asUintN(64, address - m.start) : address;
    let key = `${rel.toString(16)}|${m ? m.id : 0}|${folded ? 1 : 0}`;
    for (const ln of lines) key += `|${ln.function >= 0 ? ln.function + 1 : ''}:${ln.line}`;
    let out = this.locations.get(key);
    if (out === undefined) {
      out = this.b.addLocation(address, mapping, lines, folded);
      this.locations.set(key, out);
    }
    this.locByIdx[li] = out;
    return out;
  }

  mapSample(src: Profile, i: number): void {
    const S = src.samples;
    const start = S.stackStart[i];
    const n = S.stackStart[i + 1] - start;
    const locs = new Array<number>(n);
    // Identity = merged stack + labels; hashed to avoid building a string key
    // per sample (that alone took a third of a second on 28k samples).
    let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
    const memo = this.locByIdx;
    for (let j = 0; j < n; j++) {
      const li = S.stackLocs[start + j];
      const known = memo[li];
      const l = known >= 0 ? known : this.mapLocation(src, li);
      locs[j] = l;
      h = Math.imul(h ^ l, 0x01000193);
    }
    const labels = S.labelStart[i + 1] > S.labelStart[i] ? sampleLabels(src, i) : [];
    const lkey = labels.length > 0 ? labelsKey(labels) : '';
    for (let j = 0; j < lkey.length; j++) h = Math.imul(h ^ lkey.charCodeAt(j), 0x01000193);
    let bucket = this.samples.get(h);
    if (bucket) {
      for (const s of bucket) {
        if (s.lkey === lkey && sameArray(s.locs, locs)) {
          for (let t = 0; t < S.values.length; t++) s.values[t] += S.values[t][i];
          return;
        }
      }
    } else {
      bucket = [];
      this.samples.set(h, bucket);
    }
    const values = new Array<number>(S.values.length);
    for (let t = 0; t < values.length; t++) values[t] = S.values[t][i];
    const s: OutSample = { locs, values, labels, lkey };
    bucket.push(s);
    this.sampleList.push(s);
  }

  finish(): Profile {
    for (const s of this.sampleList) this.b.addSample(s.locs, s.values, s.labels);
    return this.b.build();
  }
}

// pprof's mapping key: size rounded up to 4 KiB, offset, and build id or file.
function mappingKey(p: Profile, mi: number): string {
  const m = p.mappings[mi];
  let size = BigInt.asUintN(64, m.limit - m.start);
  size = BigInt.asUintN(64, size + 0xfffn);
  size -= size % 0x1000n;
  const buildId = str(p, m.buildId);
  const who = buildId !== '' ? buildId : str(p, m.file);
  return `${size.toString(16)}|${m.offset.toString(16)}|${who}`;
}

function byKey(a: BuilderLabel, b: BuilderLabel): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The labels of sample i as pprof holds them after decoding: string labels,
 * then numeric ones, each sorted by key (stable within a key), which is also
 * the order pprof encodes them in. A numeric label with value 0 and no unit is
 * dropped, as pprof's decoder does.
 */
export function sampleLabels(p: Profile, i: number): BuilderLabel[] {
  const S = p.samples;
  const strs: BuilderLabel[] = [];
  const nums: BuilderLabel[] = [];
  for (let k = S.labelStart[i]; k < S.labelStart[i + 1]; k++) {
    const key = str(p, S.labelKey[k]);
    if (S.labelStr[k] !== 0) {
      strs.push({ key, str: str(p, S.labelStr[k]) });
    } else if (S.labelNum[k] !== 0 || S.labelNumUnit[k] !== 0) {
      const l: BuilderLabel = { key, num: S.labelNum[k] };
      if (S.labelNumUnit[k] !== 0) l.numUnit = str(p, S.labelNumUnit[k]);
      nums.push(l);
    }
  }
  return [...strs.sort(byKey), ...nums.sort(byKey)];
}

// Canonical text of a (sorted) label list, for sample identity.
function labelsKey(labels: BuilderLabel[]): string {
  let k = '';
  for (const l of labels) {
    k += l.str !== undefined ? `s${JSON.stringify(l.key)}${JSON.stringify(l.str)}` : `n${JSON.stringify(l.key)}${l.num}:${JSON.stringify(l.numUnit ?? '')}`;
  }
  return k;
}
