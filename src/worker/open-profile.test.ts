import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { ProfileBuilder } from '../core/profile/builder';
import { encodeProto } from '../core/profile/encode-proto';
import { runTextReport } from '../core/report/index';
import { topView } from '../core/view/top';
import { diffProfiles, openProfile, type OpenResult } from './open-profile';

const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(GO, name)));
const golden = (name: string) => fs.readFileSync(path.join(GO, name), 'utf8');
const goldenTotal = (name: string) => /of (\S+) total/.exec(golden(name))![1];

describe('openProfile on the Go fixtures', () => {
  it('summarizes cpu.pb.gz with the totals pprof prints', () => {
    const r = openProfile('cpu.pb.gz', read('cpu.pb.gz'));
    if (!r.ok) throw new Error(r.message);
    const s = r.summary;
    expect(s.sampleTypes.map((t) => `${t.type}/${t.unit}`)).toEqual(['samples/count', 'cpu/nanoseconds']);
    expect(s.sampleTypes[s.defaultSampleType].type).toBe(/^Type: (\S+)$/m.exec(golden('cpu/top.txt'))![1]);
    expect(s.sampleTypes[0].totalLabel).toBe(goldenTotal('cpu/sample_index-samples.top.txt'));
    // -top prints 9070ms (unit=minimum); the summary uses pprof's auto label, as -traces does.
    expect(/Total samples = (\S+)/.exec(golden('cpu/traces.txt'))![1]).toBe(s.sampleTypes[1].totalLabel);
    expect(s.records).toBe(1175);
    expect(s.mainBinary).toBe(/^File: (\S+)$/m.exec(golden('cpu/top.txt'))![1]);
    expect(`Time: ${s.timeLabel}`).toBe(/^Time: .*$/m.exec(golden('cpu/top.txt'))![0]);
    expect(/Duration: ([^,]+),/.exec(golden('cpu/top.txt'))![1]).toBe(s.durationLabel);
    expect(s.periodLabel).toBe('5ms');
  });

  it('uses the last sample type when the profile names no default (heap)', () => {
    const r = openProfile('heap.pb.gz', read('heap.pb.gz'));
    if (!r.ok) throw new Error(r.message);
    const s = r.summary;
    expect(s.sampleTypes[s.defaultSampleType].type).toBe('inuse_space');
    for (const t of s.sampleTypes) {
      expect(t.totalLabel, t.type).toBe(goldenTotal(`heap/sample_index-${t.type}.top.txt`));
    }
  });

  it('totals negative values as pprof does: the sum of absolute values (heap.delta)', () => {
    const r = openProfile('heap.delta.pb.gz', read('heap.delta.pb.gz'));
    if (!r.ok) throw new Error(r.message);
    const inuse = r.summary.sampleTypes.find((t) => t.type === 'inuse_space')!;
    expect(inuse.totalLabel).toBe(goldenTotal('heap.delta/sample_index-inuse_space.top.txt'));
    expect(inuse.net).toBe(-7000421); // README: sum of inuse_space = -7,000,421 B
    expect(inuse.negativeRecords).toBe(30); // README: 30 of 67 records
  });

  it('refuses an execution trace with the reader message and the file name', () => {
    const r = openProfile('trace.out', read('trace.out'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^Could not open trace\.out: /);
    expect(r.message).not.toMatch(/internal error|\n\s+at /);
  });

  it('refuses an empty file', () => {
    const r = openProfile('x.pb.gz', new Uint8Array(0));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/x\.pb\.gz is empty/);
  });
});

describe('openProfile gives the profile pprof reports on', () => {
  it('samples of one stack that cancel out are merged away, as pprof merges before any report', () => {
    const b = new ProfileBuilder();
    b.addSampleType('inuse_space', 'bytes');
    const m = b.addMapping({ start: 0x1000n, limit: 0x9000n, file: b.string('/bin/prog'), hasFunctions: true });
    const fn = (name: string) => b.addFunction(name, name, 'main.go', 1);
    const [main, a, c] = ['main.main', 'main.a', 'main.b'].map(fn);
    const at = (f: number, addr: bigint) => b.addLocation(addr, m, [{ function: f, line: 5 }]);
    const [l0, l1, l2] = [at(main, 0x1100n), at(a, 0x1200n), at(c, 0x1300n)];
    b.addSample([l1, l0], [5000]);
    b.addSample([l1, l0], [-5000]);
    b.addSample([l2, l0], [3000]);
    const r = openProfile('zero-sum.pb', encodeProto(b.build()));
    if (!r.ok) throw new Error(r.message);
    // go tool pprof -top on this profile: "Showing nodes accounting for 2.93kB, 100% of 2.93kB total".
    const top = topView(r.profile, { view: 'top', options: {} });
    expect(top.header.legend[0]).toBe('Showing nodes accounting for 2.93kB, 100% of 2.93kB total');
    expect(r.summary.sampleTypes[0].totalLabel).toBe('2.93kB');
  });
});

describe('diffProfiles: a profile minus a base, as -diff_base', () => {
  const open = (name: string) => {
    const r = openProfile(name, read(name));
    if (!r.ok) throw new Error(r.message);
    return r;
  };
  const report = (r: OpenResult, kind: 'top' | 'traces') => {
    if (!r.ok) throw new Error(r.message);
    return runTextReport(kind, r.profile, {}).stdout;
  };

  it('gives the profile pprof reports on: -top and -traces equal the -diff_base goldens', () => {
    const r = diffProfiles(open('cpu.new.pb.gz'), open('cpu.base.pb.gz'));
    expect(report(r, 'top')).toBe(golden('cpu.new/diff_base.top.txt'));
    expect(report(r, 'traces')).toBe(golden('cpu.new/diff_base.traces.txt'));
    if (r.ok) expect(r.summary.fileName).toBe('cpu.new.pb.gz');
  });

  it('refuses profiles of different kinds, naming both files', () => {
    const r = diffProfiles(open('cpu.new.pb.gz'), open('heap.pb.gz'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Could not compare cpu\.new\.pb\.gz with heap\.pb\.gz: .*incompatible/);
  });
});
