import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from './builder';
import { ProfileError } from './errors';
import { str, type Profile } from './model';
import { goRound, scaleProfile } from './scale-values';
import { unifyUnits } from './unify-units';
import { combineProfiles } from './combine';

function make(type: string, unit: string, values: number[], period = 1): Profile {
  const b = new ProfileBuilder();
  b.addSampleType(type, unit);
  b.periodType = b.valueType(type, unit);
  b.period = period;
  const m = b.addMapping({ start: 0n, limit: 0x1000n });
  values.forEach((v, i) => {
    const f = b.addFunction(`f${i}`, `f${i}`, 'x.go');
    b.addSample([b.addLocation(BigInt(i + 1), m, [{ function: f, line: 1 }])], [v]);
  });
  return b.build();
}

describe('unifyUnits (measurement.ScaleProfiles)', () => {
  it('scales every profile to the finest unit of the family', () => {
    const [a, b] = unifyUnits([make('cpu', 'milliseconds', [3], 10), make('cpu', 'nanoseconds', [5], 1000)]);
    expect(str(a, a.sampleTypes[0].unit)).toBe('nanoseconds');
    expect(Array.from(a.samples.values[0])).toEqual([3_000_000]);
    expect(a.period).toBe(10_000_000);
    expect(Array.from(b.samples.values[0])).toEqual([5]);
    const merged = combineProfiles([make('cpu', 'milliseconds', [3]), make('cpu', 'nanoseconds', [5])]);
    // Same stack in both: one sample, in nanoseconds.
    expect(Array.from(merged.samples.values[0])).toEqual([3_000_005]);
  });

  it('leaves a single profile alone and refuses different kinds', () => {
    const p = make('cpu', 'milliseconds', [3]);
    expect(unifyUnits([p])[0]).toBe(p);
    expect(() => unifyUnits([p, make('alloc_space', 'bytes', [1])])).toThrow(ProfileError);
    expect(() => unifyUnits([p, make('cpu', 'bytes', [1])])).toThrow(/incompatible types/);
  });
});

describe('scaleProfile', () => {
  it('rounds half away from zero like Go and drops samples that become zero', () => {
    expect([goRound(2.5), goRound(-2.5), goRound(-0.4)]).toEqual([3, -3, -0]);
    const p = scaleProfile(make('cpu', 'count', [4, 0, 1]), -0.5);
    expect(Array.from(p.samples.values[0])).toEqual([-2, -1]);
    expect(scaleProfile(p, 1)).toBe(p);
  });
});
