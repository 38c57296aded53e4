import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GO, PPROF_TESTDATA } from '../../../test/fixtures';
import { DEFAULT_MAX_INFLATE, formatSize, gunzip, isGzip } from './gunzip';
import { errorOf } from '../../../test/error-of';

const MiB = 1024 * 1024;

describe('gunzip', () => {
  it('inflates the fixtures exactly as zlib does', () => {
    for (const f of [path.join(GO, 'cpu.pb.gz'), path.join(GO, 'large.pb.gz'), path.join(PPROF_TESTDATA, 'large.cpu')]) {
      const gz = new Uint8Array(readFileSync(f));
      expect(isGzip(gz)).toBe(true);
      expect(Buffer.from(gunzip(gz)).equals(gunzipSync(gz))).toBe(true);
    }
  });

  it('has a 1 GiB default limit', () => {
    expect(DEFAULT_MAX_INFLATE).toBe(1024 * MiB);
    expect(formatSize(DEFAULT_MAX_INFLATE)).toBe('1GiB');
    expect(formatSize(64 * MiB)).toBe('64MiB');
  });

  it('reads concatenated gzip members one after the other, as Go does', () => {
    const a = gzipSync(Buffer.from('first member, '));
    const b = gzipSync(Buffer.from('second member'));
    const out = gunzip(new Uint8Array(Buffer.concat([a, b])));
    expect(new TextDecoder().decode(out)).toBe('first member, second member');
  });

  it('accepts an empty member', () => {
    expect(gunzip(new Uint8Array(gzipSync(Buffer.alloc(0)))).length).toBe(0);
  });

  it('allows exactly the limit and refuses one byte more', () => {
    const gz = new Uint8Array(gzipSync(Buffer.alloc(1000, 7)));
    expect(gunzip(gz, 1000).length).toBe(1000);
    const e = errorOf(() => gunzip(gz, 999));
    expect(e.message).toMatch(/inflates to more than 999B/);
  });

  it('refuses a decompression bomb (2 GiB of zeros) with a 64 MiB cap', () => {
    // 128 members of 16 MiB of zeros: 2 GiB inflated, about 2 MB compressed.
    const member = gzipSync(Buffer.alloc(16 * MiB), { level: 9 });
    const bomb = new Uint8Array(Buffer.concat(new Array(128).fill(member)));
    expect(bomb.length).toBeLessThan(4 * MiB);
    const e = errorOf(() => gunzip(bomb, 64 * MiB));
    expect(e.message).toMatch(/inflates to more than 64MiB, the limit on the uncompressed size/);
    expect(e.message).toMatch(/-max_inflate=SIZE, e\.g\. -max_inflate=2GiB/);
    // A single member bigger than the cap is refused too.
    const single = new Uint8Array(gzipSync(Buffer.alloc(80 * MiB)));
    expect(errorOf(() => gunzip(single, 64 * MiB)).message).toMatch(/more than 64MiB/);
  }, 120_000);

  it('refuses a bomb past the point where it stops keeping output, and inflates a compressible input under the cap', () => {
    const member = gzipSync(Buffer.alloc(16 * MiB), { level: 9 });
    const bomb = new Uint8Array(Buffer.concat(new Array(12).fill(member))); // 192 MiB of zeros
    expect(errorOf(() => gunzip(bomb, 160 * MiB)).message).toMatch(/more than 160MiB/);
    // 80 MiB of zeros under a 160 MiB cap: counted, then inflated for real.
    const ok = gunzip(new Uint8Array(gzipSync(Buffer.alloc(80 * MiB))), 160 * MiB);
    expect(ok.length).toBe(80 * MiB);
    expect(ok.every((b) => b === 0)).toBe(true);
  }, 120_000);

  it('reports a truncated gzip file', () => {
    const gz = new Uint8Array(readFileSync(path.join(GO, 'cpu.pb.gz')));
    for (const cut of [10, 100, gz.length >> 1, gz.length - 5, gz.length - 1]) {
      const e = errorOf(() => gunzip(gz.subarray(0, cut)));
      expect(e.message).toMatch(/gzip data is truncated|corrupt gzip data/);
    }
    expect(errorOf(() => gunzip(gz.subarray(0, gz.length >> 1))).message).toMatch(/truncated: it ends \(after \d+ bytes, \d+ inflated\)/);
  });

  it('reports corrupt gzip data with what went wrong', () => {
    const gz = new Uint8Array(readFileSync(path.join(GO, 'cpu.pb.gz')));
    const crc = gz.slice();
    crc[crc.length - 6] ^= 0xff; // inside the CRC-32 of the trailer
    expect(errorOf(() => gunzip(crc)).message).toMatch(/corrupt gzip data \(incorrect data check\)/);
    const method = gz.slice();
    method[2] = 7; // compression method other than deflate
    expect(errorOf(() => gunzip(method)).message).toMatch(/corrupt gzip data \(unknown compression method\)/);
    const body = gz.slice();
    for (let i = 20; i < 60; i++) body[i] ^= 0x5a;
    expect(errorOf(() => gunzip(body)).message).toMatch(/corrupt gzip data \(.+\)|truncated/);
    expect(errorOf(() => gunzip(new Uint8Array([1, 2, 3]))).message).toMatch(/not gzip data/);
  });
});
