// The wire-level half of the profile.proto decoder: a cursor over the bytes
// that reads varints (exact 64-bit halves, at most 10 bytes), length prefixes
// and unknown fields, and turns every malformation into a ProtoDecodeError that
// names the field path (Profile.sample[12].value) and the byte offset. Plus the
// small containers the decoder fills (growable typed arrays, id -> row maps).
import { ProfileError } from './errors';
import type { ValueType } from './model';

export type ProtoErrorKind = 'malformed' | 'concatenated' | 'invalid';

/** A protobuf decode failure: `offset` is the byte where it was detected,
 * `topLevelFields` how many top-level fields were read whole before it. */
export class ProtoDecodeError extends ProfileError {
  constructor(
    message: string,
    readonly kind: ProtoErrorKind,
    readonly offset: number,
    readonly topLevelFields: number,
    readonly complete: boolean,
  ) {
    super(message);
  }
}

export const WIRE = ['varint', '64-bit', 'length-delimited', 'start-group', 'end-group', '32-bit', '6 (invalid)', '7 (invalid)'];

// Field names per message, for error messages; '' = unknown field number.
// Expected wire types: 'v' varint, 'l' length-delimited, 'p' varint or packed.
export interface Schema {
  name: string;
  fields: string[];
  wires: string;
}
export const S_PROFILE: Schema = {
  name: 'Profile',
  fields: ['', 'sample_type', 'sample', 'mapping', 'location', 'function', 'string_table', 'drop_frames', 'keep_frames',
    'time_nanos', 'duration_nanos', 'period_type', 'period', 'comment', 'default_sample_type', 'doc_url'],
  wires: ' llllllvvvvlvpvv',
};
export const S_VALUE_TYPE: Schema = { name: 'ValueType', fields: ['', 'type', 'unit'], wires: ' vv' };
export const S_SAMPLE: Schema = { name: 'Sample', fields: ['', 'location_id', 'value', 'label'], wires: ' ppl' };
export const S_LABEL: Schema = { name: 'Label', fields: ['', 'key', 'str', 'num', 'num_unit'], wires: ' vvvv' };
export const S_MAPPING: Schema = {
  name: 'Mapping',
  fields: ['', 'id', 'memory_start', 'memory_limit', 'file_offset', 'filename', 'build_id', 'has_functions',
    'has_filenames', 'has_line_numbers', 'has_inline_frames'],
  wires: ' vvvvvvvvvv',
};
export const S_LOCATION: Schema = { name: 'Location', fields: ['', 'id', 'mapping_id', 'address', 'line', 'is_folded'], wires: ' vvvlv' };
export const S_LINE: Schema = { name: 'Line', fields: ['', 'function_id', 'line', 'column'], wires: ' vvv' };
export const S_FUNCTION: Schema = {
  name: 'Function',
  fields: ['', 'id', 'name', 'system_name', 'filename', 'start_line'],
  wires: ' vvvvv',
};

const TWO32 = 4294967296;

/** Growable typed array (doubling). */
export class Grow<T extends Float64Array | Uint32Array | Int32Array | Uint16Array> {
  n = 0;
  constructor(public a: T) {}
  push(v: number): void {
    if (this.n === this.a.length) this.grow();
    this.a[this.n++] = v;
  }
  /** Makes the capacity `size` (by default, doubles it). */
  grow(size = this.a.length * 2 + 16): void {
    const b = new (this.a.constructor as new (n: number) => T)(size);
    b.set(this.a);
    this.a = b;
  }
  /** The filled part: a view when at most 1-minFill is wasted, else a copy. */
  done(minFill = 0.75): T {
    return (this.n >= this.a.length * minFill ? this.a.subarray(0, this.n) : this.a.slice(0, this.n)) as T;
  }
}

/** id -> row index: a dense Int32Array when ids are small, else a Map. */
export class IdIndex {
  dense: Int32Array | null = null;
  private map: Map<number, number> | null = null;
  constructor(ids: ArrayLike<number>, n: number) {
    let max = 0;
    for (let i = 0; i < n; i++) if (ids[i] > max) max = ids[i];
    if (max <= 4 * n + 1024) {
      const d = new Int32Array(max + 1).fill(-1);
      // Last one wins, as in pprof; duplicates are reported by validateProfile.
      for (let i = 0; i < n; i++) if (ids[i] !== 0) d[ids[i]] = i;
      this.dense = d;
    } else {
      const m = new Map<number, number>();
      for (let i = 0; i < n; i++) if (ids[i] !== 0) m.set(ids[i], i);
      this.map = m;
    }
  }
  get(id: number): number {
    const d = this.dense;
    if (d !== null) {
      const r = id < d.length ? d[id] : -1;
      return r === undefined ? -1 : r;
    }
    return this.map!.get(id) ?? -1;
  }
}

const utf8 = new TextDecoder('utf-8');
// 32-bit halves of a BigUint64Array can be written directly on little-endian hosts.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
export const halvesOf = (a: BigUint64Array): Uint32Array | null =>
  LITTLE_ENDIAN ? new Uint32Array(a.buffer, a.byteOffset, a.length * 2) : null;

export class Decoder {
  pos = 0;
  lo = 0; // low 32 bits of the last varint
  hi = 0; // high 32 bits of the last varint
  topFields = 0;
  complete = false;
  // Where we are, for messages: Profile.<f1>[<i1>].<f2>[<i2>]
  f1 = '';
  i1 = -1;
  f2 = '';
  i2 = -1;
  strings: string[] = [];

  constructor(readonly buf: Uint8Array) {}

  path(field?: string): string {
    let p = 'Profile';
    if (this.f1) p += `.${this.f1}${this.i1 >= 0 ? `[${this.i1}]` : ''}`;
    if (this.f2) p += `.${this.f2}${this.i2 >= 0 ? `[${this.i2}]` : ''}`;
    if (field) p += `.${field}`;
    return p;
  }

  fail(msg: string, at: number, kind: ProtoErrorKind = 'malformed'): never {
    const where = `(at byte ${at} of ${this.buf.length})`;
    throw new ProtoDecodeError(
      kind === 'concatenated'
        ? `cannot read the profile: ${msg} ${where}.`
        : `malformed protobuf profile: ${msg} ${where}. The file is corrupt, truncated, or not a pprof profile.`,
      kind,
      at,
      this.topFields,
      this.complete,
    );
  }

  endName(end: number): string {
    return end === this.buf.length ? `the input (${end} bytes)` : `${this.path()}, which ends at byte ${end}`;
  }

  /** Reads a varint (up to 10 bytes) ending before `end`; sets lo/hi, returns the unsigned value as a number. */
  varint(end: number): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos < end) {
      const b = buf[pos];
      if (b < 0x80) {
        this.pos = pos + 1;
        this.lo = b;
        this.hi = 0;
        return b;
      }
    }
    if (pos + 3 < end) {
      // 2 to 4 bytes (< 2^28): ids, string indexes, line numbers, most values.
      let b = buf[pos + 1];
      let v = (buf[pos] & 0x7f) | ((b & 0x7f) << 7);
      let n = 2;
      if (b >= 0x80) {
        b = buf[pos + 2];
        v |= (b & 0x7f) << 14;
        n = 3;
        if (b >= 0x80) {
          b = buf[pos + 3];
          v |= (b & 0x7f) << 21;
          n = 4;
        }
      }
      if (b < 0x80) {
        this.pos = pos + n;
        this.lo = v;
        this.hi = 0;
        return v;
      }
    }
    const start = pos;
    let lo = 0;
    let hi = 0;
    for (let i = 0; ; i++) {
      if (pos >= end) this.fail(`truncated varint: the varint starting at byte ${start} runs past the end of ${this.endName(end)}`, start);
      const b = buf[pos++];
      if (i < 4) lo |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi = (b & 0x7f) >> 4;
      } else hi |= (b & 0x7f) << (7 * i - 32);
      if (b < 0x80) break;
      if (i === 9) this.fail(`varint longer than 10 bytes starting at byte ${start} in ${this.path()}`, start);
    }
    this.pos = pos;
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
    return this.hi * TWO32 + this.lo;
  }

  /** The last varint as a signed int64 (exact up to 2^53). */
  signed(): number {
    return (this.hi | 0) * TWO32 + this.lo;
  }

  /** The last varint as an unsigned 64-bit bigint (exact). */
  big(): bigint {
    if (this.hi < 0x200000) return BigInt(this.hi * TWO32 + this.lo);
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  /** Reads a length prefix and returns the end of the delimited bytes. */
  len(end: number, field: string): number {
    const at = this.pos;
    const n = this.varint(end);
    const e = this.pos + n;
    if (e > end) {
      this.fail(
        `${this.path(field)}: length ${n} (prefix at byte ${at}) runs past the end of ${this.endName(end)}: ` +
          `only ${end - this.pos} bytes remain`,
        at,
      );
    }
    return e;
  }

  /** Handles a field the caller did not take: reports what is wrong, or skips an unknown field. */
  other(s: Schema, field: number, wire: number, tagAt: number, end: number): void {
    if (field === 0) this.fail(`field number 0 in ${this.path()} (field numbers start at 1)`, tagAt);
    if (wire === 3 || wire === 4 || wire > 5) {
      this.fail(`invalid wire type ${WIRE[wire]} for field ${field} in ${this.path()}`, tagAt);
    }
    if (field < s.fields.length) {
      const w = s.wires[field];
      const want = w === 'v' ? 'varint (0)' : w === 'l' ? 'length-delimited (2)' : 'varint (0) or packed (2)';
      this.fail(
        `${this.path(s.fields[field])} (${s.name} field ${field}) has wire type ${WIRE[wire]} (${wire}), expected ${want}`,
        tagAt,
      );
    }
    // Unknown field: skip it, as protobuf does.
    if (wire === 0) this.varint(end);
    else if (wire === 2) this.pos = this.len(end, `<field ${field}>`);
    else {
      const n = wire === 1 ? 8 : 4;
      if (this.pos + n > end) {
        this.fail(`truncated ${WIRE[wire]} field ${field}: runs past the end of ${this.endName(end)}`, tagAt);
      }
      this.pos += n;
    }
  }

  /** Reads the tag at pos; returns it as a number (field*8+wire). */
  tag(end: number): number {
    const buf = this.buf;
    const pos = this.pos;
    if (pos < end) {
      const b = buf[pos];
      if (b < 0x80) {
        this.pos = pos + 1;
        return b;
      }
    }
    return this.varint(end);
  }

  str(start: number, end: number): string {
    // One TextDecoder call per string measured faster than building ASCII
    // strings in JS (large.cpu, 23k strings: 5.6 ms against 35 ms).
    return start === end ? '' : utf8.decode(this.buf.subarray(start, end));
  }

  /** Stores the last varint as uint64 into row i of a BigUint64Array, via its 32-bit halves (no BigInt allocation). */
  setU64(halves: Uint32Array | null, big: BigUint64Array, i: number): void {
    if (halves !== null) {
      halves[2 * i] = this.lo;
      halves[2 * i + 1] = this.hi;
    } else big[i] = this.big();
  }

  /** A string index read from a varint, checked against the string table. */
  strIndex(field: string, at: number): number {
    const v = this.signed();
    if (v < 0 || v >= this.strings.length) {
      this.fail(`${this.path(field)} = ${v} is not an index of the string table (${this.strings.length} strings)`, at);
    }
    return v;
  }

  valueType(end: number): ValueType {
    const vt: ValueType = { type: 0, unit: 0 };
    while (this.pos < end) {
      const at = this.pos;
      const t = this.tag(end);
      if (t === 0x08) vt.type = (this.varint(end), this.signed());
      else if (t === 0x10) vt.unit = (this.varint(end), this.signed());
      else this.other(S_VALUE_TYPE, Math.floor(t / 8), t & 7, at, end);
    }
    return vt;
  }
}

/** Byte ranges of the repeated messages of one kind, in order. */
export class Ranges {
  starts = new Uint32Array(64);
  ends = new Uint32Array(64);
  count = 0;
  add(s: number, e: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = s;
    this.ends[this.count++] = e;
  }
  grow(): void {
    const n = this.starts.length * 2;
    const starts = new Uint32Array(n);
    const ends = new Uint32Array(n);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
export const ranges = (): Ranges => new Ranges();

const latin1 = new TextDecoder('latin1');
const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * Decodes the string table (ranges in order, as decodeTop finds them). When
 * every string is ASCII (the usual case), the whole region is decoded with
 * one single-byte TextDecoder call and each string is a substring of it: much
 * cheaper than one decoder call per short string. A regular expression finds
 * the bytes above 0x7f (natively, fast even before V8 optimizes anything);
 * those of the length prefixes between the strings do not count.
 */
export function decodeStrings(d: Decoder, r: Ranges, out: string[]): void {
  const n = r.count;
  if (n === 0) return;
  const buf = d.buf;
  const st = r.starts;
  const en = r.ends;
  const lo = st[0];
  const all = latin1.decode(buf.subarray(lo, en[n - 1]));
  let ascii = true;
  NON_ASCII.lastIndex = 0;
  for (let k = 0; ascii && NON_ASCII.test(all); ) {
    const at = lo + NON_ASCII.lastIndex - 1;
    while (k < n && en[k] <= at) k++;
    ascii = !(k < n && st[k] <= at);
  }
  NON_ASCII.lastIndex = 0;
  if (ascii) {
    // Single-byte decoding maps byte offsets to the same character offsets.
    for (let i = 0; i < n; i++) out.push(all.substring(st[i] - lo, en[i] - lo));
    return;
  }
  for (let i = 0; i < n; i++) out.push(d.str(st[i], en[i]));
}

/**
 * How many bytes below 0x80 (varint ends) the ranges hold. Ranges in order
 * and apart (the samples of a profile) are counted as one span minus the
 * few bytes between them (tags and length prefixes), so the word loop runs
 * once over the whole span instead of once per short range.
 */
export function varintEnds(buf: Uint8Array, starts: Uint32Array, ends: Uint32Array, n: number): number {
  const off = buf.byteOffset;
  const first = (4 - (off & 3)) & 3; // index in buf of the first 4-aligned byte
  const nWords = buf.length > first ? (buf.length - first) >> 2 : 0;
  const words = new Uint32Array(buf.buffer, nWords > 0 ? off + first : off & ~3, nWords);
  let inOrder = n > 0 && starts[0] <= ends[0];
  for (let r = 1; r < n && inOrder; r++) inOrder = starts[r] >= ends[r - 1] && ends[r] >= starts[r];
  if (inOrder) {
    let c = countEnds(buf, words, first, starts[0], ends[n - 1]);
    for (let r = 1; r < n; r++) c -= countEnds(buf, words, first, ends[r - 1], starts[r]);
    return c;
  }
  let c = 0;
  for (let r = 0; r < n; r++) c += countEnds(buf, words, first, starts[r], ends[r]);
  return c;
}

/**
 * Bytes below 0x80 in buf[k..e). Four bytes at a time through the aligned
 * 32-bit view `words` (words[0] is buf[first..first+3]): a byte loop over a
 * 100 MB profile costs a tenth of a second. Each byte lane of `acc` counts up
 * to 255 words before it is summed.
 */
function countEnds(buf: Uint8Array, words: Uint32Array, first: number, k: number, e: number): number {
  let c = 0;
  while (k < e && ((k - first) & 3) !== 0) c += (buf[k++] >>> 7) ^ 1;
  if (k + 4 <= e) {
    let w = (k - first) >> 2;
    const we = w + ((e - k) >> 2);
    while (w < we) {
      const stop = Math.min(we, w + 255);
      let acc = 0;
      for (; w < stop; w++) acc = (acc + ((~words[w] >>> 7) & 0x01010101)) | 0;
      c += (acc & 0xff) + ((acc >>> 8) & 0xff) + ((acc >>> 16) & 0xff) + (acc >>> 24);
    }
    k = first + (we << 2);
  }
  while (k < e) c += (buf[k++] >>> 7) ^ 1;
  return c;
}
