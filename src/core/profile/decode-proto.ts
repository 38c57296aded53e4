// profile.proto decoder: a hand-written loop over the wire format, straight
// into the columns of model.ts. Two passes: pass 1 walks the top level (keeps
// the byte ranges of the repeated messages, decodes strings and scalars),
// pass 2 decodes mappings, functions, locations, then samples, so every id is
// resolved to a row index as it is read. Varints are read by hand (here and in
// proto-reader.ts), not through protobufjs's Reader: we need exact 64-bit
// addresses (bigint), negative int64 values without Long, and the byte offset
// of every malformation; and it is faster.
//
// Behaviour follows pprof's profile/encode.go + proto.go (Go 1.19 vendored
// copy): unknown fields are skipped, packed and unpacked repeated scalars are
// both read, string_table[0] must be "", a second time_nanos after a non-zero
// one means concatenated profiles, labels with neither str nor num nor unit
// are dropped. We are stricter where pprof would silently drop a reference.
import type { Mapping, Profile, ValueType } from './model';
import { ProfileError } from './errors';
import { validateProfile } from './validate';
import {
  Decoder, decodeStrings, Grow, halvesOf, IdIndex, ProtoDecodeError, ranges, varintEnds,
  S_FUNCTION, S_LABEL, S_LINE, S_LOCATION, S_MAPPING, S_PROFILE, S_SAMPLE,
} from './proto-reader';

export { ProtoDecodeError, type ProtoErrorKind } from './proto-reader';

// Position after the last quick() read: a module variable, so quick() can
// return the value alone and stay small enough to be inlined.
let quickEnd = 0;

/** Varints of up to 4 bytes (< 2^28) on the hot paths; -1 = let Decoder.varint read it (and report errors). */
function quick(buf: Uint8Array, pos: number, end: number): number {
  if (pos >= end) return -1;
  let b = buf[pos];
  if (b < 0x80) {
    quickEnd = pos + 1;
    return b;
  }
  if (pos + 1 >= end) return -1;
  let v = b & 0x7f;
  b = buf[pos + 1];
  v |= (b & 0x7f) << 7;
  if (b < 0x80) {
    quickEnd = pos + 2;
    return v;
  }
  if (pos + 2 >= end) return -1;
  b = buf[pos + 2];
  v |= (b & 0x7f) << 14;
  if (b < 0x80) {
    quickEnd = pos + 3;
    return v;
  }
  if (pos + 3 >= end) return -1;
  b = buf[pos + 3];
  v |= (b & 0x7f) << 21;
  if (b < 0x80) {
    quickEnd = pos + 4;
    return v;
  }
  return -1;
}

/** Decodes an uncompressed profile.proto message. Throws ProtoDecodeError. */
export function decodeProto(buf: Uint8Array): Profile {
  const d = new Decoder(buf);
  const sampleR = ranges();
  const mappingR = ranges();
  const locationR = ranges();
  const functionR = ranges();
  const stringR = ranges();
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
    // Fast path for the bulk of the top level (sample, mapping, location,
    // function, string_table with a short length prefix): no Decoder calls.
    const t0 = buf[at];
    if ((t0 & 7) === 2 && t0 >= 0x12 && t0 <= 0x32) {
      const n = quick(buf, at + 1, end);
      if (n >= 0 && quickEnd + n <= end) {
        const s = quickEnd;
        const e = s + n;
        if (t0 === 0x12) sampleR.add(s, e);
        else if (t0 === 0x22) locationR.add(s, e);
        else if (t0 === 0x2a) functionR.add(s, e);
        else if (t0 === 0x1a) mappingR.add(s, e);
        else {
          if (stringR.count === 0 && e !== s) {
            d.fail(`Profile.string_table[0] must be the empty string, found ${JSON.stringify(d.str(s, e).slice(0, 40))}`, at);
          }
          stringR.add(s, e);
        }
        d.pos = e;
        d.topFields++;
        continue;
      }
    }
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
      if (field === 2) sampleR.add(s, e);
      else if (field === 4) locationR.add(s, e);
      else if (field === 5) functionR.add(s, e);
      else if (field === 3) mappingR.add(s, e);
      else if (field === 6) {
        if (stringR.count === 0 && e !== s) {
          d.fail(`Profile.string_table[0] must be the empty string, found ${JSON.stringify(d.str(s, e).slice(0, 40))}`, at);
        }
        stringR.add(s, e);
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
  decodeStrings(d, stringR, strings);
  if (strings.length === 0) {
    d.fail('Profile.string_table is missing (a profile has at least the empty string at index 0)', end);
  }

  // Pass 2a: mappings.
  const mappings: Mapping[] = [];
  for (let m = 0; m < mappingR.count; m++) {
    d.f1 = 'mapping';
    d.i1 = m;
    d.pos = mappingR.starts.a[m];
    const e = mappingR.ends.a[m];
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
  const nFn = functionR.count;
  const fnId = new Float64Array(nFn);
  const fnName = new Uint32Array(nFn);
  const fnSystemName = new Uint32Array(nFn);
  const fnFilename = new Uint32Array(nFn);
  const fnStartLine = new Float64Array(nFn);
  const nStr = strings.length;
  for (let f = 0; f < nFn; f++) {
    d.f1 = 'function';
    d.i1 = f;
    d.pos = functionR.starts.a[f];
    const e = functionR.ends.a[f];
    while (d.pos < e) {
      const at = d.pos;
      // Fast path: one-byte tag, short varint, string index in range.
      const t0 = buf[at];
      if ((t0 & 7) === 0 && t0 >= 0x08 && t0 <= 0x28) {
        const v = quick(buf, at + 1, e);
        if (v >= 0 && (v < nStr || t0 === 0x08 || t0 === 0x28)) {
          if (t0 === 0x08) fnId[f] = v;
          else if (t0 === 0x10) fnName[f] = v;
          else if (t0 === 0x18) fnSystemName[f] = v;
          else if (t0 === 0x20) fnFilename[f] = v;
          else fnStartLine[f] = v;
          d.pos = quickEnd;
          continue;
        }
      }
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
  const fnDense = fnIndex.dense;

  // Pass 2c: locations and their lines.
  const nLoc = locationR.count;
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
    d.pos = locationR.starts.a[l];
    const e = locationR.ends.a[l];
    lineStart[l] = lineFunction.n;
    let nLines = 0;
    while (d.pos < e) {
      const at = d.pos;
      const t0 = buf[at];
      if (fnDense !== null && t0 === 0x22) {
        // Fast path for a Line with short varints and a known function_id;
        // anything else is read again by the general code below.
        const n = quick(buf, at + 1, e);
        if (n >= 0 && quickEnd + n <= e) {
          let p = quickEnd;
          const le = p + n;
          let fn = -1;
          let line = 0;
          let column = 0;
          while (p < le) {
            const lt = buf[p];
            const v = quick(buf, p + 1, le);
            if (v < 0) break;
            if (lt === 0x08) {
              fn = v === 0 ? -1 : v < fnDense.length ? fnDense[v] : -1;
              if (v !== 0 && fn < 0) break;
            } else if (lt === 0x10) line = v;
            else if (lt === 0x18) column = v;
            else break;
            p = quickEnd;
          }
          if (p === le) {
            nLines++;
            lineFunction.push(fn);
            lineNumber.push(line);
            lineColumn.push(column);
            d.pos = le;
            continue;
          }
        }
      } else if ((t0 & 7) === 0 && t0 >= 0x08 && t0 <= 0x28 && t0 !== 0x20) {
        const v = quick(buf, at + 1, e);
        if (v >= 0) {
          if (t0 === 0x08) locId[l] = v;
          else if (t0 === 0x10) {
            if (v === 0) locMapping[l] = -1;
            else {
              const mi = mappingIndex.get(v);
              if (mi < 0) d.fail(`${d.path('mapping_id')} = ${v} does not name any mapping of Profile.mapping`, at);
              locMapping[l] = mi;
            }
          } else if (t0 === 0x18) {
            if (addrHalves !== null) {
              addrHalves[2 * l] = v;
              addrHalves[2 * l + 1] = 0;
            } else locAddress[l] = BigInt(v);
          } else locFolded[l] = v !== 0 ? 1 : 0;
          d.pos = quickEnd;
          continue;
        }
      }
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
  const nS = sampleR.count;
  const nT = sampleTypes.length;
  if (nT === 0 && nS > 0) {
    d.f1 = '';
    d.fail(`the profile has ${nS} samples but no sample types (Profile.sample_type is empty)`, sampleR.starts.a[0]);
  }
  const values: Float64Array[] = [];
  for (let t = 0; t < nT; t++) values.push(new Float64Array(nS));
  const stackStart = new Uint32Array(nS + 1);
  const labelStart = new Uint32Array(nS + 1);
  // Every varint ends with exactly one byte below 0x80, and every location id
  // is a varint: that count bounds the stack column closely (the other
  // varints of a sample are a few), so it is allocated once, never grown.
  const stackLocs = new Grow(new Uint32Array(varintEnds(buf, sampleR.starts.a, sampleR.ends.a, nS) + 16));
  const labelKey = new Grow(new Uint32Array(16));
  const labelStr = new Grow(new Uint32Array(16));
  const labelNum = new Grow(new Float64Array(16));
  const labelNumUnit = new Grow(new Uint32Array(16));
  const sr = sampleR.starts.a;
  const se = sampleR.ends.a;
  d.f1 = 'sample';
  const locDense = locIndex.dense;
  let locSeq = true;
  for (let l = 0; l < nLoc && locSeq; l++) locSeq = locId[l] === l + 1;
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
          const n = quick(buf, pos, e);
          if (n >= 0 && quickEnd + n <= e) {
            pos = quickEnd;
            le = pos + n;
          } else {
            d.pos = pos;
            le = d.len(e, 'location_id');
            pos = d.pos;
          }
        }
        if (t === 0x0a && locDense !== null) {
          // The hot loop (packed ids, dense id index): ids of 1 or 2 bytes
          // inline. A packed run of n bytes holds at most n ids.
          if (nl + (le - pos) > locs.length) {
            stackLocs.n = nl;
            while (nl + (le - pos) > stackLocs.a.length) stackLocs.grow();
            locs = stackLocs.a;
          }
          const nd = locDense.length;
          if (locSeq) {
            // Ids 1..n in row order (what Go writes): the row is id - 1.
            while (pos < le) {
              let id = buf[pos];
              if (id < 0x80 && id !== 0) pos++;
              else if (pos + 1 < le && buf[pos + 1] < 0x80 && buf[pos + 1] !== 0) {
                id = (id & 0x7f) | (buf[pos + 1] << 7);
                pos += 2;
              } else break; // zero, long or malformed ids: the general loop below
              if (id > nLoc) {
                pos -= id < 0x80 ? 1 : 2;
                break;
              }
              locs[nl++] = id - 1;
            }
          }
          while (pos < le) {
            const lat = pos;
            let id = buf[pos];
            if (id < 0x80) pos++;
            else if (pos + 1 < le && buf[pos + 1] < 0x80) {
              id = (id & 0x7f) | (buf[pos + 1] << 7);
              pos += 2;
            } else {
              d.pos = pos;
              id = d.varint(le);
              pos = d.pos;
            }
            const li = id < nd ? locDense[id] : -1;
            if (li < 0) {
              d.fail(`${d.path('location_id')}[${nl - stackStart[s]}] = ${id} does not name any location of Profile.location`, lat);
            }
            locs[nl++] = li;
          }
          nLocs = nl - stackStart[s];
          continue;
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
          const n = quick(buf, pos, e);
          if (n >= 0 && quickEnd + n <= e) {
            pos = quickEnd;
            ve = pos + n;
          } else {
            d.pos = pos;
            ve = d.len(e, 'value');
            pos = d.pos;
          }
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
        // Fast path: short varints and string indexes in range; anything
        // else is read again by the general code below.
        const n = quick(buf, pos, e);
        if (n >= 0 && quickEnd + n <= e) {
          let p = quickEnd;
          const le = p + n;
          let key = 0;
          let sv = 0;
          let num = 0;
          let unit = 0;
          while (p < le) {
            const lt = buf[p];
            const v = quick(buf, p + 1, le);
            if (v < 0 || (v >= nStr && lt !== 0x18)) break;
            if (lt === 0x08) key = v;
            else if (lt === 0x10) sv = v;
            else if (lt === 0x18) num = v;
            else if (lt === 0x20) unit = v;
            else break;
            p = quickEnd;
          }
          if (p === le) {
            nLabels++;
            if (sv !== 0 || num !== 0 || unit !== 0) {
              labelKey.push(key);
              labelStr.push(sv);
              labelNum.push(num);
              labelNumUnit.push(unit);
            }
            pos = le;
            continue;
          }
        }
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
      // Sized from the varint count, which labels and values inflate: a view
      // even when a third is spare beats copying 100+ MB (and halves the peak).
      stackLocs: stackLocs.done(0.5),
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
    validateProfile(p, { rows: false });
  } catch (e) {
    if (e instanceof ProfileError) throw new ProtoDecodeError(e.message, 'invalid', buf.length, d.topFields, true);
    throw e;
  }
  return p;
}
