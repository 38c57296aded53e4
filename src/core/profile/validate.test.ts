import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GO } from '../../../test/fixtures';
import { ProfileBuilder } from './builder';
import { decodeProto } from './decode-proto';
import type { Profile } from './model';
import { validateProfile } from './validate';
import { errorOf } from '../../../test/error-of';

/** A small valid profile built row by row. */
function build(): Profile {
  const b = new ProfileBuilder();
  b.addSampleType('samples', 'count');
  b.addSampleType('cpu', 'nanoseconds');
  b.periodType = b.valueType('cpu', 'nanoseconds');
  const m = b.addMapping({ start: 0x400000n, limit: 0x500000n, file: b.string('/bin/app') });
  const f0 = b.addFunction('main', 'main', 'main.go');
  const f1 = b.addFunction('foo', 'foo', 'foo.go');
  const l0 = b.addLocation(0x401000n, m, [{ function: f1, line: 3 }, { function: f0, line: 9 }]);
  const l1 = b.addLocation(0x402000n, m, [{ function: f0, line: 12 }]);
  b.addSample([l0, l1], [1, 10], [{ key: 'k', str: 'v' }, { key: 'bytes', num: 64, numUnit: 'bytes' }]);
  b.addSample([l1], [2, -20]);
  return b.build();
}

describe('validateProfile', () => {
  it('accepts a built profile and the real ones', () => {
    expect(() => validateProfile(build())).not.toThrow();
    const p = decodeProto(new Uint8Array(gunzipSync(readFileSync(path.join(GO, 'threadcreate.pb.gz')))));
    expect(() => validateProfile(p)).not.toThrow();
  });

  it('string_table[0] must be empty', () => {
    const p = build();
    p.strings[0] = 'x';
    expect(errorOf(() => validateProfile(p)).message).toMatch(/Profile\.string_table\[0\] must be the empty string/);
  });

  it('ids must be non-zero', () => {
    const p = build();
    p.mappings[0].id = 0;
    expect(errorOf(() => validateProfile(p)).message).toMatch(/Profile\.mapping\[0\]\.id is 0/);
    const q = build();
    q.functions.id[1] = 0;
    expect(errorOf(() => validateProfile(q)).message).toMatch(/Profile\.function\[1\]\.id is 0/);
    const r = build();
    r.locations.id[0] = 0;
    expect(errorOf(() => validateProfile(r)).message).toMatch(/Profile\.location\[0\]\.id is 0/);
  });

  it('ids must be unique, also when sparse', () => {
    const p = build();
    p.locations.id[1] = 1;
    expect(errorOf(() => validateProfile(p)).message).toMatch(/Profile\.location\[1\] and Profile\.location\[0\] have the same id 1/);
    const q = build();
    q.functions.id[0] = 2 ** 40;
    q.functions.id[1] = 2 ** 40;
    expect(errorOf(() => validateProfile(q)).message).toMatch(/Profile\.function\[1\] and Profile\.function\[0\] have the same id 1099511627776/);
  });

  it('each sample has one value per sample type', () => {
    const p = build();
    p.sampleTypes.push({ type: 0, unit: 0 });
    expect(errorOf(() => validateProfile(p)).message).toMatch(/2 value columns, but the profile has 3 sample types/);
    const q = build();
    q.samples.values[1] = new Float64Array(1);
    expect(errorOf(() => validateProfile(q)).message).toMatch(/value column 1 has 1 entries, expected one per sample \(2\)/);
    const r = build();
    r.sampleTypes = [];
    r.samples.values = [];
    expect(errorOf(() => validateProfile(r)).message).toMatch(/2 samples but no sample types/);
  });

  it('every reference is a row of its table', () => {
    const p = build();
    p.samples.stackLocs[2] = 5;
    expect(errorOf(() => validateProfile(p)).message).toMatch(/Profile\.sample\[1\]\.location\[0\] refers to location row 5, but there are 2 locations/);
    const q = build();
    q.locations.mapping[1] = 3;
    expect(errorOf(() => validateProfile(q)).message).toMatch(/Profile\.location\[1\] \(id 2\) refers to mapping row 3, but there are 1 mappings/);
    const r = build();
    r.locations.lineFunction[1] = 9;
    expect(errorOf(() => validateProfile(r)).message).toMatch(/Profile\.location\[0\] \(id 1\)\.line\[1\] refers to function row 9/);
    const s = build();
    s.locations.lineFunction[2] = -1;
    expect(errorOf(() => validateProfile(s)).message).toMatch(/Profile\.location\[1\] \(id 2\)\.line\[0\] has no function/);
  });

  it('string indexes are inside the string table', () => {
    const n = build().strings.length;
    const cases: [string, (p: Profile) => void][] = [
      ['Profile.sample_type[1].unit', (p) => (p.sampleTypes[1].unit = n)],
      ['Profile.period_type.type', (p) => (p.periodType!.type = -1)],
      ['Profile.drop_frames', (p) => (p.dropFrames = n + 3)],
      ['Profile.comment[0]', (p) => (p.comments = [n])],
      ['Profile.doc_url', (p) => (p.docUrl = 0.5)],
      ['Profile.mapping[0].build_id', (p) => (p.mappings[0].buildId = n)],
      ['Profile.function[1].filename', (p) => (p.functions.filename[1] = n)],
      ['Profile.sample[0].label[1].num_unit', (p) => (p.samples.labelNumUnit[1] = n)],
      ['Profile.sample[0].label[0].key', (p) => (p.samples.labelKey[0] = n + 100)],
    ];
    for (const [where, breakIt] of cases) {
      const p = build();
      breakIt(p);
      const msg = errorOf(() => validateProfile(p)).message;
      expect(msg).toContain(`${where} = `);
      expect(msg).toMatch(new RegExp(`is not an index of the string table \\(${n} strings\\)`));
    }
  });

  it('column lengths agree', () => {
    const p = build();
    p.locations.address = new BigUint64Array(1);
    expect(errorOf(() => validateProfile(p)).message).toMatch(/location table's address column has 1 rows, expected 2/);
    const q = build();
    q.samples.stackStart[2] = 1;
    expect(errorOf(() => validateProfile(q)).message).toMatch(/stackStart ends at 1, expected 3/);
  });
});
