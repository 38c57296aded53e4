import protobuf from 'protobufjs/minimal';
import { describe, expect, it } from 'vitest';
import { ProtoWriter, varintSize } from './proto-writer';

// protobufjs's Reader is the independent decoder these tests check against.
const u64 = (r: protobuf.Reader): bigint => BigInt(String(r.uint64()));

describe('ProtoWriter', () => {
  it('writes varints that protobufjs reads back, at every size boundary', () => {
    const vals = [0, 1, 127, 128, 16383, 16384, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 35 + 5, 2 ** 53 - 1];
    const w = new ProtoWriter(16);
    for (const v of vals) {
      w.ensure(10);
      const at = w.pos;
      w.varint(v);
      expect(w.pos - at).toBe(varintSize(v));
    }
    const r = protobuf.Reader.create(w.bytes());
    for (const v of vals) expect(u64(r)).toBe(BigInt(v));
    expect(r.pos).toBe(r.len);
  });

  it('writes 64-bit varints from bigints, negatives as two\'s complement', () => {
    const vals = [0n, 1795734000000000000n, 0xffffffffff600000n, -1n, -123456789n];
    const w = new ProtoWriter(16);
    for (const v of vals) {
      w.ensure(10);
      w.varintBig(v);
    }
    const r = protobuf.Reader.create(w.bytes());
    for (const v of vals) expect(BigInt.asIntN(64, BigInt(String(r.int64())))).toBe(BigInt.asIntN(64, v));
  });

  it('nests messages of any length, moving the content when the length needs more than one byte', () => {
    for (const n of [0, 1, 126, 127, 128, 300, 16383, 16384, 70000]) {
      const w = new ProtoWriter(8); // starts tiny: ensure() must grow it
      const outer = w.begin(2);
      w.ensure(n * 2 + 20);
      const inner = w.begin(1);
      for (let i = 0; i < n; i++) w.varint(i % 128);
      w.end(inner);
      w.uint(3, n);
      w.end(outer);
      const r = protobuf.Reader.create(w.bytes());
      expect(r.uint32()).toBe((2 << 3) | 2);
      const outerEnd = r.uint32() + r.pos;
      expect(outerEnd).toBe(w.pos);
      expect(r.uint32()).toBe((1 << 3) | 2);
      const innerEnd = r.uint32() + r.pos;
      let bad = 0;
      for (let i = 0; i < n; i++) if (r.uint32() !== i % 128) bad++;
      expect(bad).toBe(0);
      expect(r.pos).toBe(innerEnd);
      expect(r.uint32()).toBe(3 << 3);
      expect(r.uint32()).toBe(n);
      expect(r.pos).toBe(outerEnd);
    }
  });

  it('writes strings as UTF-8 with their byte length', () => {
    const strs = ['', 'a', 'x'.repeat(127), 'y'.repeat(128), 'é'.repeat(64), '日本'.repeat(30), 'z'.repeat(20000)];
    const w = new ProtoWriter(4);
    for (const s of strs) {
      w.ensure(16 + s.length * 3);
      w.string(6, s);
    }
    const r = protobuf.Reader.create(w.bytes());
    for (const s of strs) {
      expect(r.uint32()).toBe((6 << 3) | 2);
      expect(r.string()).toBe(s);
    }
    expect(r.pos).toBe(r.len);
  });
});
