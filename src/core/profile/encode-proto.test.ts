import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GO } from '../../../test/fixtures';
import { ProfileBuilder } from './builder';
import { decodeProto } from './decode-proto';
import { encodeProto } from './encode-proto';

describe('encodeProto', () => {
  it('round-trips every field, negative numbers and 64-bit addresses', () => {
    const b = new ProfileBuilder();
    b.addSampleType('alloc_space', 'bytes');
    b.addSampleType('inuse_space', 'bytes');
    b.periodType = b.valueType('space', 'bytes');
    b.period = 524288;
    b.timeNanos = 1795735434252230660n;
    b.durationNanos = 2e9;
    b.dropFrames = b.string('^runtime\\.');
    b.keepFrames = b.string('^main\\.');
    b.comments = [b.string('first comment'), b.string('ünïcödé comment')];
    b.defaultSampleType = b.string('inuse_space');
    b.docUrl = b.string('https://example.com/doc');
    const m0 = b.addMapping({ id: 7, start: 0x400000n, limit: 0x67b000n, offset: 0x1000n, file: b.string('/bin/app'), buildId: b.string('abc'), hasFunctions: true, hasInlineFrames: true });
    const m1 = b.addMapping({ id: 9, start: 0xffffffffff600000n, limit: 0xffffffffff601000n, file: b.string('[vsyscall]'), hasFilenames: true, hasLineNumbers: true });
    const f0 = b.addFunction('main.main', 'main.main', 'main.go', 10, 1000);
    const f1 = b.addFunction('runtime.x', 'runtime.x_sys', 'proc.go', -1, 3);
    const l0 = b.addLocation(0x401234n, m0, [{ function: f1, line: 5, column: 7 }, { function: f0, line: -3 }], true, 42);
    const l1 = b.addLocation(0xffffffffff600400n, m1, [], false, 43);
    const l2 = b.addLocation(0n, -1, [{ function: f0, line: 1 }], false, 2 ** 40);
    b.addSample([l0, l1, l2], [100, -(2 ** 40)], [{ key: 'k', str: 'v' }, { key: 'bytes', num: -64, numUnit: 'bytes' }, { key: 'k', str: 'w' }]);
    b.addSample([], [0, 0]);
    b.addSample([l2], [-1, 3]);
    const p = b.build();
    const q = decodeProto(encodeProto(p));
    // Three locations: the decoder keeps their rows in 16 bits.
    expect(q.samples.stackLocs).toBeInstanceOf(Uint16Array);
    expect({ ...q, samples: { ...q.samples, stackLocs: Uint32Array.from(q.samples.stackLocs) } }).toEqual(p);
  });

  it('keeps an empty period_type apart from none', () => {
    const b = new ProfileBuilder();
    b.periodType = { type: 0, unit: 0 };
    expect(decodeProto(encodeProto(b.build())).periodType).toEqual({ type: 0, unit: 0 });
    expect(decodeProto(encodeProto(new ProfileBuilder().build())).periodType).toBeNull();
  });

  it('writes a Go profile back to the same number of bytes, modulo packing', () => {
    // Go packs every repeated field, as we do, and omits zero fields, as we do.
    const raw = new Uint8Array(gunzipSync(readFileSync(path.join(GO, 'mutex.pb.gz'))));
    const out = encodeProto(decodeProto(raw));
    expect(decodeProto(out)).toEqual(decodeProto(raw));
    expect(Math.abs(out.length - raw.length)).toBeLessThan(raw.length / 10);
  });
});
