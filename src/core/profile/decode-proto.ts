// profile.proto decoder: a hand-written loop over the wire format, straight
// into the columns of model.ts. Two passes: pass 1 walks the top level (keeps
// the byte ranges of the repeated messages, decodes strings and scalars),
// pass 2 decodes mappings, functions, locations, then samples, so every id is
// resolved to a row index as it is read. Varints are read here, not through
// protobufjs's Reader: we need exact 64-bit addresses (bigint), negative int64
// values without Long, and the byte offset of every malformation.
//
// Behaviour follows pprof's profile/encode.go + proto.go (Go 1.19 vendored
// copy): unknown fields are skipped, packed and unpacked repeated scalars are
// both read, string_table[0] must be "", a second time_nanos after a non-zero
// one means concatenated profiles, labels with neither str nor num nor unit
// are dropped. We are stricter where pprof would silently drop a reference.
import type { Mapping, Profile, ValueType } from './model';
import { ProfileError } from './errors';
import { validateProfile } from './validate';

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

const WIRE = ['varint', '64-bit', 'length-delimited', 'start-group', 'end-group', '32-bit', '6 (invalid)', '7 (invalid)'];

// Field names per message, for error messages; '' = unknown field number.
// Expected wire types: 'v' varint, 'l' length-delimited, 'p' varint or packed.
interface Schema {
  name: string;
  fields: string[];
  wires: string;
}
const S_PROFILE: Schema = {
  name: 'Profile',
  fields: ['', 'sample_type', 'sample', 'mapping', 'location', 'function', 'string_table', 'drop_frames', 'keep_frames',
    'time_nanos', 'duration_nanos', 'period_type', 'period', 'comment', 'default_sample_type', 'doc_url'],
  wires: ' llllllvvvvlvpvv',
};
const S_VALUE_TYPE: Schema = { name: 'ValueType', fields: ['', 'type', 'unit'], wires: ' vv' };
const S_SAMPLE: Schema = { name: 'Sample', fields: ['', 'location_id', 'value', 'label'], wires: ' ppl' };
const S_LABEL: Schema = { name: 'Label', fields: ['', 'key', 'str', 'num', 'num_unit'], wires: ' vvvv' };
const S_MAPPING: Schema = {
  name: 'Mapping',
  fields: ['', 'id', 'memory_start', 'memory_limit', 'file_offset', 'filename', 'build_id', 'has_functions',
    'has_filenames', 'has_line_numbers', 'has_inline_frames'],
  wires: ' vvvvvvvvvv',
};
const S_LOCATION: Schema = { name: 'Location', fields: ['', 'id', 'mapping_id', 'address', 'line', 'is_folded'], wires: ' vvvlv' };
const S_LINE: Schema = { name: 'Line', fields: ['', 'function_id', 'line', 'column'], wires: ' vvv' };
const S_FUNCTION: Schema = {
  name: 'Function',
  fields: ['', 'id', 'name', 'system_name', 'filename', 'start_line'],
  wires: ' vvvvv',
};

const TWO32 = 4294967296;

/** Growable typed array (doubling). */
class Grow<T extends Float64Array | Uint32Array | Int32Array> {
  n = 0;
  constructor(public a: T) {}
  push(v: number): void {
    if (this.n === this.a.length) this.grow();
    this.a[this.n++] = v;
  }
  grow(): void {
    const b = new (this.a.constructor as new (n: number) => T)(this.a.length * 2 + 16);
    b.set(this.a);
    this.a = b;
  }
  done(): T {
    return this.a.slice(0, this.n) as T;
  }
}

/** id -> row index: a dense Int32Array when ids are small, else a Map. */
class IdIndex {
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
const halvesOf = (a: BigUint64Array): Uint32Array | null =>
  LITTLE_ENDIAN ? new Uint32Array(a.buffer, a.byteOffset, a.length * 2) : null;

// Position after the last quick() read: a module variable, so quick() can
// return the value alone and stay small enough to be inlined.
let quickEnd = 0;

/** Varints of up to 4 bytes (< 2^28) on the hot paths; -1 = let Decoder.varint read it (and report errors). */
function quick(buf: Uint8Array, pos: number, end: number): number {
  if (pos + 4 > end) return -1;
  let b = buf[pos];
  if (b < 0x80) {
    quickEnd = pos + 1;
    return b;
  }
  let v = b & 0x7f;
  b = buf[pos + 1];
  v |= (b & 0x7f) << 7;
  if (b < 0x80) {
    quickEnd = pos + 2;
    return v;
  }
  b = buf[pos + 2];
  v |= (b & 0x7f) << 14;
  if (b < 0x80) {
    quickEnd = pos + 3;
    return v;
  }
  b = buf[pos + 3];
  v |= (b & 0x7f) << 21;
  if (b < 0x80) {
    quickEnd = pos + 4;
    return v;
  }
  return -1;
}

class Decoder {
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
    throw new ProtoDecodeError(
      `malformed protobuf profile: ${msg} (at byte ${at} of ${this.buf.length}). ` +
        'The file is corrupt, truncated, or not a pprof profile.',
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

interface Ranges {
  start: number[];
  end: number[];
}
const ranges = (): Ranges => ({ start: [], end: [] });

/** Decodes an uncompressed profile.proto message. Throws ProtoDecodeError. */
export function decodeProto(buf: Uint8Array): Profile {
  const d = new Decoder(buf);
  const sampleR = ranges();
  const mappingR = ranges();
  const locationR = ranges();
  const functionR = ranges();
  const sampleTypes: ValueType[] = [];
  const comments: number[] = [];
  let periodType: ValueType | null = null;
  let dropFrames = 0;
  let keepFrames = 0;
  let timeNanos = 0n;
  let durationNanos = 0;
  let period = 0;
  let defaultSampleType = 0;
  let docUrl = 0;
  const strings = d.strings;

  // Pass 1: the top level.
  const end = buf.length;
  while (d.pos < end) {
    const at = d.pos;
    const t = d.tag(end);
    const field = Math.floor(t / 8);
    const wire = t & 7;
    const name = S_PROFILE.fields[field] ?? '';
    if (wire === 2 && field >= 1 && field <= 6) {
      d.f1 = name;
      d.i1 = -1;
      const e = d.len(end, '');
      const s = d.pos;
      d.pos = e;
      if (field === 2) (sampleR.start.push(s), sampleR.end.push(e));
      else if (field === 4) (locationR.start.push(s), locationR.end.push(e));
      else if (field === 5) (functionR.start.push(s), functionR.end.push(e));
      else if (field === 3) (mappingR.start.push(s), mappingR.end.push(e));
      else if (field === 6) {
        strings.push(d.str(s, e));
        if (strings.length === 1 && strings[0] !== '') {
          d.fail(`Profile.string_table[0] must be the empty string, found ${JSON.stringify(strings[0].slice(0, 40))}`, at);
        }
      } else {
        d.f1 = 'sample_type';
        d.i1 = sampleTypes.length;
        d.pos = s;
        sampleTypes.push(d.valueType(e));
      }
      d.f1 = '';
    } else if (wire === 2 && field === 11) {
      d.f1 = name;
      const e = d.len(end, '');
      periodType = d.valueType(e);
      d.f1 = '';
    } else if (wire === 0 && field >= 7 && field <= 15 && field !== 11 && field !== 13) {
      d.varint(end);
      const v = d.signed();
      switch (field) {
        case 7: dropFrames = v; break;
        case 8: keepFrames = v; break;
        case 9:
          if (timeNanos !== 0n) {
            d.fail(
              'the input holds several profiles one after another (a second time_nanos field): ' +
                'pprof rejects concatenated profiles; save each profile to its own file and open them together to merge them',
              at,
              'concatenated',
            );
          }
          timeNanos = BigInt.asIntN(64, (BigInt(d.hi) << 32n) | BigInt(d.lo));
          break;
        case 10: durationNanos = v; break;
        case 12: period = v; break;
        case 14: defaultSampleType = v; break;
        case 15: docUrl = v; break;
      }
    } else if (field === 13 && wire === 0) {
      d.varint(end);
      comments.push(d.signed());
    } else if (field === 13 && wire === 2) {
      d.f1 = 'comment';
      const e = d.len(end, '');
      while (d.pos < e) {
        d.varint(e);
        comments.push(d.signed());
      }
      d.f1 = '';
    } else {
      d.other(S_PROFILE, field, wire, at, end);
    }
    d.topFields++;
  }
  d.complete = true;
  if (strings.length === 0) {
    d.fail('Profile.string_table is missing (a profile has at least the empty string at index 0)', end);
  }

  // Pass 2a: mappings.
  const mappings: Mapping[] = [];
  for (let m = 0; m < mappingR.start.length; m++) {
    d.f1 = 'mapping';
    d.i1 = m;
    d.pos = mappingR.start[m];
    const e = mappingR.end[m];
    const mp: Mapping = {
      id: 0, start: 0n, limit: 0n, offset: 0n, file: 0, buildId: 0,
      hasFunctions: false, hasFilenames: false, hasLineNumbers: false, hasInlineFrames: false,
    };
    while (d.pos < e) {
      const at = d.pos;
      const t = d.tag(e);
      const field = Math.floor(t / 8);
      if ((t & 7) !== 0 || field < 1 || field > 10) {
        d.other(S_MAPPING, field, t & 7, at, e);
        continue;
      }
      const v = d.varint(e);
      switch (field) {
        case 1: mp.id = v; break;
        case 2: mp.start = d.big(); break;
        case 3: mp.limit = d.big(); break;
        case 4: mp.offset = d.big(); break;
        case 5: mp.file = d.strIndex('filename', at); break;
        case 6: mp.buildId = d.strIndex('build_id', at); break;
        case 7: mp.hasFunctions = v !== 0; break;
        case 8: mp.hasFilenames = v !== 0; break;
        case 9: mp.hasLineNumbers = v !== 0; break;
        case 10: mp.hasInlineFrames = v !== 0; break;
      }
    }
    mappings.push(mp);
  }
  const mappingIds = mappings.map((m) => m.id);
  const mappingIndex = new IdIndex(mappingIds, mappings.length);

  // Pass 2b: functions.
  const nFn = functionR.start.length;
  const fnId = new Float64Array(nFn);
  const fnName = new Uint32Array(nFn);
  const fnSystemName = new Uint32Array(nFn);
  const fnFilename = new Uint32Array(nFn);
  const fnStartLine = new Float64Array(nFn);
  for (let f = 0; f < nFn; f++) {
    d.f1 = 'function';
    d.i1 = f;
    d.pos = functionR.start[f];
    const e = functionR.end[f];
    while (d.pos < e) {
      const at = d.pos;
      const t = d.tag(e);
      const field = Math.floor(t / 8);
      if ((t & 7) !== 0 || field < 1 || field > 5) {
        d.other(S_FUNCTION, field, t & 7, at, e);
        continue;
      }
      const v = d.varint(e);
      switch (field) {
        case 1: fnId[f] = v; break;
        case 2: fnName[f] = d.strIndex('name', at); break;
        case 3: fnSystemName[f] = d.strIndex('system_name', at); break;
        case 4: fnFilename[f] = d.strIndex('filename', at); break;
        case 5: fnStartLine[f] = d.signed(); break;
      }
    }
  }
  const fnIndex = new IdIndex(fnId, nFn);

  // Pass 2c: locations and their lines.
  const nLoc = locationR.start.length;
  const locId = new Float64Array(nLoc);
  const locMapping = new Int32Array(nLoc).fill(-1);
  const locAddress = new BigUint64Array(nLoc);
  const locFolded = new Uint8Array(nLoc);
  const addrHalves = halvesOf(locAddress);
  const lineStart = new Uint32Array(nLoc + 1);
  const lineFunction = new Grow(new Int32Array(nLoc + 16));
  const lineNumber = new Grow(new Float64Array(nLoc + 16));
  const lineColumn = new Grow(new Float64Array(nLoc + 16));
  for (let l = 0; l < nLoc; l++) {
    d.f1 = 'location';
    d.i1 = l;
    d.pos = locationR.start[l];
    const e = locationR.end[l];
    lineStart[l] = lineFunction.n;
    let nLines = 0;
    while (d.pos < e) {
      const at = d.pos;
      const t = d.tag(e);
      if (t === 0x22) {
        // Line
        const le = d.len(e, 'line');
        d.f2 = 'line';
        d.i2 = nLines++;
        let fn = -1;
        let line = 0;
        let column = 0;
        while (d.pos < le) {
          const lat = d.pos;
          const lt = d.tag(le);
          if (lt === 0x08) {
            const id = d.varint(le);
            if (id !== 0) {
              fn = fnIndex.get(id);
              if (fn < 0) d.fail(`${d.path('function_id')} = ${id} does not name any function of Profile.function`, lat);
            } else fn = -1;
          } else if (lt === 0x10) line = (d.varint(le), d.signed());
          else if (lt === 0x18) column = (d.varint(le), d.signed());
          else d.other(S_LINE, Math.floor(lt / 8), lt & 7, lat, le);
        }
        lineFunction.push(fn);
        lineNumber.push(line);
        lineColumn.push(column);
        d.f2 = '';
        d.i2 = -1;
        continue;
      }
      const field = Math.floor(t / 8);
      if ((t & 7) !== 0 || field < 1 || field > 5 || field === 4) {
        d.other(S_LOCATION, field, t & 7, at, e);
        continue;
      }
      const v = d.varint(e);
      switch (field) {
        case 1: locId[l] = v; break;
        case 2:
          // mapping_id 0 means none.
          if (v === 0) locMapping[l] = -1;
          else {
            const mi = mappingIndex.get(v);
            if (mi < 0) d.fail(`${d.path('mapping_id')} = ${v} does not name any mapping of Profile.mapping`, at);
            locMapping[l] = mi;
          }
          break;
        case 3: d.setU64(addrHalves, locAddress, l); break;
        case 5: locFolded[l] = v !== 0 ? 1 : 0; break;
      }
    }
  }
  lineStart[nLoc] = lineFunction.n;
  const locIndex = new IdIndex(locId, nLoc);

  // Pass 2d: samples.
  const nS = sampleR.start.length;
  const nT = sampleTypes.length;
  if (nT === 0 && nS > 0) {
    d.f1 = '';
    d.fail(`the profile has ${nS} samples but no sample types (Profile.sample_type is empty)`, sampleR.start[0]);
  }
  const values: Float64Array[] = [];
  for (let t = 0; t < nT; t++) values.push(new Float64Array(nS));
  const stackStart = new Uint32Array(nS + 1);
  const labelStart = new Uint32Array(nS + 1);
  let sampleBytes = 0;
  for (let s = 0; s < nS; s++) sampleBytes += sampleR.end[s] - sampleR.start[s];
  // Location ids take 1-3 bytes each: half the sample bytes is a close upper bound.
  const stackLocs = new Grow(new Uint32Array((sampleBytes >> 1) + 16));
  const labelKey = new Grow(new Uint32Array(16));
  const labelStr = new Grow(new Uint32Array(16));
  const labelNum = new Grow(new Float64Array(16));
  const labelNumUnit = new Grow(new Uint32Array(16));
  const sr = sampleR.start;
  const se = sampleR.end;
  d.f1 = 'sample';
  const locDense = locIndex.dense;
  let locs = stackLocs.a;
  let nl = 0;
  for (let s = 0; s < nS; s++) {
    d.i1 = s;
    let pos = sr[s];
    const e = se[s];
    stackStart[s] = nl;
    labelStart[s] = labelKey.n;
    let nv = 0;
    let nLocs = 0;
    let nLabels = 0;
    while (pos < e) {
      const at = pos;
      let t = buf[pos];
      if (t < 0x80) pos++;
      else {
        d.pos = pos;
        t = d.varint(e);
        pos = d.pos;
      }
      if (t === 0x0a || t === 0x08) {
        // location_id, packed or not
        let le = e;
        if (t === 0x0a) {
          d.pos = pos;
          le = d.len(e, 'location_id');
          pos = d.pos;
        }
        do {
          const lat = pos;
          let id = quick(buf, pos, le);
          if (id >= 0) pos = quickEnd;
          else {
            d.pos = pos;
            id = d.varint(le);
            pos = d.pos;
          }
          const li = locDense !== null ? (id < locDense.length ? locDense[id] : -1) : locIndex.get(id);
          if (li < 0) {
            d.fail(`${d.path('location_id')}[${nLocs}] = ${id} does not name any location of Profile.location`, lat);
          }
          if (nl === locs.length) {
            stackLocs.n = nl;
            stackLocs.grow();
            locs = stackLocs.a;
          }
          locs[nl++] = li;
          nLocs++;
        } while (t === 0x0a && pos < le);
      } else if (t === 0x12 || t === 0x10) {
        // value, packed or not
        let ve = e;
        if (t === 0x12) {
          d.pos = pos;
          ve = d.len(e, 'value');
          pos = d.pos;
        }
        do {
          const vat = pos;
          let v = quick(buf, pos, ve);
          if (v >= 0) pos = quickEnd;
          else {
            d.pos = pos;
            d.varint(ve);
            pos = d.pos;
            v = d.signed();
          }
          if (nv >= nT) {
            d.fail(`${d.path('value')} has more than ${nT} values, but the profile has ${nT} sample types`, vat);
          }
          values[nv++][s] = v;
        } while (t === 0x12 && pos < ve);
      } else if (t === 0x1a) {
        d.pos = pos;
        const le = d.len(e, 'label');
        d.f2 = 'label';
        d.i2 = nLabels++;
        let key = 0;
        let sv = 0;
        let num = 0;
        let unit = 0;
        while (d.pos < le) {
          const lat = d.pos;
          const lt = d.tag(le);
          if (lt === 0x08) (d.varint(le), (key = d.strIndex('key', lat)));
          else if (lt === 0x10) (d.varint(le), (sv = d.strIndex('str', lat)));
          else if (lt === 0x18) num = (d.varint(le), d.signed());
          else if (lt === 0x20) (d.varint(le), (unit = d.strIndex('num_unit', lat)));
          else d.other(S_LABEL, Math.floor(lt / 8), lt & 7, lat, le);
        }
        pos = d.pos;
        // pprof drops a label that has neither a string nor a number nor a unit.
        if (sv !== 0 || num !== 0 || unit !== 0) {
          labelKey.push(key);
          labelStr.push(sv);
          labelNum.push(num);
          labelNumUnit.push(unit);
        }
        d.f2 = '';
        d.i2 = -1;
      } else {
        d.pos = pos;
        d.other(S_SAMPLE, Math.floor(t / 8), t & 7, at, e);
        pos = d.pos;
      }
    }
    if (nv !== nT) {
      d.fail(`${d.path('value')} has ${nv} values, but the profile has ${nT} sample types`, sr[s]);
    }
  }
  stackLocs.n = nl;
  stackStart[nS] = nl;
  labelStart[nS] = labelKey.n;
  d.f1 = '';

  const p: Profile = {
    strings,
    sampleTypes,
    samples: {
      count: nS,
      stackStart,
      stackLocs: stackLocs.done(),
      values,
      labelStart,
      labelKey: labelKey.done(),
      labelStr: labelStr.done(),
      labelNum: labelNum.done(),
      labelNumUnit: labelNumUnit.done(),
    },
    mappings,
    locations: {
      count: nLoc,
      id: locId,
      mapping: locMapping,
      address: locAddress,
      isFolded: locFolded,
      lineStart,
      lineFunction: lineFunction.done(),
      lineNumber: lineNumber.done(),
      lineColumn: lineColumn.done(),
    },
    functions: {
      count: nFn,
      id: fnId,
      name: fnName,
      systemName: fnSystemName,
      filename: fnFilename,
      startLine: fnStartLine,
    },
    dropFrames,
    keepFrames,
    timeNanos,
    durationNanos,
    periodType,
    period,
    comments,
    defaultSampleType,
    docUrl,
  };
  try {
    validateProfile(p);
  } catch (e) {
    if (e instanceof ProfileError) throw new ProtoDecodeError(e.message, 'invalid', buf.length, d.topFields, true);
    throw e;
  }
  return p;
}
