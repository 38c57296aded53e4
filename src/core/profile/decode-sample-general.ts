// The general reader of one Profile.sample: any field order, packed or not,
// long varints, every error with its field path and byte offset. The fast
// loop of decode-samples.ts hands it the samples it does not take whole.
import { growStack } from './decode-stack-size';
import { Decoder, Grow, IdIndex, S_LABEL, S_SAMPLE } from './proto-reader';
import type { LocationIndexes } from './model';

/** The sample table under construction; `stackLocs.n` etc. are the fill. */
export interface SampleCols {
  values: Float64Array[];
  stackStart: Uint32Array;
  labelStart: Uint32Array;
  stackLocs: Grow<LocationIndexes>;
  labelKey: Grow<Uint32Array>;
  labelStr: Grow<Uint32Array>;
  labelNum: Grow<Float64Array>;
  labelNumUnit: Grow<Uint32Array>;
  locations: IdIndex;
  spanStart: number; // the samples' bytes: from the first one's start
  span: number; // to the last one's end
}

/** Makes room for one more label before sample s is done (of nS). */
/** Adds a label of sample s, unless it has neither a string nor a number nor a unit (pprof drops those). */
export function addLabel(c: SampleCols, s: number, key: number, str: number, num: number, unit: number): void {
  if (str === 0 && num === 0 && unit === 0) return;
  roomForLabel(c, s);
  c.labelKey.push(key);
  c.labelStr.push(str);
  c.labelNum.push(num);
  c.labelNumUnit.push(unit);
}

function roomForLabel(c: SampleCols, s: number): void {
  const n = c.labelKey.n;
  if (n < c.labelKey.a.length) return;
  // After a thousand samples, grow to what the rest should need at this rate, not by doubling.
  const nS = c.stackStart.length - 1;
  const size = s < 1023 ? n * 2 + 16 : Math.max(Math.ceil(((n + 1) / (s + 1)) * nS * 1.05), Math.ceil(n * 1.125)) + 16;
  c.labelKey.grow(size);
  c.labelStr.grow(size);
  c.labelNum.grow(size);
  c.labelNumUnit.grow(size);
}

function pushId(d: Decoder, c: SampleCols, li: number): void {
  const stack = c.stackLocs;
  if (stack.n === stack.a.length) growStack(stack, stack.n + 1, d.pos - c.spanStart, c.span);
  stack.push(li);
}

/**
 * Reads sample s (bytes start..e) from scratch: its stack and labels start at
 * stackStart[s] and labelStart[s], whatever a fast path had written after them.
 */
export function decodeSampleGeneral(d: Decoder, c: SampleCols, s: number, start: number, e: number): void {
  const buf = d.buf;
  const values = c.values;
  const nT = values.length;
  const stackLocs = c.stackLocs;
  const s0 = c.stackStart[s];
  stackLocs.n = s0;
  const l0 = c.labelStart[s];
  c.labelKey.n = l0;
  c.labelStr.n = l0;
  c.labelNum.n = l0;
  c.labelNumUnit.n = l0;
  const locDense = c.locations.dense;
  d.f1 = 'sample';
  d.i1 = s;
  d.pos = start;
  let nv = 0;
  let nLabels = 0;
  while (d.pos < e) {
    const at = d.pos;
    const t = d.tag(e);
    if (t === 0x0a || t === 0x08) {
      // location_id, packed or not
      const le = t === 0x0a ? d.len(e, 'location_id') : e;
      if (t === 0x0a && locDense !== null) {
        // Dense ids: an empty packed run holds no id (the loop below, for
        // ids in a Map, reports it as a truncated varint, as it always did).
        while (d.pos < le) {
          const lat = d.pos;
          const id = d.varint(le);
          const li = id < locDense.length ? locDense[id] : -1;
          if (li < 0) {
            d.fail(`${d.path('location_id')}[${stackLocs.n - s0}] = ${id} does not name any location of Profile.location`, lat);
          }
          pushId(d, c, li);
        }
        continue;
      }
      do {
        const lat = d.pos;
        const id = d.varint(le);
        const li = locDense !== null ? (id < locDense.length ? locDense[id] : -1) : c.locations.get(id);
        if (li < 0) {
          d.fail(`${d.path('location_id')}[${stackLocs.n - s0}] = ${id} does not name any location of Profile.location`, lat);
        }
        pushId(d, c, li);
      } while (t === 0x0a && d.pos < le);
    } else if (t === 0x12 || t === 0x10) {
      // value, packed or not
      const ve = t === 0x12 ? d.len(e, 'value') : e;
      do {
        const vat = d.pos;
        d.varint(ve);
        const v = d.signed();
        if (nv >= nT) {
          d.fail(`${d.path('value')} has more than ${nT} values, but the profile has ${nT} sample types`, vat);
        }
        values[nv++][s] = v;
      } while (t === 0x12 && d.pos < ve);
    } else if (t === 0x1a) {
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
      addLabel(c, s, key, sv, num, unit);
      d.f2 = '';
      d.i2 = -1;
    } else {
      d.other(S_SAMPLE, Math.floor(t / 8), t & 7, at, e);
    }
  }
  if (nv !== nT) {
    d.fail(`${d.path('value')} has ${nv} values, but the profile has ${nT} sample types`, start);
  }
}
