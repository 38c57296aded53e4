// Pass 2c of the protobuf decoder: Profile.location and its lines into the
// location table, with mapping and function ids resolved to rows. A fast loop
// takes the usual fields (one-byte tag, short varints, known ids); any other
// field goes to locationField, the general code, which reports every error.
import type { LocationTable } from './model';
import { shortVarint } from './decode-varint';
import { Decoder, Grow, halvesOf, IdIndex, type Ranges, S_LINE, S_LOCATION } from './proto-reader';

interface Cols {
  id: Float64Array;
  mapping: Int32Array;
  address: BigUint64Array;
  halves: Uint32Array | null; // address as 32-bit halves (little-endian hosts)
  isFolded: Uint8Array;
  lineFunction: Grow<Int32Array>;
  lineNumber: Grow<Float64Array>;
  lineColumn: Grow<Float64Array>;
  lineStart: Uint32Array;
  mappings: IdIndex;
  functions: IdIndex;
}

export function decodeLocations(d: Decoder, r: Ranges, mappings: IdIndex, functions: IdIndex): LocationTable {
  const buf = d.buf;
  const n = r.count;
  const address = new BigUint64Array(n);
  const lines = n + (n >> 2) + 16;
  const c: Cols = {
    id: new Float64Array(n),
    mapping: new Int32Array(n).fill(-1),
    address,
    halves: halvesOf(address),
    isFolded: new Uint8Array(n),
    // One line per location, and room for some inlined frames.
    lineFunction: new Grow(new Int32Array(lines)),
    lineNumber: new Grow(new Float64Array(lines)),
    lineColumn: new Grow(new Float64Array(lines)),
    lineStart: new Uint32Array(n + 1),
    mappings,
    functions,
  };
  const { id, mapping, halves, isFolded, lineFunction, lineStart } = c;
  const fnDense = functions.dense;
  const starts = r.starts;
  const ends = r.ends;
  for (let l = 0; l < n; l++) {
    let pos = starts[l];
    const e = ends[l];
    lineStart[l] = lineFunction.n;
    while (pos < e) {
      const t0 = buf[pos];
      if (t0 === 0x22 && fnDense !== null) {
        const q = shortVarint(buf, pos + 1, e);
        const le = pos + 2 + (q & 3) + (q >>> 2);
        if (q >= 0 && le <= e && fastLine(buf, pos + 2 + (q & 3), le, fnDense, c)) {
          pos = le;
          continue;
        }
      } else if ((t0 & 7) === 0 && t0 >= 0x08 && t0 <= 0x28 && t0 !== 0x20) {
        const q = shortVarint(buf, pos + 1, e);
        const v = q >>> 2;
        if (q >= 0) {
          let ok = true;
          if (t0 === 0x08) id[l] = v;
          else if (t0 === 0x10) {
            // mapping_id 0 means none; an unknown one is reported by locationField.
            const mi = v === 0 ? -1 : mappings.get(v);
            if (v === 0 || mi >= 0) mapping[l] = mi;
            else ok = false;
          } else if (t0 === 0x18) {
            if (halves !== null) {
              halves[2 * l] = v;
              halves[2 * l + 1] = 0;
            } else address[l] = BigInt(v);
          } else isFolded[l] = v !== 0 ? 1 : 0;
          if (ok) {
            pos += 2 + (q & 3);
            continue;
          }
        }
      }
      d.f1 = 'location';
      d.i1 = l;
      d.pos = pos;
      locationField(d, e, l, c);
      pos = d.pos;
    }
  }
  lineStart[n] = lineFunction.n;
  const { lineNumber, lineColumn } = c;
  return {
    count: n,
    id,
    mapping,
    address,
    isFolded,
    lineStart,
    // Copied unless nearly full, so the room for inlined frames is not kept.
    lineFunction: lineFunction.done(0.9),
    lineNumber: lineNumber.done(0.9),
    lineColumn: lineColumn.done(0.9),
  };
}

/**
 * A Line (bytes p..le) with short varints and a known function_id, or none:
 * adds it and returns true; false leaves it to locationField. Its own small
 * function, so V8 optimizes it soon, even in the first decode.
 */
function fastLine(buf: Uint8Array, p: number, le: number, fnDense: Int32Array, c: Cols): boolean {
  const nFn = fnDense.length;
  let fn = -1;
  let line = 0;
  let column = 0;
  while (p < le) {
    const lt = buf[p];
    const w = shortVarint(buf, p + 1, le);
    if (w < 0) return false;
    const v = w >>> 2;
    if (lt === 0x08) {
      fn = v === 0 ? -1 : v < nFn ? fnDense[v] : -1;
      if (v !== 0 && fn < 0) return false;
    } else if (lt === 0x10) line = v;
    else if (lt === 0x18) column = v;
    else return false;
    p += 2 + (w & 3);
  }
  c.lineFunction.push(fn);
  c.lineNumber.push(line);
  c.lineColumn.push(column);
  return true;
}

/** One field of Profile.location[l] at d.pos (any field, every error). */
function locationField(d: Decoder, e: number, l: number, c: Cols): void {
  const at = d.pos;
  const t = d.tag(e);
  if (t === 0x22) {
    const le = d.len(e, 'line');
    d.f2 = 'line';
    d.i2 = c.lineFunction.n - c.lineStart[l];
    let fn = -1;
    let line = 0;
    let column = 0;
    while (d.pos < le) {
      const lat = d.pos;
      const lt = d.tag(le);
      if (lt === 0x08) {
        const id = d.varint(le);
        if (id !== 0) {
          fn = c.functions.get(id);
          if (fn < 0) d.fail(`${d.path('function_id')} = ${id} does not name any function of Profile.function`, lat);
        } else fn = -1;
      } else if (lt === 0x10) line = (d.varint(le), d.signed());
      else if (lt === 0x18) column = (d.varint(le), d.signed());
      else d.other(S_LINE, Math.floor(lt / 8), lt & 7, lat, le);
    }
    c.lineFunction.push(fn);
    c.lineNumber.push(line);
    c.lineColumn.push(column);
    d.f2 = '';
    d.i2 = -1;
    return;
  }
  const field = Math.floor(t / 8);
  if ((t & 7) !== 0 || field < 1 || field > 5 || field === 4) {
    d.other(S_LOCATION, field, t & 7, at, e);
    return;
  }
  const v = d.varint(e);
  switch (field) {
    case 1: c.id[l] = v; break;
    case 2:
      // mapping_id 0 means none.
      if (v === 0) c.mapping[l] = -1;
      else {
        const mi = c.mappings.get(v);
        if (mi < 0) d.fail(`${d.path('mapping_id')} = ${v} does not name any mapping of Profile.mapping`, at);
        c.mapping[l] = mi;
      }
      break;
    case 3: d.setU64(c.halves, c.address, l); break;
    case 5: c.isFolded[l] = v !== 0 ? 1 : 0; break;
  }
}
