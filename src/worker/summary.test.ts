import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../core/profile/builder';
import { defaultSampleTypeIndex, pprofTimeLabel, summarize } from './summary';

function heapLike(defaultType: string) {
  const b = new ProfileBuilder();
  b.addSampleType('alloc_space', 'bytes');
  b.addSampleType('inuse_space', 'bytes');
  b.addSampleType('samples', 'count');
  const m = b.addMapping({ start: 0x400000n, limit: 0x500000n, file: b.string('/srv/workload/bin/workload') });
  const f = b.addFunction('main.f', 'main.f', 'main.go', 1);
  const loc = b.addLocation(0x401000n, m, [{ function: f, line: 3 }]);
  b.addSample([loc], [30 * 1024 * 1024, -10 * 1024 * 1024, 3]);
  b.addSample([loc], [8.5 * 1024 * 1024, 2 * 1024 * 1024, 2]);
  b.defaultSampleType = b.string(defaultType);
  return b;
}

describe('defaultSampleTypeIndex (pprof SampleIndexByName(""))', () => {
  it('uses default_sample_type when it names a type', () => {
    expect(defaultSampleTypeIndex(heapLike('alloc_space').build())).toBe(0);
  });
  it('falls back to the last type when unset or unknown', () => {
    expect(defaultSampleTypeIndex(heapLike('').build())).toBe(2);
    expect(defaultSampleTypeIndex(heapLike('no_such').build())).toBe(2);
  });
});

describe('summarize', () => {
  it('totals each sample type as pprof does (sum of |v|) and keeps the signed sum', () => {
    const s = summarize(heapLike('inuse_space').build(), 'heap.pb.gz', 1234, 5);
    expect(s.sampleTypes.map((t) => `${t.type}/${t.unit}`)).toEqual(['alloc_space/bytes', 'inuse_space/bytes', 'samples/count']);
    expect(s.sampleTypes[0].totalLabel).toBe('38.50MB');
    expect(s.sampleTypes[1].total).toBe(12 * 1024 * 1024);
    expect(s.sampleTypes[1].totalLabel).toBe('12MB');
    expect(s.sampleTypes[1].net).toBe(-8 * 1024 * 1024);
    expect(s.sampleTypes[1].netLabel).toBe('-8MB');
    expect(s.sampleTypes[1].negativeRecords).toBe(1);
    expect(s.sampleTypes[2].totalLabel).toBe('5');
    expect(s.defaultSampleType).toBe(1);
    expect(s.records).toBe(2);
    expect(s.mainBinary).toBe('workload');
    expect(s.fileName).toBe('heap.pb.gz');
    expect(s.byteLength).toBe(1234);
  });

  it('has no time, duration or period lines when the profile has none', () => {
    const s = summarize(heapLike('').build(), 'x', 1, 0);
    expect(s.time).toBeNull();
    expect(s.timeLabel).toBeNull();
    expect(s.durationLabel).toBeNull();
    expect(s.periodLabel).toBeNull();
  });

  it('labels time, duration and period the way pprof prints them', () => {
    const b = heapLike('');
    b.timeNanos = BigInt(Date.UTC(2026, 10, 26, 23, 23, 5)) * 1_000_000n + 712_821n;
    b.durationNanos = 10_170_000_000;
    b.periodType = b.valueType('cpu', 'nanoseconds');
    b.period = 5_000_000;
    b.comments = [b.string('note one')];
    const s = summarize(b.build(), 'cpu.pb.gz', 1, 0);
    expect(s.timeLabel).toBe('Nov 26, 2026 at 11:23pm (UTC)');
    expect(s.time).toBe('2026-11-26T23:23:05.000Z');
    expect(s.durationLabel).toBe('10.17s');
    expect(s.periodLabel).toBe('5ms');
    expect(s.comments).toEqual(['note one']);
  });
});

describe('pprofTimeLabel (Go layout "Jan 2, 2006 at 3:04pm (MST)")', () => {
  it('uses a 12-hour clock without a leading zero', () => {
    expect(pprofTimeLabel(new Date(Date.UTC(2026, 0, 2, 0, 4)))).toBe('Jan 2, 2026 at 12:04am (UTC)');
    expect(pprofTimeLabel(new Date(Date.UTC(2026, 0, 2, 12, 0)))).toBe('Jan 2, 2026 at 12:00pm (UTC)');
    expect(pprofTimeLabel(new Date(Date.UTC(2026, 11, 31, 9, 59)))).toBe('Dec 31, 2026 at 9:59am (UTC)');
  });
});
