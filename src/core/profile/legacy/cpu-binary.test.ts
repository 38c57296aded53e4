import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PPROF_TESTDATA } from '../../../../test/fixtures';
import { parseLegacy } from './index';
import { profileToString } from '../to-string';

// go.crc32.cpu is 64-bit little-endian; rewrite its words in the other three
// encodings (its addresses fit in 32 bits) and expect the same profile.
function words64le(b: Uint8Array): { words: bigint[]; trailer: Uint8Array } {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const words: bigint[] = [];
  let pos = 0;
  const next = (): bigint => {
    const w = v.getBigUint64(pos, true);
    pos += 8;
    words.push(w);
    return w;
  };
  for (let i = 0; i < 5; i++) next();
  for (;;) {
    const count = next();
    const n = next();
    const addrs: bigint[] = [];
    for (let i = 0n; i < n; i++) addrs.push(next());
    if (count === 0n && n === 1n && addrs[0] === 0n) break;
  }
  return { words, trailer: b.subarray(pos) };
}

function encode(words: bigint[], trailer: Uint8Array, size: 4 | 8, little: boolean): Uint8Array {
  const out = new Uint8Array(words.length * size + trailer.length);
  const v = new DataView(out.buffer);
  words.forEach((w, i) => {
    if (size === 4) v.setUint32(i * 4, Number(w), little);
    else v.setBigUint64(i * 8, w, little);
  });
  out.set(trailer, words.length * size);
  return out;
}

describe('binary CPU profile encodings', () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(PPROF_TESTDATA, 'go.crc32.cpu')));
  const want = fs.readFileSync(path.join(PPROF_TESTDATA, 'go.crc32.cpu.string'), 'utf8');
  const { words, trailer } = words64le(bytes);

  it('the fixture fits in 32-bit words', () => {
    expect(words.length).toBeGreaterThan(100);
    expect(words.every((w) => w < 1n << 32n)).toBe(true);
  });

  it.each([
    [4, true],
    [4, false],
    [8, true],
    [8, false],
  ] as const)('%i-byte words, little-endian %s', (size, little) => {
    const p = parseLegacy(encode(words, trailer, size, little));
    expect(p).not.toBeNull();
    expect(profileToString(p!, { columns: true })).toBe(want);
  });

  it('a truncated 32-bit big-endian profile is an error', () => {
    const b = encode(words, trailer, 4, false);
    expect(() => parseLegacy(b.subarray(0, 101))).toThrow(/32-bit big-endian\) is truncated or corrupt/);
  });
});
