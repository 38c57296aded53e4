// Pass 2d of the protobuf decoder: Profile.sample into the sample table.
// Most of a CPU profile's bytes are here, in the packed location ids (read by
// decode-location-ids.ts). The loop takes a sample whole when it holds
// one-byte tags, ids of one to three bytes naming known locations, values and
// labels with short varints, and nothing else; any other sample is read again
// from its start by decodeSampleGeneral, which reports every error.
import type { LocationIndexes, SampleTable } from './model';
import { addLabel, decodeSampleGeneral, type SampleCols } from './decode-sample-general';
import { denseIds, seqIds } from './decode-location-ids';
import { growStack, stackCapacity } from './decode-stack-size';
import { shortVarint } from './decode-varint';
import { Decoder, Grow, IdIndex, type Ranges } from './proto-reader';

export function decodeSamples(d: Decoder, r: Ranges, nT: number, locations: IdIndex, locIds: Float64Array): SampleTable {
  const buf = d.buf;
  const nS = r.count;
  const sr = r.starts;
  const se = r.ends;
  if (nT === 0 && nS > 0) {
    d.f1 = '';
    d.fail(`the profile has ${nS} samples but no sample types (Profile.sample_type is empty)`, sr[0]);
  }
  const values: Float64Array[] = [];
  for (let t = 0; t < nT; t++) values.push(new Float64Array(nS));
  const c: SampleCols = {
    values,
    stackStart: new Uint32Array(nS + 1),
    labelStart: new Uint32Array(nS + 1),
    // 16-bit rows when they fit: half the memory (and the page faults) of a big profile's stacks.
    stackLocs: new Grow<LocationIndexes>(
      locIds.length <= 65536 ? new Uint16Array(stackCapacity(buf, sr, se, nS)) : new Uint32Array(stackCapacity(buf, sr, se, nS)),
    ),
    labelKey: new Grow(new Uint32Array(16)),
    labelStr: new Grow(new Uint32Array(16)),
    labelNum: new Grow(new Float64Array(16)),
    labelNumUnit: new Grow(new Uint32Array(16)),
    locations,
    spanStart: nS > 0 ? sr[0] : 0,
    span: nS > 0 ? se[nS - 1] - sr[0] : 0,
  };
  const { stackStart, labelStart, stackLocs, labelKey, labelStr, labelNum, labelNumUnit } = c;
  const nStr = d.strings.length;
  const nLoc = locIds.length;
  // Ids 1..n in row order (what Go writes): the row is id - 1, no lookup.
  let seq = true;
  for (let l = 0; l < nLoc && seq; l++) seq = locIds[l] === l + 1;
  const dense = locations.dense ?? new Int32Array(0);
  const nd = locations.dense === null ? 0 : dense.length;
  let locs = stackLocs.a;
  let nl = 0;
  d.f1 = 'sample';
  for (let s = 0; s < nS; s++) {
    let pos = sr[s];
    const e = se[s];
    stackStart[s] = nl;
    labelStart[s] = labelKey.n;
    let nv = 0;
    let ok = true;
    while (ok && pos < e) {
      const t = buf[pos];
      if (t === 0x0a && nd > 0) {
        // Packed location ids.
        const q = shortVarint(buf, pos + 1, e);
        pos += 2 + (q & 3);
        const le = pos + (q >>> 2);
        if (q < 0 || le > e) {
          ok = false;
          break;
        }
        if (nl + (le - pos) > locs.length) {
          // A packed run of n bytes holds at most n ids.
          stackLocs.n = nl;
          growStack(stackLocs, nl + (le - pos), pos - c.spanStart, c.span);
          locs = stackLocs.a;
        }
        const next = seq ? seqIds(buf, pos, le, locs, nl, nLoc) : denseIds(buf, pos, le, locs, nl, dense);
        if (next < 0) {
          ok = false;
          break;
        }
        nl = next;
        pos = le;
      } else if (t === 0x12) {
        // Packed values (an empty run is left to the general reader).
        const q = shortVarint(buf, pos + 1, e);
        pos += 2 + (q & 3);
        const ve = pos + (q >>> 2);
        if (q <= 0 || ve > e) {
          ok = false;
          break;
        }
        while (pos < ve && nv < nT) {
          const w = shortVarint(buf, pos, ve);
          if (w >= 0) {
            values[nv++][s] = w >>> 2;
            pos += 1 + (w & 3);
          } else {
            // Long or negative: Decoder reads it (and reports its errors as the general reader would).
            d.i1 = s;
            d.pos = pos;
            d.varint(ve);
            values[nv++][s] = d.signed();
            pos = d.pos;
          }
        }
        if (pos !== ve) ok = false;
      } else if (t === 0x10) {
        // One value (Go packs repeated fields only when they hold more than two).
        if (nv === nT) {
          ok = false;
          break;
        }
        const w = shortVarint(buf, pos + 1, e);
        if (w >= 0) {
          values[nv++][s] = w >>> 2;
          pos += 2 + (w & 3);
        } else {
          d.i1 = s;
          d.pos = pos + 1;
          d.varint(e);
          values[nv++][s] = d.signed();
          pos = d.pos;
        }
      } else if (t === 0x08 && nd > 0) {
        // One location id.
        const w = shortVarint(buf, pos + 1, e);
        const id = w >>> 2;
        const li = seq ? (id !== 0 && id <= nLoc ? id - 1 : -1) : id < nd ? dense[id] : -1;
        if (w < 0 || li < 0) {
          ok = false;
          break;
        }
        if (nl === locs.length) {
          stackLocs.n = nl;
          growStack(stackLocs, nl + 1, pos - c.spanStart, c.span);
          locs = stackLocs.a;
        }
        locs[nl++] = li;
        pos += 2 + (w & 3);
      } else if (t === 0x1a) {
        const le = fastLabel(buf, pos, e, nStr, c, s);
        if (le < 0) {
          ok = false;
          break;
        }
        pos = le;
      } else {
        ok = false;
        break;
      }
    }
    if (!ok || pos !== e || nv !== nT) {
      stackLocs.n = nl;
      decodeSampleGeneral(d, c, s, sr[s], e);
      nl = stackLocs.n;
      locs = stackLocs.a;
    }
  }
  stackLocs.n = nl;
  stackStart[nS] = nl;
  labelStart[nS] = labelKey.n;
  d.f1 = '';
  return {
    count: nS,
    stackStart,
    // A view even when a third is spare beats copying 100+ MB (and halves the peak).
    stackLocs: stackLocs.done(0.5),
    values,
    labelStart,
    labelKey: labelKey.done(),
    labelStr: labelStr.done(),
    labelNum: labelNum.done(),
    labelNumUnit: labelNumUnit.done(),
  };
}

/**
 * The label whose tag is at buf[pos] (sample s ends at e), when its varints
 * are short and its string indexes in range: adds it (unless pprof would drop
 * it: neither string nor number nor unit) and returns where it ends; -1
 * leaves the sample to the general reader.
 */
function fastLabel(buf: Uint8Array, pos: number, e: number, nStr: number, c: SampleCols, s: number): number {
  const q = shortVarint(buf, pos + 1, e);
  let p = pos + 2 + (q & 3);
  const le = p + (q >>> 2);
  if (q < 0 || le > e) return -1;
  let key = 0;
  let sv = 0;
  let num = 0;
  let unit = 0;
  while (p < le) {
    const lt = buf[p];
    const w = shortVarint(buf, p + 1, le);
    const v = w >>> 2;
    if (w < 0 || (v >= nStr && lt !== 0x18)) return -1;
    if (lt === 0x08) key = v;
    else if (lt === 0x10) sv = v;
    else if (lt === 0x18) num = v;
    else if (lt === 0x20) unit = v;
    else return -1;
    p += 2 + (w & 3);
  }
  addLabel(c, s, key, sv, num, unit);
  return le;
}
