// A minimal protobuf writer for the generator: varints and length-delimited
// messages into one growable buffer. No capacity checks per write (that would
// dominate a 100 MB write): callers reserve room with ensure() first.

export class ProtoWriter {
  buf: Uint8Array;
  pos = 0;
  private encoder = new TextEncoder();

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(1024, capacity));
  }

  /** Makes room for n more bytes (grows by 1.5x, copying once). */
  ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length;
    while (size < need) size = Math.ceil(size * 1.5);
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.pos));
    this.buf = b;
  }

  /** Unsigned varint of 0 <= v < 2^53. */
  varint(v: number): void {
    const buf = this.buf;
    let p = this.pos;
    if (v < 0x80000000) {
      while (v >= 0x80) {
        buf[p++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
    } else {
      while (v >= 0x80) {
        buf[p++] = (v & 0x7f) | 0x80; // & works on the low 32 bits: exact for the low 7
        v = Math.floor(v / 128);
      }
    }
    buf[p++] = v;
    this.pos = p;
  }

  /** Unsigned varint of a 64-bit value (negative int64 as two's complement). */
  varintBig(v: bigint): void {
    let x = BigInt.asUintN(64, v);
    while (x >= 0x80n) {
      this.buf[this.pos++] = Number(x & 0x7fn) | 0x80;
      x >>= 7n;
    }
    this.buf[this.pos++] = Number(x);
  }

  /** field, wire type 0, value. */
  uint(field: number, v: number): void {
    this.varint(field << 3);
    this.varint(v);
  }

  /** Like uint, but omitted when 0 (proto3 default). */
  uintOpt(field: number, v: number): void {
    if (v !== 0) this.uint(field, v);
  }

  string(field: number, s: string): void {
    this.varint((field << 3) | 2);
    // Reserve the length for the worst case, then move the bytes if shorter.
    const at = this.pos;
    const maxLen = s.length * 3;
    const reserve = varintSize(maxLen);
    const { written } = this.encoder.encodeInto(s, this.buf.subarray(at + reserve));
    const size = varintSize(written);
    if (size !== reserve) this.buf.copyWithin(at + size, at + reserve, at + reserve + written);
    this.varint(written);
    this.pos = at + size + written;
  }

  /** Starts a length-delimited field; returns the mark to pass to end(). */
  begin(field: number): number {
    this.varint((field << 3) | 2);
    return this.pos++; // one byte reserved for the length
  }

  /** Ends a message begun at mark: writes its length, shifting it if > 127. */
  end(mark: number): void {
    const len = this.pos - mark - 1;
    if (len < 0x80) {
      this.buf[mark] = len;
      return;
    }
    const size = varintSize(len);
    this.ensure(size - 1);
    this.buf.copyWithin(mark + size, mark + 1, this.pos);
    this.pos += size - 1;
    const save = this.pos;
    this.pos = mark;
    this.varint(len);
    this.pos = save;
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

export function varintSize(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}
