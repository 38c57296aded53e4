import protobuf from 'protobufjs/minimal';
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { str, type Profile } from '../src/core/profile/model';
import { parseProfile } from '../src/core/profile/parse';
import { GO } from '../test/fixtures';
import { CPU_PERIOD, generateProfile, HEAP_PERIOD, MAIN_BINARY, type GenerateOptions } from './gen-profile';

const base: GenerateOptions = { samples: 3000, functions: 800, minDepth: 8, maxDepth: 64, labels: true, seed: 7 };

function stackKey(p: Profile, i: number): string {
  const s = p.samples;
  const locs = Array.from(s.stackLocs.subarray(s.stackStart[i], s.stackStart[i + 1]));
  const labels: string[] = [];
  for (let l = s.labelStart[i]; l < s.labelStart[i + 1]; l++) labels.push(`${str(p, s.labelKey[l])}=${str(p, s.labelStr[l])}`);
  return `${locs.join(',')}|${labels.sort().join(',')}`;
}

function depths(p: Profile): number[] {
  const s = p.samples;
  return Array.from({ length: s.count }, (_, i) => s.stackStart[i + 1] - s.stackStart[i]);
}

describe('generateProfile', () => {
  const bytes = generateProfile(base);
  const p = parseProfile(bytes); // parseProfile validates: ids, references, value counts

  it('is deterministic for a seed and changes with the seed', () => {
    expect(Buffer.from(generateProfile(base)).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(generateProfile({ ...base, seed: 8 })).equals(Buffer.from(bytes))).toBe(false);
  });

  it('writes a CPU profile like runtime/pprof: types, period, time, duration, one mapping', () => {
    expect(p.sampleTypes.map((t) => `${str(p, t.type)}/${str(p, t.unit)}`)).toEqual(['samples/count', 'cpu/nanoseconds']);
    expect(p.periodType && `${str(p, p.periodType.type)}/${str(p, p.periodType.unit)}`).toBe('cpu/nanoseconds');
    expect(p.period).toBe(CPU_PERIOD);
    expect(p.timeNanos).toBe(BigInt(Date.UTC(2026, 10, 26, 23)) * 1_000_000n);
    expect(p.mappings.length).toBe(1);
    expect(str(p, p.mappings[0].file)).toBe(MAIN_BINARY);
    expect(p.mappings[0].hasFunctions).toBe(true);
    let total = 0;
    for (let i = 0; i < p.samples.count; i++) {
      expect(p.samples.values[1][i]).toBe(p.samples.values[0][i] * CPU_PERIOD);
      total += p.samples.values[1][i];
    }
    // Busy, but not more than ~2 CPUs: Duration below the total, above half of it.
    expect(p.durationNanos).toBeGreaterThan(total / 2);
    expect(p.durationNanos).toBeLessThan(total);
  });

  it('has the requested number of records, depths in range, and no two alike (Go merges them)', () => {
    expect(p.samples.count).toBe(base.samples);
    const d = depths(p);
    expect(Math.min(...d)).toBeGreaterThanOrEqual(base.minDepth);
    expect(Math.max(...d)).toBeLessThanOrEqual(base.maxDepth);
    // The walk covers the range, not one depth.
    expect(new Set(d).size).toBeGreaterThan((base.maxDepth - base.minDepth) / 2);
    const keys = new Set<string>();
    for (let i = 0; i < p.samples.count; i++) keys.add(stackKey(p, i));
    expect(keys.size).toBe(p.samples.count);
  });

  it('re-draws a stack+labels already written (Go would have merged it) unless unique is false', () => {
    // Shallow stacks make repeats likely: far more distinct records with re-drawing than without.
    const distinct = (unique: boolean) => {
      const q = parseProfile(generateProfile({ ...base, samples: 2000, minDepth: 5, maxDepth: 5, unique }));
      const keys = new Set<string>();
      for (let i = 0; i < q.samples.count; i++) keys.add(stackKey(q, i));
      expect(q.samples.count).toBe(2000);
      return keys.size;
    };
    expect(distinct(true)).toBeGreaterThan(2 * distinct(false));
  });

  it('shares call paths: locations are reused across stacks, and stacks share prefixes', () => {
    const frames = p.samples.stackLocs.length;
    expect(p.locations.count).toBeLessThan(frames / 5);
    // Count stacks whose 4 root-most locations also start another stack.
    const roots = new Map<string, number>();
    for (let i = 0; i < p.samples.count; i++) {
      const end = p.samples.stackStart[i + 1];
      const k = Array.from(p.samples.stackLocs.subarray(end - 4, end)).join(',');
      roots.set(k, (roots.get(k) ?? 0) + 1);
    }
    expect(roots.size).toBeLessThan(p.samples.count / 4);
  });

  it('has inlined frames (locations with several lines), ids in order of first use, Go-like names', () => {
    const L = p.locations;
    let multi = 0;
    for (let i = 0; i < L.count; i++) if (L.lineStart[i + 1] - L.lineStart[i] > 1) multi++;
    expect(multi).toBeGreaterThan(L.count * 0.02);
    expect(multi).toBeLessThan(L.count * 0.3);
    // runtime/pprof numbers locations as the samples first use them.
    let next = 1;
    let outOfOrder = 0;
    for (let k = 0; k < p.samples.stackLocs.length; k++) {
      const id = L.id[p.samples.stackLocs[k]];
      if (id === next) next++;
      else if (id > next) outOfOrder++;
    }
    expect(outOfOrder).toBe(0);
    expect(next - 1).toBe(L.count);
    const names = Array.from(p.functions.name, (n) => str(p, n));
    expect(p.functions.count).toBeLessThanOrEqual(base.functions);
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((n) => /^example\.com\/genprof\/internal\/\w+\.\(\*\w+\)\.\w+$/.test(n))).toBe(true);
    expect(names.some((n) => /\.func\d+$/.test(n))).toBe(true);
    expect(names.some((n) => n.startsWith('runtime.'))).toBe(true);
    let outside = 0;
    for (let i = 0; i < L.count; i++) {
      if (L.mapping[i] !== 0 || L.address[i] < p.mappings[0].start || L.address[i] >= p.mappings[0].limit) outside++;
    }
    expect(outside).toBe(0);
    expect(new Set(L.address).size).toBe(L.count); // one location per pc, as Go keys them
  });

  it('labels samples only when asked', () => {
    const keys = new Set<string>();
    for (let l = 0; l < p.samples.labelKey.length; l++) keys.add(str(p, p.samples.labelKey[l]));
    expect([...keys].sort()).toEqual(['stage', 'tenant']);
    const unlabelled = parseProfile(generateProfile({ ...base, labels: false }));
    expect(unlabelled.samples.labelKey.length).toBe(0);
  });

  it('writes heap profiles with Go\'s four types and the bytes label', () => {
    const h = parseProfile(generateProfile({ ...base, sampleTypes: 'heap', samples: 500 }));
    expect(h.sampleTypes.map((t) => str(h, t.type))).toEqual(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']);
    expect(h.period).toBe(HEAP_PERIOD);
    expect(h.durationNanos).toBe(0);
    for (let i = 0; i < h.samples.count; i++) {
      const l = h.samples.labelStart[i];
      expect(h.samples.labelStart[i + 1] - l).toBe(1);
      expect(str(h, h.samples.labelKey[l])).toBe('bytes');
      const size = h.samples.labelNum[l];
      expect(h.samples.values[1][i]).toBe(h.samples.values[0][i] * size);
      expect(h.samples.values[3][i]).toBe(h.samples.values[2][i] * size);
      expect(h.samples.values[2][i]).toBeLessThanOrEqual(h.samples.values[0][i]);
    }
  });

  it('lays out fields like runtime/pprof: locations before the sample that first uses them, 2 values unpacked, stacks packed', () => {
    // Top-level fields in order, and the inner tags of the first sample.
    const shape = (b: Uint8Array) => {
      const r = protobuf.Reader.create(b);
      const fields: number[] = [];
      let firstSample: number[] | null = null;
      while (r.pos < r.len) {
        const tag = r.uint32();
        fields.push(tag >>> 3);
        if ((tag & 7) !== 2) {
          r.skipType(tag & 7);
          continue;
        }
        const len = r.uint32();
        if (tag >>> 3 === 2 && !firstSample) {
          const s = protobuf.Reader.create(b.subarray(r.pos, r.pos + len));
          firstSample = [];
          while (s.pos < s.len) {
            const t = s.uint32();
            firstSample.push(t);
            s.skipType(t & 7);
          }
        }
        r.skip(len);
      }
      return { before: fields.slice(0, fields.indexOf(2)).filter((f) => f === 4 || f === 5).length > 0, firstSample, last: fields.at(-1) };
    };
    const go = shape(new Uint8Array(gunzipSync(readFileSync(path.join(GO, 'cpu.pb.gz')))));
    const ours = shape(bytes);
    expect(ours.before).toBe(true);
    expect(ours.before).toBe(go.before);
    expect(ours.last).toBe(6); // the string table comes last
    expect(ours.last).toBe(go.last);
    // Sample.value twice as varints (0x10), then Sample.location_id packed (0x0a), then labels (0x1a).
    expect(ours.firstSample?.slice(0, 3)).toEqual([0x10, 0x10, 0x0a]);
    expect(go.firstSample?.slice(0, 3)).toEqual([0x10, 0x10, 0x0a]);
  });

  it('rejects impossible options with a clear message', () => {
    expect(() => generateProfile({ ...base, minDepth: 10, maxDepth: 5 })).toThrow(/maxDepth must be/);
    expect(() => generateProfile({ ...base, functions: 1 })).toThrow(/functions must be/);
  });
});
