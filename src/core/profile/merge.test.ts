import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../../test/fixtures';
import { ProfileBuilder, type BuilderLabel } from './builder';
import { ProfileError } from './errors';
import { mergeProfiles } from './merge';
import { str, type Profile } from './model';
import { parseProfile } from './parse';
import { profileToString } from './to-string';

interface Spec {
  time?: bigint;
  duration?: number;
  period?: number;
  comments?: string[];
  mapStart?: bigint;
  samples: { stack: string[]; v: number; labels?: BuilderLabel[] }[];
}

// A cpu profile whose functions are named by the stack strings; each function
// name has its own address (the same in every profile) inside one mapping.
const names: string[] = [];
const offsetOf = (name: string): bigint => {
  if (!names.includes(name)) names.push(name);
  return BigInt(16 * (names.indexOf(name) + 1));
};

function make(s: Spec): Profile {
  const b = new ProfileBuilder();
  b.addSampleType('samples', 'count');
  b.periodType = b.valueType('cpu', 'nanoseconds');
  b.period = s.period ?? 10;
  b.timeNanos = s.time ?? 0n;
  b.durationNanos = s.duration ?? 0;
  b.comments = (s.comments ?? []).map((c) => b.string(c));
  const start = s.mapStart ?? 0x1000n;
  const m = b.addMapping({ start, limit: start + 0x5000n, file: b.string('/bin/app'), hasFunctions: true });
  const locs = new Map<string, number>();
  const loc = (name: string): number => {
    let l = locs.get(name);
    if (l === undefined) {
      const f = b.addFunction(name, name, 'app.go', 1);
      l = b.addLocation(start + offsetOf(name), m, [{ function: f, line: 10 }]);
      locs.set(name, l);
    }
    return l;
  };
  for (const x of s.samples) b.addSample(x.stack.map(loc), [x.v], x.labels);
  return b.build();
}

function stacks(p: Profile): string[] {
  const out: string[] = [];
  for (let i = 0; i < p.samples.count; i++) {
    const names: string[] = [];
    for (let k = p.samples.stackStart[i]; k < p.samples.stackStart[i + 1]; k++) {
      const l = p.samples.stackLocs[k];
      names.push(str(p, p.functions.name[p.locations.lineFunction[p.locations.lineStart[l]]]));
    }
    out.push(`${names.join('<')}=${p.samples.values[0][i]}`);
  }
  return out;
}

describe('mergeProfiles', () => {
  it('sums samples with the same stack and keeps first-seen order', () => {
    const a = make({ samples: [{ stack: ['f', 'main'], v: 1 }, { stack: ['g', 'main'], v: 2 }] });
    const b = make({ samples: [{ stack: ['h', 'main'], v: 5 }, { stack: ['f', 'main'], v: 3 }] });
    const p = mergeProfiles([a, b]);
    expect(stacks(p)).toEqual(['f<main=4', 'g<main=2', 'h<main=5']);
    // Locations, functions and mappings are deduplicated and renumbered 1..n.
    expect(Array.from(p.locations.id)).toEqual([1, 2, 3, 4]);
    expect(Array.from(p.functions.id)).toEqual([1, 2, 3, 4]);
    expect(p.mappings.map((m) => m.id)).toEqual([1]);
  });

  it('keeps samples with different labels apart, in any label order', () => {
    const a = make({
      samples: [
        { stack: ['f'], v: 1, labels: [{ key: 'k', str: 'a' }, { key: 'n', num: 3, numUnit: 'bytes' }] },
        { stack: ['f'], v: 1, labels: [{ key: 'k', str: 'b' }] },
      ],
    });
    const b = make({ samples: [{ stack: ['f'], v: 2, labels: [{ key: 'n', num: 3, numUnit: 'bytes' }, { key: 'k', str: 'a' }] }] });
    const p = mergeProfiles([a, b]);
    expect(stacks(p)).toEqual(['f=3', 'f=1']);
  });

  it('drops zero samples and garbage-collects what cancels out', () => {
    const a = make({ samples: [{ stack: ['f'], v: 0 }, { stack: ['g'], v: 4 }, { stack: ['h'], v: 1 }] });
    const b = make({ samples: [{ stack: ['g'], v: -4 }] });
    const p = mergeProfiles([a, b]);
    expect(stacks(p)).toEqual(['h=1']);
    // The re-merge leaves only what h uses.
    expect(p.locations.count).toBe(1);
    expect(p.functions.count).toBe(1);
  });

  it('matches mappings across address space randomization', () => {
    const a = make({ mapStart: 0x1000n, samples: [{ stack: ['f'], v: 1 }] });
    const b = make({ mapStart: 0x9000n, samples: [{ stack: ['f'], v: 2 }] });
    const p = mergeProfiles([a, b]);
    expect(stacks(p)).toEqual(['f=3']);
    expect(p.mappings).toHaveLength(1);
    expect(p.locations.address[0]).toBe(0x1000n + offsetOf('f'));
  });

  it('combines headers as pprof does', () => {
    const a = make({ time: 300n, duration: 5, period: 10, comments: ['x', 'y'], samples: [{ stack: ['f'], v: 1 }] });
    const b = make({ time: 100n, duration: 7, period: 20, comments: ['y', 'z'], samples: [{ stack: ['f'], v: 1 }] });
    const p = mergeProfiles([a, b]);
    expect(p.timeNanos).toBe(100n);
    expect(p.durationNanos).toBe(12);
    expect(p.period).toBe(20);
    expect(p.comments.map((c) => str(p, c))).toEqual(['x', 'y', 'z']);
    // pprof's quirk: a later zero time wins over an earlier non-zero one.
    expect(mergeProfiles([a, make({ samples: [] })]).timeNanos).toBe(0n);
  });

  it('refuses profiles of different kinds', () => {
    const a = make({ samples: [] });
    const b = new ProfileBuilder();
    b.addSampleType('alloc_space', 'bytes');
    expect(() => mergeProfiles([a, b.build()])).toThrow(ProfileError);
    expect(() => mergeProfiles([])).toThrow('no profiles to merge');
  });
});

describe('mergeProfiles on real profiles', () => {
  const cpu = parseProfile(readFileSync(path.join(GO, 'cpu.base.pb.gz')));

  it('a profile merged with itself doubles every value, ids unchanged', () => {
    const once = mergeProfiles([cpu]);
    const twice = mergeProfiles([cpu, cpu]);
    expect(twice.samples.count).toBe(once.samples.count);
    for (let t = 0; t < once.samples.values.length; t++) {
      expect(Array.from(twice.samples.values[t])).toEqual(Array.from(once.samples.values[t], (v) => 2 * v));
    }
    expect(Array.from(twice.samples.stackLocs)).toEqual(Array.from(once.samples.stackLocs));
    expect(twice.durationNanos).toBe(2 * cpu.durationNanos);
  });

  it('compacting the golden `-raw` output of a merge changes nothing', () => {
    // pprof's merge.raw.txt was printed from Merge([base, new]); merging it again is a fixed point.
    const base = cpu;
    const fresh = parseProfile(readFileSync(path.join(GO, 'cpu.new.pb.gz')));
    const merged = mergeProfiles([base, fresh]);
    expect(profileToString(merged)).toBe(readFileSync(path.join(GO, 'cpu.new/merge.raw.txt'), 'utf8'));
    expect(profileToString(mergeProfiles([merged]))).toBe(profileToString(merged));
  });
});
