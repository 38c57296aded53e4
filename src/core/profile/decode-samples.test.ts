import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../test/error-of';
import { type Bytes, cat, lf, P, packed, strings, u8, vf } from '../../../test/proto-writer';
import { decodeProto } from './decode-proto';
import type { Profile } from './model';

// Profiles of any size for the sample pass: locations with the given ids (one
// line each, of function 1), samples with the given stacks (location ids,
// leaf first) and values.
interface Shape {
  locIds: number[];
  stacks: number[][];
  sample?: (ids: number[], i: number) => Bytes; // the bytes of sample i; default: packed ids, two unpacked values
}

function build(s: Shape): Uint8Array {
  const sample = s.sample ?? ((ids, i) => cat(packed(1, ids), vf(2, 1), vf(2, i)));
  return u8(
    cat(
      lf(P.sampleType, vf(1, 1), vf(2, 2)),
      lf(P.sampleType, vf(1, 3), vf(2, 4)),
      ...s.stacks.map((ids, i) => lf(P.sample, sample(ids, i))),
      ...s.locIds.map((id) => lf(P.location, vf(1, id), lf(4, vf(1, 1), vf(2, 7)))),
      lf(P.function, vf(1, 1), vf(2, 5)),
      strings(['', 'samples', 'count', 'cpu', 'nanoseconds', 'main.f', 'k', 'v']),
    ),
  );
}

/** Stack of sample i as location ids. */
function stackIds(p: Profile, i: number): number[] {
  const out: number[] = [];
  for (let k = p.samples.stackStart[i]; k < p.samples.stackStart[i + 1]; k++) out.push(p.locations.id[p.samples.stackLocs[k]]);
  return out;
}

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('decodeProto: the sample pass', () => {
  it('reads location ids of one, two, three and more bytes, packed and unpacked', () => {
    const locIds = range(20000, (i) => i + 1);
    const stacks = [[1, 127, 128, 16383, 16384, 20000], [20000], [5, 6], [300]];
    const p = decodeProto(build({ locIds, stacks }));
    expect(stacks.map((_, i) => stackIds(p, i))).toEqual(stacks);
    // Go packs repeated fields only when they hold more than two: one or two ids come unpacked.
    const unpacked = decodeProto(build({ locIds, stacks, sample: (ids, i) => cat(...ids.map((id) => vf(1, id)), vf(2, 1), vf(2, i)) }));
    expect(unpacked.samples).toEqual(p.samples);
    // A 4-byte id (2^21 and more): read by the general reader, same result.
    const big = [...locIds.slice(0, 10), 3_000_000];
    const q = decodeProto(build({ locIds: big, stacks: [[1, 3_000_000, 2]] }));
    expect(stackIds(q, 0)).toEqual([1, 3_000_000, 2]);
  });

  it('reads stacks alike whatever the location ids: in row order, shuffled (dense index) or sparse (Map)', () => {
    const n = 300;
    const stacks = range(50, (i) => range(1 + (i % 40), (k) => 1 + ((i * 31 + k * 7) % n)));
    const want = (ids: number[]): number[][] => stacks.map((st) => st.map((k) => ids[k - 1]));
    for (const ids of [range(n, (i) => i + 1), range(n, (i) => n - i), range(n, (i) => 1e9 + i * 1000)]) {
      const p = decodeProto(build({ locIds: ids, stacks: want(ids) }));
      expect(range(stacks.length, (i) => stackIds(p, i))).toEqual(want(ids));
    }
  });

  it('location id 0 is an error, also where it and the next byte would read as a two-byte id', () => {
    const locIds = range(200, (i) => i + 1);
    // Bytes 00 01 are the ids 0 and 1, not the two-byte varint 128.
    const e = errorOf(() => decodeProto(build({ locIds, stacks: [[5, 0, 1]] })));
    expect(e.message).toMatch(/Profile\.sample\[0\]\.location_id\[1\] = 0 does not name any location of Profile\.location/);
    const unpacked = errorOf(() => decodeProto(build({ locIds, stacks: [[0]], sample: () => cat(vf(1, 0), vf(2, 1), vf(2, 1)) })));
    expect(unpacked.message).toMatch(/Profile\.sample\[0\]\.location_id\[0\] = 0 does not name any location/);
  });

  it('reads long, negative and packed values beside short ones', () => {
    const locIds = [1, 2];
    const values = [[1, 2 ** 40], [-1, -(2 ** 52)], [2 ** 28, 5]];
    const p = decodeProto(
      build({ locIds, stacks: [[1], [2], [1, 2]], sample: (ids, i) => cat(packed(1, ids), i === 2 ? packed(2, values[i]) : cat(...values[i].map((v) => vf(2, v)))) }),
    );
    expect(range(3, (i) => [p.samples.values[0][i], p.samples.values[1][i]])).toEqual(values);
    const e = errorOf(() => decodeProto(build({ locIds, stacks: [[1]], sample: (ids) => cat(packed(1, ids), vf(2, 1), vf(2, 2 ** 40), vf(2, 3)) })));
    expect(e.message).toMatch(/Profile\.sample\[0\]\.value has more than 2 values, but the profile has 2 sample types \(at byte 27 of/);
  });

  it('sizes the stack column of many samples from a few, and grows it when they mislead', () => {
    const locIds = range(100, (i) => i + 1);
    const stackOf = (i: number, deep: boolean): number[] => range(deep ? 30 : 1, (k) => 1 + ((i + k) % 100));
    // 10000 samples: the column is sized from every 4th; make those the shallow ones.
    const stacks = range(10000, (i) => stackOf(i, i % 4 !== 0));
    const p = decodeProto(build({ locIds, stacks }));
    expect(p.samples.stackLocs.length).toBe(stacks.reduce((n, s) => n + s.length, 0));
    for (const i of [0, 1, 4, 5, 9999]) expect(stackIds(p, i)).toEqual(stacks[i]);
    // Uniform samples: the estimate holds and leaves little unused.
    const even = decodeProto(build({ locIds, stacks: range(10000, (i) => stackOf(i, true)) }));
    expect(even.samples.stackLocs.buffer.byteLength / 4).toBeLessThan(even.samples.stackLocs.length * 1.1);
  });

  it('reads the labels of many samples', () => {
    const locIds = [1];
    const n = 5000;
    const p = decodeProto(
      build({ locIds, stacks: range(n, () => [1]), sample: (ids, i) => cat(packed(1, ids), vf(2, 1), vf(2, i), lf(3, vf(1, 6), vf(2, 7)), lf(3, vf(1, 6), vf(3, i), vf(4, 4))) }),
    );
    expect(p.samples.labelKey.length).toBe(2 * n);
    expect(p.samples.labelStart[n]).toBe(2 * n);
    expect(Array.from(p.samples.labelNum.subarray(2 * n - 4))).toEqual([0, n - 2, 0, n - 1]);
    expect(p.strings[p.samples.labelStr[2 * n - 2]]).toBe('v');
    expect(p.strings[p.samples.labelNumUnit[2 * n - 1]]).toBe('nanoseconds');
  });
});
