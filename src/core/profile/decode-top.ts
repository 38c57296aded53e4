// Pass 1 of the protobuf decoder: the top level of Profile. It keeps the byte
// ranges of the repeated messages (decoded by the later passes, once every id
// they refer to is known) and reads the scalars and the small messages.
import type { ValueType } from './model';
import { shortVarint } from './decode-varint';
import { Decoder, ranges, type Ranges, S_PROFILE } from './proto-reader';

export interface TopLevel {
  samples: Ranges;
  mappings: Ranges;
  locations: Ranges;
  functions: Ranges;
  strings: Ranges;
  sampleTypes: ValueType[];
  comments: number[];
  periodType: ValueType | null;
  dropFrames: number;
  keepFrames: number;
  timeNanos: bigint;
  durationNanos: number;
  period: number;
  defaultSampleType: number;
  docUrl: number;
}

function emptyFirstString(d: Decoder, strings: Ranges, s: number, e: number, at: number): void {
  if (strings.count === 0 && e !== s) {
    d.fail(`Profile.string_table[0] must be the empty string, found ${JSON.stringify(d.str(s, e).slice(0, 40))}`, at);
  }
}

/** Reads the top level of the message d.buf, from its first byte. */
export function decodeTop(d: Decoder): TopLevel {
  const buf = d.buf;
  const top: TopLevel = {
    samples: ranges(), mappings: ranges(), locations: ranges(), functions: ranges(), strings: ranges(),
    sampleTypes: [], comments: [], periodType: null,
    dropFrames: 0, keepFrames: 0, timeNanos: 0n, durationNanos: 0, period: 0, defaultSampleType: 0, docUrl: 0,
  };
  const stringR = top.strings;
  // Ranges by field number (2 to 6): one indexed load, not a chain of
  // compares whose later ones V8 would first meet in optimized code.
  const byField = [stringR, stringR, top.samples, top.mappings, top.locations, top.functions, stringR];
  const end = buf.length;
  let pos = 0;
  let fields = 0;
  while (pos < end) {
    // Fast path for the bulk of the top level (sample, mapping, location,
    // function, string_table with a short length prefix): no Decoder, and
    // no call for lengths below 2^14, which keeps the first run (before V8
    // optimizes this loop) fast too.
    const t0 = buf[pos];
    if ((t0 & 7) === 2 && t0 >= 0x12 && t0 <= 0x32) {
      let s = -1;
      let n = 0;
      const b1 = pos + 1 < end ? buf[pos + 1] : 0x80;
      const b2 = pos + 2 < end ? buf[pos + 2] : 0x80;
      if (b1 < 0x80) {
        s = pos + 2;
        n = b1;
      } else if (b2 < 0x80) {
        s = pos + 3;
        n = (b1 & 0x7f) | (b2 << 7);
      } else {
        const q = shortVarint(buf, pos + 1, end);
        if (q >= 0) {
          s = pos + 2 + (q & 3);
          n = q >>> 2;
        }
      }
      const e = s + n;
      if (s >= 0 && e <= end) {
        const r = byField[t0 >> 3];
        // Every compare runs for every field (rare ones would first be met in optimized code).
        const firstString = r === stringR;
        const firstOfKind = r.count === 0;
        const empty = e === s;
        if (firstString && firstOfKind && !empty) {
          d.topFields = fields;
          emptyFirstString(d, stringR, s, e, pos);
        }
        if (r.count === r.starts.length) r.grow();
        r.starts[r.count] = s;
        r.ends[r.count++] = e;
        pos = e;
        fields++;
        continue;
      }
    }
    d.pos = pos;
    d.topFields = fields;
    topField(d, top);
    pos = d.pos;
    fields++;
  }
  d.topFields = fields;
  return top;
}

/** One top-level field at d.pos, by the general code (any field, every error). */
function topField(d: Decoder, top: TopLevel): void {
  const end = d.buf.length;
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
    if (field === 2) top.samples.add(s, e);
    else if (field === 4) top.locations.add(s, e);
    else if (field === 5) top.functions.add(s, e);
    else if (field === 3) top.mappings.add(s, e);
    else if (field === 6) {
      emptyFirstString(d, top.strings, s, e, at);
      top.strings.add(s, e);
    } else {
      d.f1 = 'sample_type';
      d.i1 = top.sampleTypes.length;
      d.pos = s;
      top.sampleTypes.push(d.valueType(e));
    }
    d.f1 = '';
  } else if (wire === 2 && field === 11) {
    d.f1 = name;
    const e = d.len(end, '');
    top.periodType = d.valueType(e);
    d.f1 = '';
  } else if (wire === 0 && field >= 7 && field <= 15 && field !== 11 && field !== 13) {
    d.varint(end);
    const v = d.signed();
    switch (field) {
      case 7: top.dropFrames = v; break;
      case 8: top.keepFrames = v; break;
      case 9:
        if (top.timeNanos !== 0n) {
          d.fail(
            'the input holds several profiles one after another (a second time_nanos field): ' +
              'pprof rejects concatenated profiles; save each profile to its own file and open them together to merge them',
            at,
            'concatenated',
          );
        }
        top.timeNanos = BigInt.asIntN(64, (BigInt(d.hi) << 32n) | BigInt(d.lo));
        break;
      case 10: top.durationNanos = v; break;
      case 12: top.period = v; break;
      case 14: top.defaultSampleType = v; break;
      case 15: top.docUrl = v; break;
    }
  } else if (field === 13 && wire === 0) {
    d.varint(end);
    top.comments.push(d.signed());
  } else if (field === 13 && wire === 2) {
    d.f1 = 'comment';
    const e = d.len(end, '');
    while (d.pos < e) {
      d.varint(e);
      top.comments.push(d.signed());
    }
    d.f1 = '';
  } else {
    d.other(S_PROFILE, field, wire, at, end);
  }
}
