// A small pointer-based profile, shaped like pprof's Go structs, that the
// legacy readers fill exactly as pprof's legacy_profile.go does (pprof's
// renumbering and mapping heuristics work on object identity), then convert
// once into the columnar model.
import { ProfileBuilder, type BuilderLabel } from '../builder';
import type { Profile } from '../model';

export interface LMapping {
  id: number;
  start: bigint;
  limit: bigint;
  offset: bigint;
  file: string;
  buildId: string;
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
}

export interface LFunction {
  id: number;
  name: string;
  systemName: string;
  filename: string;
  startLine: number;
}

export interface LLine {
  fn: LFunction | null;
  line: number;
}

export interface LLocation {
  id: number;
  address: bigint;
  mapping: LMapping | null;
  lines: LLine[];
}

export interface LSample {
  locs: LLocation[];
  values: number[];
  labels?: Map<string, string[]>;
  numLabels?: Map<string, number[]>;
  numUnits?: Map<string, string[]>;
}

export interface LProfile {
  sampleTypes: [string, string][];
  periodType: [string, string] | null;
  period: number;
  durationNanos: number;
  timeNanos: bigint;
  comments: string[];
  samples: LSample[];
  locations: LLocation[];
  functions: LFunction[];
  mappings: LMapping[];
  dropFrames: string;
  keepFrames: string;
  defaultSampleType: string;
}

export function newLProfile(sampleTypes: [string, string][], periodType: [string, string] | null, period: number): LProfile {
  return {
    sampleTypes,
    periodType,
    period,
    durationNanos: 0,
    timeNanos: 0n,
    comments: [],
    samples: [],
    locations: [],
    functions: [],
    mappings: [],
    dropFrames: '',
    keepFrames: '',
    defaultSampleType: '',
  };
}

export function newMapping(start: bigint, limit: bigint, offset: bigint, file: string, buildId: string): LMapping {
  return {
    id: 0, start, limit, offset, file, buildId,
    hasFunctions: false, hasFilenames: false, hasLineNumbers: false, hasInlineFrames: false,
  };
}

/**
 * Interns locations by address, in first-seen order, as pprof's readers do
 * with their `locs` maps.
 */
export class LocationTable {
  readonly byAddress = new Map<bigint, LLocation>();
  constructor(private readonly p: LProfile) {}
  get(address: bigint): LLocation {
    let loc = this.byAddress.get(address);
    if (!loc) {
      loc = { id: 0, address, mapping: null, lines: [] };
      this.byAddress.set(address, loc);
      this.p.locations.push(loc);
    }
    return loc;
  }
}

/** Go's uint64 `addr--`. */
export function decAddr(a: bigint): bigint {
  return BigInt.asUintN(64, a - 1n);
}

/** Converts to the shared columnar model, keeping pprof's ids. */
export function toProfile(lp: LProfile): Profile {
  const b = new ProfileBuilder();
  for (const [t, u] of lp.sampleTypes) b.addSampleType(t, u);
  if (lp.periodType) b.periodType = b.valueType(lp.periodType[0], lp.periodType[1]);
  b.period = lp.period;
  b.durationNanos = lp.durationNanos;
  b.timeNanos = lp.timeNanos;
  b.comments = lp.comments.map((c) => b.string(c));
  b.dropFrames = b.string(lp.dropFrames);
  b.keepFrames = b.string(lp.keepFrames);
  b.defaultSampleType = b.string(lp.defaultSampleType);

  const mapIndex = new Map<LMapping, number>();
  for (const m of lp.mappings) {
    mapIndex.set(
      m,
      b.addMapping({
        id: m.id, start: m.start, limit: m.limit, offset: m.offset,
        file: b.string(m.file), buildId: b.string(m.buildId),
        hasFunctions: m.hasFunctions, hasFilenames: m.hasFilenames,
        hasLineNumbers: m.hasLineNumbers, hasInlineFrames: m.hasInlineFrames,
      }),
    );
  }
  const fnIndex = new Map<LFunction, number>();
  for (const f of lp.functions) fnIndex.set(f, b.addFunction(f.name, f.systemName, f.filename, f.startLine, f.id));
  const locIndex = new Map<LLocation, number>();
  for (const l of lp.locations) {
    const lines = l.lines.map((ln) => ({ function: ln.fn ? (fnIndex.get(ln.fn) ?? -1) : -1, line: ln.line }));
    const mi = l.mapping ? (mapIndex.get(l.mapping) ?? -1) : -1;
    locIndex.set(l, b.addLocation(l.address, mi, lines, false, l.id));
  }
  for (const s of lp.samples) {
    const locs = s.locs.map((l) => {
      const i = locIndex.get(l);
      if (i === undefined) throw new Error('legacy reader bug: sample location missing from the table');
      return i;
    });
    const labels: BuilderLabel[] = [];
    if (s.labels) for (const [k, vs] of s.labels) for (const v of vs) labels.push({ key: k, str: v });
    if (s.numLabels) {
      for (const [k, vs] of s.numLabels) {
        const units = s.numUnits?.get(k);
        vs.forEach((v, i) => labels.push({ key: k, num: v, numUnit: units?.[i] || undefined }));
      }
    }
    b.addSample(locs, s.values, labels);
  }
  return b.build();
}

/**
 * A reader's "not my format" (pprof's errUnrecognized) that still knows what
 * looked wrong: if no other reader accepts the input, this is the message.
 */
export class Miss {
  constructor(readonly diagnosis: string) {}
}
