// Only protobuf inputs and inputs no reader accepts: the legacy readers have
// their own tests.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GO } from '../../../test/fixtures';
import { cat, lf, P, smallProfile, u8, vf } from '../../../test/proto-writer';
import { ProfileError } from './errors';
import { parseProfile } from './parse';
import { errorOf } from '../../../test/error-of';

const read = (f: string): Uint8Array => new Uint8Array(readFileSync(path.join(GO, f)));

describe('parseProfile', () => {
  it('reads gzipped and plain protobuf alike, by content not by name', () => {
    const gz = read('heap.pb.gz');
    const plain = new Uint8Array(gunzipSync(gz));
    const a = parseProfile(gz);
    expect(a.samples.count).toBe(155);
    expect(parseProfile(plain)).toEqual(a);
    expect(parseProfile(u8(smallProfile())).samples.count).toBe(2);
  });

  it('passes the inflate limit on', () => {
    const e = errorOf(() => parseProfile(read('cpu.pb.gz'), { maxInflate: 4096 }));
    expect(e.message).toMatch(/inflates to more than 4KiB.*-max_inflate=/);
  });

  it('says what an execution trace is', () => {
    const e = errorOf(() => parseProfile(read('trace.out')));
    expect(e.message).toMatch(/^unrecognized profile format: the input is a Go execution trace .*go tool trace.*reads pprof protobuf profiles/);
  });

  it('says what other inputs are', () => {
    expect(errorOf(() => parseProfile(new Uint8Array(0))).message).toMatch(/the input is empty/);
    expect(errorOf(() => parseProfile(new TextEncoder().encode('<!doctype html><title>pprof</title>'))).message).toMatch(/an HTML page/);
    expect(errorOf(() => parseProfile(new TextEncoder().encode('{"traceEvents": []}'))).message).toMatch(/the input is JSON/);
    expect(errorOf(() => parseProfile(new TextEncoder().encode('hello\nworld\n'))).message).toMatch(/text that is not a known profile format \(first line: "hello"\)/);
    expect(errorOf(() => parseProfile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).message).toMatch(/a PNG image/);
    expect(errorOf(() => parseProfile(new Uint8Array(gzipSync(Buffer.from('{"a": 1}'))))).message).toMatch(/gzip data holding JSON/);
    expect(errorOf(() => parseProfile(new Uint8Array(gzipSync(Buffer.alloc(0))))).message).toMatch(/inflates to nothing/);
  });

  it('says "unrecognized" for random bytes, whatever the seed', () => {
    let seed = 12345;
    for (let n = 0; n < 50; n++) {
      const b = new Uint8Array(200);
      for (let i = 0; i < b.length; i++) b[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
      if (b[0] === 0x1f && b[1] === 0x8b) continue;
      let msg = '';
      try {
        parseProfile(b);
      } catch (e) {
        expect(e).toBeInstanceOf(ProfileError);
        msg = (e as Error).message;
      }
      expect(msg).toMatch(/^unrecognized profile format: the input is binary data|^malformed protobuf profile/);
    }
  });

  it('reports the protobuf error for a profile damaged deep inside, not "unrecognized"', () => {
    const plain = new Uint8Array(gunzipSync(read('large.pb.gz')));
    const cut = plain.subarray(0, Math.floor(plain.length * 0.6));
    expect(errorOf(() => parseProfile(cut)).message).toMatch(/^malformed protobuf profile: .*runs past the end of the input/);
    // Gzipped, a profile cut short inside is reported as a protobuf error too.
    const gz = new Uint8Array(gzipSync(cut));
    expect(errorOf(() => parseProfile(gz)).message).toMatch(/^malformed protobuf profile/);
    // A protobuf that decodes whole but fails validation is reported as such.
    const zeroId = u8(smallProfile({ mappings: lf(P.mapping, vf(2, 0x400000)), locations: cat(lf(P.location, vf(1, 1), lf(4, vf(1, 1))), lf(P.location, vf(1, 2), lf(4, vf(1, 1)))) }));
    expect(errorOf(() => parseProfile(zeroId)).message).toMatch(/^malformed profile: Profile\.mapping\[0\]\.id is 0/);
  });

  it('rejects concatenated profiles without trying the legacy readers', () => {
    const one = smallProfile();
    const e = errorOf(() => parseProfile(u8(cat(one, one))));
    expect(e.message).toMatch(/several profiles one after another/);
  });

  it('gives a ProfileError for a gzipped profile cut at any of many offsets', () => {
    const gz = read('mutex.pb.gz');
    for (let cut = 0; cut < gz.length; cut += 7) {
      const e = errorOf(() => parseProfile(gz.subarray(0, cut)));
      expect(e.message.length).toBeGreaterThan(20);
    }
  });
});
