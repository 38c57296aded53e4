// Writes a Profile as profile.proto bytes (uncompressed), in pprof's field
// order and style (zero scalars omitted, repeated scalars packed). The string
// table is written as is, so decodeProto(encodeProto(p)) equals p.
import type { Profile, ValueType } from './model';

const TWO32 = 4294967296;
const utf8 = new TextEncoder();

/** Bytes of the varint of a 32-bit unsigned value. */
function vsize(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

class Writer {
  buf = new Uint8Array(1 << 16);
  len = 0;

  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }

  /** Unsigned varint of a non-negative integer number (exact up to 2^53). */
  uvarint(v: number): void {
    this.ensure(10);
    const buf = this.buf;
    let pos = this.len;
    if (v < 0x80000000) {
      while (v >= 0x80) {
        buf[pos++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      buf[pos++] = v;
      this.len = pos;
      return;
    }
    this.varint64(v % TWO32 >>> 0, Math.floor(v / TWO32) >>> 0);
  }

  /** A 64-bit varint given as two 32-bit halves. */
  varint64(lo: number, hi: number): void {
    this.ensure(10);
    const buf = this.buf;
    let pos = this.len;
    while (hi !== 0 || lo >= 0x80) {
      buf[pos++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    buf[pos++] = lo;
    this.len = pos;
  }

  /** Signed int64 (two's complement for negatives, 10 bytes), from a number. */
  svarint(v: number): void {
    v = Math.trunc(v);
    if (v >= 0) {
      this.uvarint(v);
      return;
    }
    const u = BigInt.asUintN(64, BigInt(v));
    this.varint64(Number(u & 0xffffffffn), Number(u >> 32n));
  }

  bigvarint(v: bigint): void {
    const u = BigInt.asUintN(64, v);
    this.varint64(Number(u & 0xffffffffn), Number(u >> 32n));
  }

  tag(field: number, wire: number): void {
    this.uvarint(field * 8 + wire);
  }

  /** Optional int64 field: omitted when 0, as pprof's encodeInt64Opt. */
  int(field: number, v: number): void {
    if (v === 0) return;
    this.tag(field, 0);
    this.svarint(v);
  }

  uint(field: number, v: number): void {
    if (v === 0) return;
    this.tag(field, 0);
    this.uvarint(v);
  }

  big(field: number, v: bigint): void {
    if (v === 0n) return;
    this.tag(field, 0);
    this.bigvarint(v);
  }

  bool(field: number, v: boolean): void {
    if (!v) return;
    this.tag(field, 0);
    this.uvarint(1);
  }

  /** Starts a length-delimited field; returns the position of its body. */
  begin(): number {
    return this.len;
  }

  /** Ends a length-delimited field begun at `start`: moves the body to make room for tag and length. */
  end(field: number, start: number): void {
    const n = this.len - start;
    const tag = field * 8 + 2;
    const hl = vsize(tag) + vsize(n);
    this.ensure(hl);
    const buf = this.buf;
    buf.copyWithin(start + hl, start, this.len);
    let pos = start;
    for (let v = tag; ; v >>>= 7) {
      if (v < 0x80) {
        buf[pos++] = v;
        break;
      }
      buf[pos++] = (v & 0x7f) | 0x80;
    }
    for (let v = n; ; v >>>= 7) {
      if (v < 0x80) {
        buf[pos++] = v;
        break;
      }
      buf[pos++] = (v & 0x7f) | 0x80;
    }
    this.len += hl;
  }

  bytes(field: number, b: Uint8Array): void {
    this.tag(field, 2);
    this.uvarint(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** Packed repeated int64 (signed) values. */
  packed(field: number, get: (k: number) => number, n: number, signed: boolean): void {
    if (n === 0) return;
    const start = this.begin();
    for (let k = 0; k < n; k++) {
      if (signed) this.svarint(get(k));
      else this.uvarint(get(k));
    }
    this.end(field, start);
  }

  valueType(field: number, vt: ValueType): void {
    const st = this.begin();
    this.int(1, vt.type);
    this.int(2, vt.unit);
    this.end(field, st);
  }
}

/** Encodes p as an uncompressed profile.proto message. */
export function encodeProto(p: Profile): Uint8Array {
  const w = new Writer();
  for (const vt of p.sampleTypes) w.valueType(1, vt);

  const sm = p.samples;
  const nT = p.sampleTypes.length;
  const locIds = p.locations.id;
  for (let i = 0; i < sm.count; i++) {
    const st = w.begin();
    const a = sm.stackStart[i];
    w.packed(1, (k) => locIds[sm.stackLocs[a + k]], sm.stackStart[i + 1] - a, false);
    w.packed(2, (t) => sm.values[t][i], nT, true);
    for (let k = sm.labelStart[i]; k < sm.labelStart[i + 1]; k++) {
      const ls = w.begin();
      w.int(1, sm.labelKey[k]);
      w.int(2, sm.labelStr[k]);
      w.int(3, sm.labelNum[k]);
      w.int(4, sm.labelNumUnit[k]);
      w.end(3, ls);
    }
    w.end(2, st);
  }

  for (const m of p.mappings) {
    const st = w.begin();
    w.uint(1, m.id);
    w.big(2, m.start);
    w.big(3, m.limit);
    w.big(4, m.offset);
    w.int(5, m.file);
    w.int(6, m.buildId);
    w.bool(7, m.hasFunctions);
    w.bool(8, m.hasFilenames);
    w.bool(9, m.hasLineNumbers);
    w.bool(10, m.hasInlineFrames);
    w.end(3, st);
  }

  const loc = p.locations;
  for (let i = 0; i < loc.count; i++) {
    const st = w.begin();
    w.uint(1, loc.id[i]);
    const m = loc.mapping[i];
    if (m >= 0) w.uint(2, p.mappings[m].id);
    w.big(3, loc.address[i]);
    for (let k = loc.lineStart[i]; k < loc.lineStart[i + 1]; k++) {
      const ls = w.begin();
      const f = loc.lineFunction[k];
      if (f >= 0) w.uint(1, p.functions.id[f]);
      w.int(2, loc.lineNumber[k]);
      w.int(3, loc.lineColumn[k]);
      w.end(4, ls);
    }
    w.bool(5, loc.isFolded[i] !== 0);
    w.end(4, st);
  }

  const fn = p.functions;
  for (let i = 0; i < fn.count; i++) {
    const st = w.begin();
    w.uint(1, fn.id[i]);
    w.int(2, fn.name[i]);
    w.int(3, fn.systemName[i]);
    w.int(4, fn.filename[i]);
    w.int(5, fn.startLine[i]);
    w.end(5, st);
  }

  for (const s of p.strings) w.bytes(6, utf8.encode(s));
  w.int(7, p.dropFrames);
  w.int(8, p.keepFrames);
  if (p.timeNanos !== 0n) {
    w.tag(9, 0);
    w.bigvarint(p.timeNanos);
  }
  w.int(10, p.durationNanos);
  if (p.periodType) w.valueType(11, p.periodType);
  w.int(12, p.period);
  w.packed(13, (k) => p.comments[k], p.comments.length, true);
  w.int(14, p.defaultSampleType);
  w.int(15, p.docUrl);
  return w.buf.slice(0, w.len);
}
