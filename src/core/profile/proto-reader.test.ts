import { describe, expect, it } from 'vitest';
import { Decoder, decodeStrings, ranges, varintEnds } from './proto-reader';

describe('varintEnds', () => {
  it('counts the bytes below 0x80 of every range, at every alignment', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const backing = new Uint8Array(4096 + 8);
    for (let i = 0; i < backing.length; i++) backing[i] = rand(256);
    for (let off = 0; off < 8; off++) {
      for (const len of [0, 1, 2, 3, 5, 7, 64, 4096]) {
        const buf = backing.subarray(off, off + len);
        const starts: number[] = [];
        const ends: number[] = [];
        for (let r = 0; r < 200 && len > 0; r++) {
          const a = rand(len + 1);
          const b = a + rand(len - a + 1);
          starts.push(a);
          ends.push(b);
        }
        let want = 0;
        for (let r = 0; r < starts.length; r++) for (let k = starts[r]; k < ends[r]; k++) if (buf[k] < 0x80) want++;
        expect(varintEnds(buf, Uint32Array.from(starts), Uint32Array.from(ends), starts.length)).toBe(want);
      }
    }
  });

  it('counts ranges in order and apart (one span minus the gaps) the same way', () => {
    const buf = new Uint8Array(10000);
    for (let i = 0; i < buf.length; i++) buf[i] = (i * 7919) & 0xff;
    for (const off of [0, 1, 3]) {
      const b = buf.subarray(off);
      const starts: number[] = [];
      const ends: number[] = [];
      for (let k = 2; k + 40 < b.length; k += 41 + (k % 13)) {
        starts.push(k);
        ends.push(k + (k % 37)); // some empty, gaps of 1 to 54 bytes
      }
      let want = 0;
      for (let r = 0; r < starts.length; r++) for (let k = starts[r]; k < ends[r]; k++) if (b[k] < 0x80) want++;
      expect(varintEnds(b, Uint32Array.from(starts), Uint32Array.from(ends), starts.length)).toBe(want);
    }
  });
});

describe('decodeStrings', () => {
  const decode = (parts: number[][]): string[] => {
    // string_table fields: tag, one- or two-byte length, bytes
    const bytes: number[] = [];
    const r = ranges();
    for (const p of parts) {
      bytes.push(0x32);
      if (p.length < 0x80) bytes.push(p.length);
      else bytes.push((p.length & 0x7f) | 0x80, p.length >> 7);
      r.add(bytes.length, bytes.length + p.length);
      bytes.push(...p);
    }
    const out: string[] = [];
    decodeStrings(new Decoder(Uint8Array.from(bytes)), r, out);
    return out;
  };
  const enc = (s: string): number[] => Array.from(new TextEncoder().encode(s));

  it('reads ASCII strings, also when a length prefix between them has a byte above 0x7f', () => {
    const long = 'x'.repeat(300);
    expect(decode([[], enc('main.f'), enc(long), enc('b')])).toEqual(['', 'main.f', long, 'b']);
  });

  it('reads UTF-8 strings, with bytes above 0x7f anywhere in them', () => {
    const ss = ['', '\u0080', 'naïve', 'x'.repeat(200) + '€', '日本', '\u{1F600}'];
    expect(decode(ss.map(enc))).toEqual(ss);
  });
});
