import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GO, PPROF_TESTDATA } from '../../../test/fixtures';
import { cat, lf, P, packed, smallProfile, str, strings, tag, u8, varint, vf } from '../../../test/proto-writer';
import { decodeProto, ProtoDecodeError } from './decode-proto';
import { encodeProto } from './encode-proto';
import { ProfileError } from './errors';
import type { Profile } from './model';

const goProfiles = readdirSync(GO).filter((f) => f.endsWith('.pb.gz')).sort();
const load = (file: string): Uint8Array => new Uint8Array(gunzipSync(readFileSync(file)));
const S = (p: Profile, i: number): string => p.strings[i];

/** The error thrown by fn (fails the test when nothing is thrown). */
function errorOf(fn: () => unknown): ProfileError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return e as ProfileError;
  }
  throw new Error('expected a ProfileError, nothing was thrown');
}

/**
 * The first difference between two profiles, or null. Typed arrays are compared
 * with a plain loop: vitest's deep equality takes seconds on 600k-entry columns.
 */
function firstDifference(a: unknown, b: unknown, at = 'Profile'): string | null {
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor) return `${at}: different array types`;
    const x = a as unknown as ArrayLike<unknown>;
    const y = b as unknown as ArrayLike<unknown>;
    if (x.length !== y.length) return `${at}: length ${x.length} vs ${y.length}`;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `${at}[${i}]: ${String(x[i])} vs ${String(y[i])}`;
    return null;
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? null : `${at}: ${String(a)} vs ${String(b)}`;
  }
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join() !== kb.join()) return `${at}: keys ${ka.join()} vs ${kb.join()}`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return null;
}

// What `go tool pprof -raw` printed for the fixture, parsed enough to compare.
interface Raw {
  periodType: string;
  period: number;
  time: string;
  samples: { values: number[]; locs: number[]; labels: string[] }[];
  locations: Map<number, { address: bigint; mapping: number; lines: string[] }>;
  mapping1: { start: bigint; limit: bigint; offset: bigint; file: string };
}
function readRaw(file: string): Raw {
  const lines = readFileSync(file, 'utf8').split('\n');
  const raw: Raw = { periodType: '', period: 0, time: '', samples: [], locations: new Map(), mapping1: { start: 0n, limit: 0n, offset: 0n, file: '' } };
  let section = '';
  type RawLoc = { address: bigint; mapping: number; lines: string[] };
  let lastLoc: RawLoc | null = null;
  for (const l of lines) {
    if (l.startsWith('PeriodType: ')) raw.periodType = l.slice(12);
    else if (l.startsWith('Period: ')) raw.period = Number(l.slice(8));
    else if (l.startsWith('Time: ')) raw.time = l.slice(6);
    else if (l === 'Samples:' || l === 'Locations' || l === 'Mappings') section = l;
    else if (section === 'Samples:' && /^\s+-?\d/.test(l) && l.includes(':')) {
      const [vals, locs] = l.split(':');
      raw.samples.push({ values: vals.trim().split(/\s+/).map(Number), locs: locs.trim().split(/\s+/).filter(Boolean).map(Number), labels: [] });
    } else if (section === 'Samples:' && /^\s{16}\S/.test(l)) {
      raw.samples[raw.samples.length - 1].labels.push(...l.trim().split(' '));
    } else if (section === 'Locations') {
      const m = /^\s*(\d+): (0x[0-9a-f]+) (?:M=(\d+) )?(.*)$/.exec(l);
      if (m) {
        const loc: RawLoc = { address: BigInt(m[2]), mapping: Number(m[3] ?? 0), lines: m[4] ? [m[4]] : [] };
        raw.locations.set(Number(m[1]), loc);
        lastLoc = loc;
      } else if (l.trim() && lastLoc) lastLoc.lines.push(l.trim());
    } else if (section === 'Mappings' && l.startsWith('1: ')) {
      const m = /^1: (0x[0-9a-f]+)\/(0x[0-9a-f]+)\/(0x[0-9a-f]+) (\S*)/.exec(l)!;
      raw.mapping1 = { start: BigInt(m[1]), limit: BigInt(m[2]), offset: BigInt(m[3]), file: m[4] };
    }
  }
  return raw;
}

/** Labels of sample i as -raw prints them: key:[v1 v2] sorted, string labels then numeric. */
function labelsOf(p: Profile, i: number): string[] {
  const s = p.samples;
  const str = new Map<string, string[]>();
  const num = new Map<string, string[]>();
  for (let k = s.labelStart[i]; k < s.labelStart[i + 1]; k++) {
    const key = S(p, s.labelKey[k]);
    if (s.labelStr[k] !== 0) str.set(key, [...(str.get(key) ?? []), S(p, s.labelStr[k])]);
    else num.set(key, [...(num.get(key) ?? []), String(s.labelNum[k])]);
  }
  const fmt = (m: Map<string, string[]>): string[] => [...m].map(([k, v]) => `${k}:[${v.join(' ')}]`).sort();
  return [...fmt(str), ...fmt(num)];
}

describe('decodeProto on real profiles', () => {
  it('finds the fixtures', () => {
    expect(goProfiles.length).toBeGreaterThanOrEqual(13);
  });

  it('compares profiles column by column', () => {
    const a = decodeProto(u8(smallProfile()));
    const b = decodeProto(u8(smallProfile()));
    expect(firstDifference(a, b)).toBeNull();
    b.locations.address[1] = 1n;
    expect(firstDifference(a, b)).toBe('Profile.locations.address[1]: 4202496 vs 1');
    b.locations.address[1] = a.locations.address[1];
    b.samples.values[1] = new Float64Array(2);
    expect(firstDifference(a, b)).toBe('Profile.samples.values.1[0]: 10000000 vs 0');
    b.samples.values[1] = a.samples.values[1];
    b.strings.push('extra');
    expect(firstDifference(a, b)).toBe('Profile.strings: keys 0,1,10,11,2,3,4,5,6,7,8,9 vs 0,1,10,11,12,2,3,4,5,6,7,8,9');
  });

  for (const f of [...goProfiles.map((g) => path.join(GO, g)), path.join(PPROF_TESTDATA, 'large.cpu'), path.join(PPROF_TESTDATA, 'sample.cpu')]) {
    it(`decodes and round-trips ${path.basename(f)}`, { timeout: 120_000 }, () => {
      const p = decodeProto(load(f));
      expect(p.samples.count).toBeGreaterThan(0);
      expect(p.strings[0]).toBe('');
      const again = decodeProto(encodeProto(p));
      expect(firstDifference(again, p)).toBeNull();
    });
  }

  for (const g of goProfiles.filter((g) => existsSync(path.join(GO, g.replace('.pb.gz', ''), 'raw.txt')))) {
    it(`matches go tool pprof -raw for ${g}`, () => {
      const p = decodeProto(load(path.join(GO, g)));
      const raw = readRaw(path.join(GO, g.replace('.pb.gz', ''), 'raw.txt'));
      expect(`${S(p, p.periodType!.type)} ${S(p, p.periodType!.unit)}`).toBe(raw.periodType);
      expect(p.period).toBe(raw.period);
      // -raw prints Time in UTC with nanoseconds: rebuild it from time_nanos.
      const ms = Number(p.timeNanos / 1000000n);
      const iso = new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
      const frac = String(p.timeNanos % 1000000000n).padStart(9, '0').replace(/0+$/, '');
      expect(raw.time).toBe(`${iso}${frac ? `.${frac}` : ''} +0000 UTC`);
      // -raw shows the profile after pprof's merge: samples with an empty stack
      // or only zero values are left out, and locations are renumbered in order
      // of appearance. So stacks are compared by content: address and lines.
      const L = p.locations;
      const ours = (l: number): string => {
        const lines: string[] = [];
        for (let k = L.lineStart[l]; k < L.lineStart[l + 1]; k++) {
          const fi = L.lineFunction[k];
          lines.push(`${S(p, p.functions.name[fi])} ${S(p, p.functions.filename[fi])}:${L.lineNumber[k]} s=${p.functions.startLine[fi]}`);
        }
        return `0x${L.address[l].toString(16)} ${lines.join(' | ')}`;
      };
      const theirs = (id: number): string => {
        const r = raw.locations.get(id)!;
        return `0x${r.address.toString(16)} ${r.lines.join(' | ')}`;
      };
      const kept: number[] = [];
      for (let i = 0; i < p.samples.count; i++) {
        const empty = p.samples.stackStart[i + 1] === p.samples.stackStart[i];
        if (!empty && p.samples.values.some((v) => v[i] !== 0)) kept.push(i);
      }
      expect(kept.length).toBe(raw.samples.length);
      expect(raw.locations.size).toBeGreaterThan(0);
      kept.forEach((i, k) => {
        const r = raw.samples[k];
        expect(p.sampleTypes.map((_, t) => p.samples.values[t][i])).toEqual(r.values);
        const locs = Array.from(p.samples.stackLocs.subarray(p.samples.stackStart[i], p.samples.stackStart[i + 1]));
        expect(locs.map(ours)).toEqual(r.locs.map(theirs));
        expect(labelsOf(p, i)).toEqual(r.labels);
      });
      const m = p.mappings.find((x) => S(p, x.file) === raw.mapping1.file)!;
      expect({ start: m.start, limit: m.limit, offset: m.offset, file: S(p, m.file) }).toEqual(raw.mapping1);
    });
  }

  it('keeps the vsyscall mapping bound above 2^53 exactly', () => {
    const p = decodeProto(load(path.join(GO, 'cpu.pb.gz')));
    const vs = p.mappings.find((m) => S(p, m.file) === '[vsyscall]');
    expect(vs?.start).toBe(0xffffffffff600000n);
    expect(vs?.limit).toBe(0xffffffffff601000n);
  });

  it('reads the counts the fixtures README gives for cpu.pb.gz and large.pb.gz', { timeout: 60_000 }, () => {
    const cpu = decodeProto(load(path.join(GO, 'cpu.pb.gz')));
    expect([cpu.samples.count, cpu.locations.count, cpu.functions.count]).toEqual([1175, 1272, 319]);
    let samples = 0;
    cpu.samples.values[0].forEach((v) => (samples += v));
    expect(samples).toBe(1814);
    // Go writes no default_sample_type for CPU profiles (pprof then shows the last type).
    expect(cpu.defaultSampleType).toBe(0);
    const large = decodeProto(load(path.join(GO, 'large.pb.gz')));
    expect([large.samples.count, large.locations.count, large.functions.count]).toEqual([28498, 14201, 1912]);
  });

  it('reads negative values of a delta heap profile', () => {
    const p = decodeProto(load(path.join(GO, 'heap.delta.pb.gz')));
    const inuse = p.sampleTypes.findIndex((t) => S(p, t.type) === 'inuse_space');
    let sum = 0;
    let neg = 0;
    p.samples.values[inuse].forEach((v) => ((sum += v), (neg += v < 0 ? 1 : 0)));
    expect(sum).toBe(-7000421);
    expect(neg).toBe(30);
  });
});

describe('decodeProto on crafted inputs', () => {
  it('reads every field of a small profile', () => {
    const p = decodeProto(u8(smallProfile()));
    expect(p.sampleTypes.map((t) => `${S(p, t.type)}/${S(p, t.unit)}`)).toEqual(['samples/count', 'cpu/nanoseconds']);
    expect(p.samples.count).toBe(2);
    expect(Array.from(p.samples.values[1])).toEqual([10000000, -30000000]);
    expect(Array.from(p.samples.stackLocs)).toEqual([0, 1, 1]);
    expect(Array.from(p.samples.labelStart)).toEqual([0, 2, 2]);
    expect(S(p, p.samples.labelKey[0])).toBe('k');
    expect(S(p, p.samples.labelStr[0])).toBe('v');
    expect(p.samples.labelNum[1]).toBe(4096);
    expect(S(p, p.samples.labelNumUnit[1])).toBe('nanoseconds');
    expect(p.mappings).toEqual([
      { id: 1, start: 0x400000n, limit: 0x500000n, offset: 0n, file: 8, buildId: 0, hasFunctions: true, hasFilenames: false, hasLineNumbers: false, hasInlineFrames: false },
    ]);
    expect(Array.from(p.locations.lineStart)).toEqual([0, 2, 3]);
    expect(Array.from(p.locations.lineFunction)).toEqual([1, 0, 0]);
    expect(Array.from(p.locations.lineNumber)).toEqual([12, 30, 40]);
    expect(p.locations.address[1]).toBe(0x402000n);
    expect(Array.from(p.functions.startLine)).toEqual([3, 0]);
    expect(p.timeNanos).toBe(1700000000000000000n);
    expect(p.durationNanos).toBe(1e9);
    expect(p.period).toBe(10000000);
    expect(S(p, p.periodType!.type)).toBe('cpu');
  });

  it('reads packed and unpacked repeated fields alike, and skips unknown fields', () => {
    const packedForm = decodeProto(u8(smallProfile({ tail: cat(packed(P.comment, [7, 6, 5]), vf(P.docUrl, 6)) })));
    const unpacked = decodeProto(
      u8(
        smallProfile({
          samples: cat(
            lf(P.sample, vf(1, 1), vf(1, 2), vf(2, 1), vf(2, 10000000), lf(3, vf(1, 9), vf(2, 10)), lf(3, vf(1, 11), vf(3, 4096), vf(4, 4))),
            lf(P.sample, packed(1, [2]), packed(2, [3, -30000000])),
          ),
          tail: cat(vf(P.comment, 7), vf(200, 1), packed(P.comment, [6]), lf(201, [1, 2, 3]), tag(202, 1), [1, 2, 3, 4, 5, 6, 7, 8], tag(203, 5), [1, 2, 3, 4], vf(P.comment, 5), vf(P.docUrl, 6)),
        }),
      ),
    );
    expect(unpacked).toEqual(packedForm);
    expect(packedForm.comments).toEqual([7, 6, 5]);
  });

  it('reads 10-byte negative varints and 64-bit addresses exactly', () => {
    const p = decodeProto(
      u8(
        smallProfile({
          samples: lf(P.sample, vf(1, 1), vf(2, -1n), vf(2, -(2n ** 52n))),
          locations: cat(
            lf(P.location, vf(1, 1), vf(3, 0xffffffffffffffffn), lf(4, vf(1, 1), vf(2, -5))),
            lf(P.location, vf(1, 2), vf(2, 1), vf(3, 0xffffffffff600000n), lf(4, vf(1, 1))),
          ),
          tail: vf(P.timeNanos, -5n),
        }),
      ),
    );
    expect(varint(-1n).length).toBe(10);
    expect(p.samples.values[0][0]).toBe(-1);
    expect(p.samples.values[1][0]).toBe(-(2 ** 52));
    expect(p.locations.address[0]).toBe(0xffffffffffffffffn);
    expect(p.locations.address[1]).toBe(0xffffffffff600000n);
    expect(p.locations.mapping[0]).toBe(-1); // mapping_id absent (0) = none
    expect(p.locations.lineNumber[0]).toBe(-5);
    expect(p.timeNanos).toBe(-5n);
  });

  it('drops labels with neither string nor number nor unit, as pprof does', () => {
    const p = decodeProto(u8(smallProfile({ samples: lf(P.sample, vf(1, 1), packed(2, [1, 2]), lf(3, vf(1, 9)), lf(3, vf(1, 11), vf(3, 0), vf(4, 4))) })));
    expect(p.samples.labelKey.length).toBe(1);
    expect(S(p, p.samples.labelKey[0])).toBe('bytes');
    expect(S(p, p.samples.labelNumUnit[0])).toBe('nanoseconds');
  });

  it('decodes long and non-ASCII strings of the string table', () => {
    const long = 'x'.repeat(200) + '.Func'; // its length prefix takes 2 bytes (>= 0x80)
    const ascii = decodeProto(u8(strings(['', long, 'short', ''])));
    expect(ascii.strings).toEqual(['', long, 'short', '']);
    const mixed = ['', long, 'naïve.Fünc', '日本語', '\u{1F600}', 'a'];
    expect(decodeProto(u8(strings(mixed))).strings).toEqual(mixed);
  });

  it('accepts an empty profile that has only the string table', () => {
    const p = decodeProto(u8(strings([''])));
    expect(p.samples.count).toBe(0);
    expect(p.periodType).toBeNull();
  });
});

describe('decodeProto errors', () => {
  it('field number 0', () => {
    const e = errorOf(() => decodeProto(u8(cat(vf(0, 1), smallProfile()))));
    expect(e.message).toMatch(/field number 0 in Profile .*at byte 0\b/);
    const inner = errorOf(() => decodeProto(u8(smallProfile({ samples: lf(P.sample, vf(1, 1), packed(2, [1, 2]), vf(0, 3)) }))));
    expect(inner.message).toMatch(/field number 0 in Profile\.sample\[0\]/);
  });

  it('wrong wire type for a known field', () => {
    const e = errorOf(() => decodeProto(u8(smallProfile({ samples: lf(P.sample, vf(1, 1), tag(2, 1), [1, 0, 0, 0, 0, 0, 0, 0]) }))));
    expect(e.message).toMatch(/Profile\.sample\[0\]\.value \(Sample field 2\) has wire type 64-bit \(1\), expected varint \(0\) or packed \(2\)/);
    const top = errorOf(() => decodeProto(u8(cat(vf(P.sample, 3), smallProfile()))));
    expect(top.message).toMatch(/Profile\.sample .*wire type varint \(0\), expected length-delimited/);
    const fn = errorOf(() => decodeProto(u8(smallProfile({ functions: lf(P.function, vf(1, 1), str(2, 'x')) }))));
    expect(fn.message).toMatch(/Profile\.function\[0\]\.name .*length-delimited/);
    const loc = errorOf(() => decodeProto(u8(smallProfile({ locations: cat(lf(P.location, vf(1, 1), vf(4, 1)), lf(P.location, vf(1, 2))) }))));
    expect(loc.message).toMatch(/Profile\.location\[0\]\.line .*expected length-delimited/);
  });

  for (const wire of [3, 4, 6, 7]) {
    it(`invalid wire type ${wire}`, () => {
      const e = errorOf(() => decodeProto(u8(cat(smallProfile(), tag(42, wire), [0]))));
      expect(e.message).toMatch(new RegExp(`invalid wire type ${wire === 3 ? 'start-group' : wire === 4 ? 'end-group' : wire} .*field 42 in Profile\\b`));
      const inLine = errorOf(() => decodeProto(u8(smallProfile({ locations: lf(P.location, vf(1, 1), lf(4, vf(1, 1), tag(9, wire))) }))));
      expect(inLine.message).toMatch(/Profile\.location\[0\]\.line\[0\]/);
    });
  }

  it('overlong varint', () => {
    const bytes = cat(smallProfile(), tag(P.period, 0), new Array(10).fill(0x80), [0x01]);
    const e = errorOf(() => decodeProto(u8(bytes)));
    expect(e.message).toMatch(new RegExp(`varint longer than 10 bytes starting at byte ${bytes.length - 11}`));
  });

  it('length past the end', () => {
    const top = errorOf(() => decodeProto(u8(cat(smallProfile(), tag(P.sample, 2), varint(100), [8, 1]))));
    expect(top.message).toMatch(/Profile\.sample: length 100 .*runs past the end of the input .*only 2 bytes remain/);
    const nested = errorOf(() => decodeProto(u8(smallProfile({ samples: lf(P.sample, vf(1, 1), tag(3, 2), varint(9), vf(1, 9)) }))));
    expect(nested.message).toMatch(/Profile\.sample\[0\]\.label.*length 9 .*runs past the end of Profile\.sample\[0\], which ends at byte/);
  });

  it('truncated input, also inside the last varint', () => {
    const whole = smallProfile();
    // The profile ends with period = 10000000, a 4-byte varint: cut its last byte.
    const e = errorOf(() => decodeProto(u8(whole.slice(0, -1))));
    expect(e.message).toMatch(/truncated varint: the varint starting at byte \d+ runs past the end of the input/);
  });

  it('truncation at every byte offset gives a ProfileError or, at a field boundary after the strings, a smaller profile', () => {
    const tail = cat(vf(P.timeNanos, 1700000000000000000n), vf(P.durationNanos, 1e9), lf(P.periodType, vf(1, 3), vf(2, 4)), vf(P.period, 10000000));
    const whole = smallProfile({ tail });
    const afterStrings = whole.length - tail.length;
    for (let cut = 0; cut < whole.length; cut++) {
      let ok = false;
      try {
        decodeProto(u8(whole.slice(0, cut)));
        ok = true;
      } catch (e) {
        expect(e, `cut at ${cut}`).toBeInstanceOf(ProfileError);
      }
      if (ok) expect(cut, `cut at ${cut} decoded`).toBeGreaterThanOrEqual(afterStrings);
    }
    // Every cut of a real profile fails: Go writes the string table last.
    const mutex = load(path.join(GO, 'mutex.pb.gz'));
    let decoded = 0;
    for (let cut = 0; cut < mutex.length; cut++) {
      try {
        decodeProto(mutex.subarray(0, cut));
        decoded++;
      } catch (e) {
        if (!(e instanceof ProfileError)) throw e;
      }
    }
    expect(decoded).toBe(0);
  });

  it('random damage gives a profile or a ProfileError, never another exception', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const inputs = [u8(smallProfile()), load(path.join(GO, 'mutex.pb.gz'))];
    let errors = 0;
    for (const base of inputs) {
      for (let round = 0; round < 1500; round++) {
        const b = Array.from(base);
        for (let k = 1 + rnd(3); k > 0; k--) {
          const at = rnd(b.length);
          const op = rnd(3);
          if (op === 0) b[at] = rnd(256);
          else if (op === 1) b.splice(at, 0, rnd(256));
          else b.splice(at, 1);
        }
        try {
          decodeProto(u8(b));
        } catch (e) {
          if (!(e instanceof ProfileError)) throw e;
          errors++;
        }
      }
    }
    expect(errors).toBeGreaterThan(1000);
  }, 60_000);

  it('concatenated profiles', () => {
    const one = smallProfile();
    const e = errorOf(() => decodeProto(u8(cat(one, one))));
    expect(e).toBeInstanceOf(ProtoDecodeError);
    expect((e as ProtoDecodeError).kind).toBe('concatenated');
    const time = vf(P.timeNanos, 1700000000000000000n);
    const at = one.findIndex((_, i) => time.every((b, k) => one[i + k] === b));
    expect(at).toBeGreaterThan(0);
    expect(e.message).toMatch(new RegExp(`several profiles one after another .*time_nanos.*at byte ${one.length + at}\\b`));
  });

  it('string_table[0] not empty', () => {
    const e = errorOf(() => decodeProto(u8(smallProfile({ strings: strings(['x', 'samples', 'count', 'cpu', 'nanoseconds', 'main', 'main.go', 'foo', '/bin/app', 'k', 'v', 'bytes']) }))));
    expect(e.message).toMatch(/Profile\.string_table\[0\] must be the empty string, found "x"/);
  });

  it('missing string table', () => {
    const e = errorOf(() => decodeProto(u8(vf(P.period, 3))));
    expect(e.message).toMatch(/Profile\.string_table is missing/);
  });

  it('sample value count differs from the sample types', () => {
    const few = errorOf(() => decodeProto(u8(smallProfile({ samples: cat(lf(P.sample, vf(1, 1), packed(2, [1, 2])), lf(P.sample, vf(1, 1), vf(2, 5))) }))));
    expect(few.message).toMatch(/Profile\.sample\[1\]\.value has 1 values, but the profile has 2 sample types/);
    const many = errorOf(() => decodeProto(u8(smallProfile({ samples: lf(P.sample, vf(1, 1), packed(2, [1, 2, 3])) }))));
    expect(many.message).toMatch(/Profile\.sample\[0\]\.value has more than 2 values/);
    const noTypes = errorOf(() => decodeProto(u8(smallProfile({ types: [] }))));
    expect(noTypes.message).toMatch(/2 samples but no sample types/);
  });

  it('references that name nothing', () => {
    const loc = errorOf(() => decodeProto(u8(smallProfile({ samples: lf(P.sample, packed(1, [1, 2, 7]), packed(2, [1, 2])) }))));
    expect(loc.message).toMatch(/Profile\.sample\[0\]\.location_id\[2\] = 7 does not name any location/);
    const map = errorOf(() => decodeProto(u8(smallProfile({ locations: cat(lf(P.location, vf(1, 1), lf(4, vf(1, 1))), lf(P.location, vf(1, 2), vf(2, 9), lf(4, vf(1, 1)))) }))));
    expect(map.message).toMatch(/Profile\.location\[1\]\.mapping_id = 9 does not name any mapping/);
    const fn = errorOf(() => decodeProto(u8(smallProfile({ locations: cat(lf(P.location, vf(1, 1), lf(4, vf(1, 1)), lf(4, vf(1, 5))), lf(P.location, vf(1, 2))) }))));
    expect(fn.message).toMatch(/Profile\.location\[0\]\.line\[1\]\.function_id = 5 does not name any function/);
  });

  it('string indexes out of range', () => {
    const fn = errorOf(() => decodeProto(u8(smallProfile({ functions: cat(lf(P.function, vf(1, 1), vf(2, 99)), lf(P.function, vf(1, 2))) }))));
    expect(fn.message).toMatch(/Profile\.function\[0\]\.name = 99 is not an index of the string table \(12 strings\)/);
    const neg = errorOf(() => decodeProto(u8(smallProfile({ samples: lf(P.sample, vf(1, 1), packed(2, [1, 2]), lf(3, vf(1, -1n), vf(2, 1))) }))));
    expect(neg.message).toMatch(/Profile\.sample\[0\]\.label\[0\]\.key = -1 is not an index/);
    // A good label (read by the fast path) before the bad one: the index counts both.
    const second = errorOf(() => decodeProto(u8(smallProfile({ samples: lf(P.sample, vf(1, 1), packed(2, [1, 2]), lf(3, vf(1, 1), vf(2, 2)), lf(3, vf(1, 1), vf(2, 50))) }))));
    expect(second.message).toMatch(/Profile\.sample\[0\]\.label\[1\]\.str = 50 is not an index of the string table \(12 strings\)/);
    const fnFile = errorOf(() => decodeProto(u8(smallProfile({ functions: cat(lf(P.function, vf(1, 1), vf(2, 1), vf(4, 12))) }))));
    expect(fnFile.message).toMatch(/Profile\.function\[0\]\.filename = 12 is not an index of the string table \(12 strings\)/);
    const st = errorOf(() => decodeProto(u8(smallProfile({ types: cat(lf(P.sampleType, vf(1, 1), vf(2, 2)), lf(P.sampleType, vf(1, 3), vf(2, 40))) }))));
    expect(st.message).toMatch(/Profile\.sample_type\[1\]\.unit = 40 is not an index/);
    const top = errorOf(() => decodeProto(u8(smallProfile({ tail: vf(P.defaultSampleType, 12) }))));
    expect(top.message).toMatch(/Profile\.default_sample_type = 12 is not an index/);
  });

  it('ids zero or duplicated', () => {
    const zero = errorOf(() => decodeProto(u8(smallProfile({ mappings: cat(lf(P.mapping, vf(1, 1)), lf(P.mapping, vf(2, 5))) }))));
    expect(zero.message).toMatch(/Profile\.mapping\[1\]\.id is 0/);
    const dup = errorOf(() => decodeProto(u8(smallProfile({ functions: cat(lf(P.function, vf(1, 1)), lf(P.function, vf(1, 2)), lf(P.function, vf(1, 2))) }))));
    expect(dup.message).toMatch(/Profile\.function\[2\] and Profile\.function\[1\] have the same id 2/);
    const loc = errorOf(() => decodeProto(u8(smallProfile({ locations: cat(lf(P.location, vf(1, 1), lf(4, vf(1, 1))), lf(P.location, vf(1, 2)), lf(P.location, vf(1, 1))) }))));
    expect(loc.message).toMatch(/Profile\.location\[2\] and Profile\.location\[0\] have the same id 1/);
  });

  it('a line without function (function_id 0), as Go 1.19 pprof rejects it', () => {
    const e = errorOf(() => decodeProto(u8(smallProfile({ locations: cat(lf(P.location, vf(1, 1), lf(4, vf(2, 3))), lf(P.location, vf(1, 2))) }))));
    expect(e.message).toMatch(/Profile\.location\[0\] \(id 1\)\.line\[0\] has no function/);
  });
});
