import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { ProfileBuilder } from './builder';
import { profileToString } from './to-string';
import type { Profile } from './model';
import { GO } from '../../../test/fixtures';

// The expected text was printed by pprof's own Profile.String() (Go 1.19's
// vendored google/pprof, TZ=UTC) for the same profile built in Go.
const GO_PRINTED = `Comment: hello
Comment: world
PeriodType: cpu nanoseconds
Period: 10000000
Time: 2026-11-26 23:23:54.25223066 +0000 UTC
Duration: 10.1
Samples:
samples/count cpu/nanoseconds[dflt]
          1   10000000: 1 22 3 
                a:[z] b:[x y]
                bytes:[1024 bytes] n:[-3  4 ms]
 -12345678901          0: 22 
                k:[7]
          3   30000000: 
Locations
     1: 0x401234 M=1 main.g g.go:7 s=0(_main.g_sys)
             main.f main.go:12 s=10
    22: 0xffffffffff600400 M=2 [F] 
     3: 0x0 ??
Mappings
1: 0x400000/0x67b000/0x0 /bin/x abc [FN][FL][LN][IN]
2: 0xffffffffff600000/0xffffffffff601000/0x0 [vsyscall]  
`;

function buildSample(): Profile {
  const b = new ProfileBuilder();
  b.addSampleType('samples', 'count');
  b.addSampleType('cpu', 'nanoseconds');
  b.defaultSampleType = b.string('cpu');
  b.periodType = b.valueType('cpu', 'nanoseconds');
  b.period = 10000000;
  b.timeNanos = 1795735434252230660n;
  b.durationNanos = 10170000000;
  b.comments = [b.string('hello'), b.string('world')];
  const m1 = b.addMapping({
    start: 0x400000n, limit: 0x67b000n, file: b.string('/bin/x'), buildId: b.string('abc'),
    hasFunctions: true, hasFilenames: true, hasLineNumbers: true, hasInlineFrames: true,
  });
  const m2 = b.addMapping({ start: 0xffffffffff600000n, limit: 0xffffffffff601000n, file: b.string('[vsyscall]') });
  const f1 = b.addFunction('main.f', 'main.f', 'main.go', 10);
  const f2 = b.addFunction('main.g', '_main.g_sys', 'g.go', 0);
  const l1 = b.addLocation(0x401234n, m1, [{ function: f2, line: 7 }, { function: f1, line: 12 }]);
  const l2 = b.addLocation(0xffffffffff600400n, m2, [], true, 22);
  const l3 = b.addLocation(0n, -1, [{ function: -1, line: 5 }], false, 3);
  b.addSample([l1, l2, l3], [1, 10000000], [
    { key: 'b', str: 'x' }, { key: 'bytes', num: 1024, numUnit: 'bytes' }, { key: 'a', str: 'z' },
    { key: 'n', num: -3 }, { key: 'b', str: 'y' }, { key: 'n', num: 4, numUnit: 'ms' },
  ]);
  b.addSample([l2], [-12345678901, 0], [{ key: 'k', num: 7 }]);
  b.addSample([], [3, 30000000]);
  return b.build();
}

describe('profileToString', () => {
  it('prints like pprof Profile.String()', () => {
    expect(profileToString(buildSample())).toBe(GO_PRINTED);
  });

  it('omits PeriodType, Time and Duration when unset', () => {
    const b = new ProfileBuilder();
    b.addSampleType('objects', 'count');
    const out = profileToString(b.build());
    expect(out).toBe('Period: 0\nSamples:\nobjects/count\nLocations\nMappings\n');
  });
});

// -raw goldens: pprof's driver runs profile.Merge on every profile it loads
// (unused mappings go, identical samples merge), so the golden is
// String() of the decoded profile after merge. Uses the protobuf decoder and
// merge of this repository when present.
const here = path.dirname(fileURLToPath(import.meta.url));
const decoderPath = path.join(here, 'decode-proto.ts');
const mergePath = path.join(here, 'merge.ts');
const haveDeps = fs.existsSync(decoderPath) && fs.existsSync(mergePath);
const RAW = ['cpu', 'heap', 'allocs', 'goroutine', 'mutex', 'block', 'cpu.http', 'cpu.base', 'cpu.new', 'heap.delta', 'allocs.delta'];
describe.skipIf(!haveDeps)('profileToString vs go tool pprof -raw', () => {
  it.each(RAW)('%s', async (name) => {
    const { decodeProto } = (await import(decoderPath)) as { decodeProto(b: Uint8Array): Profile };
    const { mergeProfiles } = (await import(mergePath)) as { mergeProfiles(ps: Profile[]): Profile };
    const bytes = gunzipSync(fs.readFileSync(path.join(GO, `${name}.pb.gz`)));
    const want = fs.readFileSync(path.join(GO, name, 'raw.txt'), 'utf8');
    expect(profileToString(mergeProfiles([decodeProto(new Uint8Array(bytes))]))).toBe(want);
  });
});
