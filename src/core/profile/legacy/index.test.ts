// parseLegacy's contract: null, fast, for what is no legacy format; a
// ProfileError that says where and what for a legacy input that is broken.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GO, PPROF_TESTDATA } from '../../../../test/fixtures';
import { parseLegacy } from './index';
import { ProfileError } from '../errors';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function errorOf(input: Uint8Array | string): ProfileError {
  try {
    parseLegacy(typeof input === 'string' ? enc(input) : input);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return e as ProfileError;
  }
  throw new Error('expected a ProfileError');
}

function randomBytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

describe('parseLegacy returns null for other inputs', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['JSON', enc('{"samples": [1, 2, 3], "heap profile": "no"}\n')],
    ['plain text', enc('hello world\nthis is not a profile\n')],
    ['HTML', enc('<!DOCTYPE html><html><body>404 page not found</body></html>\n')],
    ['random bytes', randomBytes(200_000, 7)],
    ['1 MiB of zeros (no line end)', new Uint8Array(1 << 20)],
    ['a Go execution trace', new Uint8Array(fs.readFileSync(path.join(GO, 'trace.out')))],
    ['a protobuf profile', new Uint8Array(gunzipSync(fs.readFileSync(path.join(GO, 'cpu.pb.gz'))))],
    ['a large protobuf profile', new Uint8Array(fs.readFileSync(path.join(PPROF_TESTDATA, 'large.cpu')))],
    ['gzip bytes', new Uint8Array(fs.readFileSync(path.join(GO, 'heap.pb.gz')))],
  ])('%s', (_name, bytes) => {
    expect(parseLegacy(bytes)).toBeNull();
  });
});

describe('parseLegacy reports malformed legacy input', () => {
  it('heap: broken sample line, with its line number', () => {
    const e = errorOf('heap profile: 2: 64 [2: 64] @ heap_v2/524288\n1: 32 [1: 32] @ 0x401000 0x402000\nthis is not a sample\n');
    expect(e.message).toMatch(/^heap profile, line 3: expected a sample like "1: 4096 \[2: 8192\] @ 0x4a1b2c 0x4a0f00", got "this is not a sample"/);
  });

  it('heap: truncated in the middle of a line', () => {
    const text = fs.readFileSync(path.join(GO, 'heap.debug1.txt'), 'utf8');
    const cut = text.search(/\n\d+: \d+ \[/) + 6; // a few characters into a sample line
    const e = errorOf(text.slice(0, cut));
    expect(e.message).toMatch(/^heap profile, line \d+: expected a sample like/);
  });

  it('heap: an unknown header kind', () => {
    const e = errorOf('heap profile: 1: 64 [1: 64] @ heapfoo/7\n1: 64 [1: 64] @ 0x401000\n');
    expect(e.message).toMatch(/^heap profile, line 1: unknown header "heap profile: 1: 64 \[1: 64\] @ heapfoo\/7"/);
  });

  it('heap: a zero count with bytes', () => {
    const e = errorOf('heap profile: 1: 64 [1: 64] @ heap_v2/524288\n0: 32 [1: 64] @ 0x401000\n');
    expect(e.message).toContain('line 2: inuse count was 0 but inuse bytes was 32');
  });

  it('goroutine count: a line that is no record', () => {
    const e = errorOf('goroutine profile: total 3\n2 @ 0x401000 0x402000\n1 @ zzz\n');
    expect(e.message).toMatch(/^goroutine profile, line 3: expected "<count> @ 0x<address> \.\.\.", got "1 @ zzz"/);
  });

  it('contention: a line that is no sample', () => {
    const e = errorOf('--- mutex:\ncycles/second=2000000000\nsampling period=1\n100 2 @ 0x401000\n# a comment\nbroken sample\n');
    expect(e.message).toMatch(/^contention profile, line 6: expected "<delay> <count> @ 0x<address> \.\.\.", got "broken sample"/);
  });

  it('contention: an unknown attribute', () => {
    const e = errorOf('--- contentionz 1 ---\ncolour = blue\n');
    expect(e.message).toContain('line 2: unknown attribute "colour"');
  });

  it('thread dump: a section that is no thread', () => {
    const e = errorOf('--- threadz 1 ---\n--- Thread 1a (name: main/1) stack: ---\n  PC: 0x401000\n--- something else ---\n');
    expect(e.message).toMatch(/^thread dump, line 4: expected "--- Thread <id> \(name: <name>\/<tid>\) stack: ---", got "--- something else ---"/);
  });

  it('java heap: a zero object count', () => {
    const e = errorOf('--- heapz 1 ---\nformat = java\nresolution = bytes\n 100 0 @ 0x1\n');
    expect(e.message).toMatch(/^Java heap profile, line 4: the object count \(second number\) must not be 0/);
  });

  it('binary CPU profile: truncated', () => {
    const b = new Uint8Array(fs.readFileSync(path.join(PPROF_TESTDATA, 'go.crc32.cpu')));
    const e = errorOf(b.subarray(0, 300));
    expect(e.message).toMatch(
      /^legacy CPU profile \(64-bit little-endian\) is truncated or corrupt: at byte \d+, .* does not fit in the \d+ bytes left\./,
    );
  });

  it('binary CPU profile: a header only is an empty profile, not an error', () => {
    const b = new Uint8Array(fs.readFileSync(path.join(PPROF_TESTDATA, 'go.crc32.cpu')));
    const p = parseLegacy(b.subarray(0, 40))!;
    expect(p.samples.count).toBe(0);
    expect(p.period).toBe(10000 * 1000);
  });
});

describe('parseLegacy accepts what Go writes beyond pprof', () => {
  it('a count record with an empty stack', () => {
    const p = parseLegacy(enc('threadcreate profile: total 10\n9 @\n1 @ 0x401000 0x402000\n'))!;
    expect(Array.from(p.samples.values[0])).toEqual([9, 1]);
    expect(p.samples.stackStart[1] - p.samples.stackStart[0]).toBe(0);
  });
});
