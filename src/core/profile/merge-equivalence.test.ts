// The typed-array merge against the object-per-sample merge that first passed
// every golden (test/merge-reference.ts), and its single-source shortcut
// (sharing the source's columns) against its own general path, column for
// column, on every fixture profile and on generated profiles with duplicate
// stacks, labels, zero and cancelling samples and unused locations.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProfile } from '../../../bench/gen-profile';
import { GO, PPROF_TESTDATA } from '../../../test/fixtures';
import { mergeProfilesReference } from '../../../test/merge-reference';
import { ProfileBuilder } from './builder';
import { decodeProto } from './decode-proto';
import { mergeProfiles } from './merge';
import type { Profile } from './model';
import { parseProfile } from './parse';
import { scaleProfile, selectSamples } from './scale-values';
import { setLabel } from './set-label';

/** Every column as plain data, so that toEqual compares profiles exactly. */
function plain(p: Profile): unknown {
  const arr = (o: object): Record<string, unknown> =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<unknown>) : Array.isArray(v) ? v.map((x) => (ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<unknown>) : x)) : v]));
  return { ...p, samples: arr(p.samples), locations: arr(p.locations), functions: arr(p.functions) };
}

function expectSameMerge(srcs: Profile[]): Profile {
  const want = plain(mergeProfilesReference(srcs));
  const shared = mergeProfiles(srcs);
  expect(plain(shared)).toEqual(want);
  expect(plain(mergeProfiles(srcs, { share: false }))).toEqual(want);
  return shared;
}

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir)
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile() && !/\.(json|txt|string|md)$|LICENSE/.test(f));
}

function tryParse(f: string): Profile | null {
  try {
    return parseProfile(readFileSync(f));
  } catch {
    return null; // error fixtures, execution traces
  }
}

const fixtures = [...fixtureFiles(GO), ...fixtureFiles(PPROF_TESTDATA)]
  .map((f) => ({ name: path.relative(path.dirname(GO), f), p: tryParse(f) }))
  .filter((x): x is { name: string; p: Profile } => x.p !== null);

describe('mergeProfiles equals the reference merge', () => {
  it('reads enough fixtures to mean something', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  for (const { name, p } of fixtures) {
    it(`${name}: alone, with itself, against itself negated, as a diff base`, () => {
      const once = expectSameMerge([p]);
      // The reference is slow on the large profiles: fewer combinations there.
      if (p.samples.count > 10000) return;
      expectSameMerge([once]);
      expectSameMerge([p, p]);
      expectSameMerge([p, scaleProfile(p, -1)]);
      expectSameMerge([p, setLabel(scaleProfile(p, -1), 'pprof::base', ['true'])]);
    });
  }

  it('pairs of different profiles of one kind', () => {
    const get = (n: string) => fixtures.find((f) => f.name === n)!.p;
    expectSameMerge([get('go/cpu.base.pb.gz'), get('go/cpu.new.pb.gz')]);
    expectSameMerge([get('go/heap.pb.gz'), get('go/heap.delta.pb.gz'), get('go/heap.pb.gz')]);
  });
});

describe('mergeProfiles on generated profiles', () => {
  const gen = (o: { samples: number; labels?: boolean; unique?: boolean; heap?: boolean; seed?: number }) =>
    decodeProto(
      generateProfile({
        samples: o.samples,
        functions: 300,
        minDepth: 2,
        maxDepth: 12,
        labels: o.labels,
        unique: o.unique,
        sampleTypes: o.heap ? 'heap' : 'cpu',
        seed: o.seed ?? 7,
      }),
    );

  it('duplicate stacks are summed, as the reference does', () => {
    const p = gen({ samples: 20000, unique: false });
    const m = expectSameMerge([p]);
    expect(m.samples.count).toBeLessThan(p.samples.count);
  });

  it('labels: duplicates with labels, label order, across sources', () => {
    const p = gen({ samples: 20000, unique: false, labels: true, seed: 3 });
    expect(p.samples.labelKey.length).toBeGreaterThan(0);
    const m = expectSameMerge([p]);
    expect(m.samples.labelKey.length).toBeGreaterThan(0);
    expectSameMerge([p, gen({ samples: 5000, labels: true, seed: 4 })]);
    expectSameMerge([p, setLabel(scaleProfile(p, -1), 'pprof::base', ['true'])]);
  });

  it('a compacted profile shares its columns and equals the general path', () => {
    // A merged profile is a fixed point of the merge: nothing to sum, drop or renumber.
    const p = mergeProfiles([gen({ samples: 20000, heap: true })]);
    const m = expectSameMerge([p]);
    expect(m.samples.count).toBe(p.samples.count);
    expect(m.samples.stackLocs).toBe(p.samples.stackLocs);
    expect(m.samples.values).toBe(p.samples.values);
    const large = fixtures.find((f) => f.name === 'go/large.pb.gz')!.p;
    expect(mergeProfiles([large]).samples.stackLocs).toBe(large.samples.stackLocs);
  });

  it('unused locations, zero samples and samples that cancel out', () => {
    const p = gen({ samples: 5000, unique: false, labels: true, seed: 11 });
    // Every third sample gone (their locations may become unused), and the rest reversed.
    const rows: number[] = [];
    for (let i = p.samples.count - 1; i >= 0; i--) if (i % 3 !== 0) rows.push(i);
    const q = selectSamples(p, rows);
    expectSameMerge([q]);
    // Zero values and cancelling samples trigger the re-merge.
    const zeroed = { ...q, samples: { ...q.samples, values: q.samples.values.map((c) => c.map((v, i) => (i % 5 === 0 ? 0 : v))) } };
    expectSameMerge([zeroed]);
    expectSameMerge([zeroed, scaleProfile(selectSamples(q, rows.slice(0, 100).map((_, i) => i)), -1)]);
  });

  it('labels with repeated keys, numeric labels and units', () => {
    const b = new ProfileBuilder();
    b.addSampleType('alloc_space', 'bytes');
    const m = b.addMapping({ start: 0x1000n, limit: 0x2000n, file: b.string('/bin/x') });
    const f = b.addFunction('f', 'f', 'f.go');
    const g = b.addFunction('g', 'g', 'g.go');
    const lf = b.addLocation(0x1010n, m, [{ function: f, line: 1 }]);
    const lg = b.addLocation(0x1020n, m, [{ function: g, line: 2 }]);
    const unused = b.addLocation(0x1030n, m, [{ function: g, line: 3 }]);
    expect(unused).toBe(2);
    b.addSample([lg, lf], [1], [{ key: 'z', str: 'a' }, { key: 'a', str: 'b' }, { key: 'z', str: 'c' }]);
    b.addSample([lg, lf], [2], [{ key: 'a', str: 'b' }, { key: 'z', str: 'a' }, { key: 'z', str: 'c' }]);
    b.addSample([lg, lf], [4], [{ key: 'a', str: 'b' }, { key: 'z', str: 'c' }, { key: 'z', str: 'a' }]);
    b.addSample([lg, lf], [8], [{ key: 'n', num: 5, numUnit: 'bytes' }, { key: 'm', num: 0 }, { key: 'a', str: 'b' }]);
    b.addSample([lg, lf], [16], [{ key: 'a', str: 'b' }, { key: 'n', num: 5, numUnit: 'bytes' }]);
    b.addSample([lg, lf], [32], [{ key: 'n', num: 5 }, { key: 'a', str: 'b' }]);
    b.addSample([lf], [64], []);
    b.addSample([lf], [0], [{ key: 'a', str: 'b' }]);
    const p = b.build();
    const merged = expectSameMerge([p]);
    // z=a,z=c differs from z=c,z=a; the zero-valued numeric label is no label.
    expect(Array.from(merged.samples.values[0])).toEqual([3, 4, 24, 32, 64]);
    expect(merged.locations.count).toBe(2);
  });
});
