// Pass 2b of the protobuf decoder: Profile.function into the function table.
// A fast loop takes the usual fields (one-byte tag, short varint, string
// index in range); any other field goes to functionField, the general code.
import type { FunctionTable } from './model';
import { shortVarint } from './decode-varint';
import { Decoder, type Ranges, S_FUNCTION } from './proto-reader';

export function decodeFunctions(d: Decoder, r: Ranges): FunctionTable {
  const buf = d.buf;
  const n = r.count;
  const fns: FunctionTable = {
    count: n,
    id: new Float64Array(n),
    name: new Uint32Array(n),
    systemName: new Uint32Array(n),
    filename: new Uint32Array(n),
    startLine: new Float64Array(n),
  };
  const { id, name, systemName, filename, startLine } = fns;
  const nStr = d.strings.length;
  const starts = r.starts;
  const ends = r.ends;
  for (let f = 0; f < n; f++) {
    let pos = starts[f];
    const e = ends[f];
    while (pos < e) {
      const t0 = buf[pos];
      if ((t0 & 7) === 0 && t0 >= 0x08 && t0 <= 0x28) {
        const q = shortVarint(buf, pos + 1, e);
        const v = q >>> 2;
        if (q >= 0 && (v < nStr || t0 === 0x08 || t0 === 0x28)) {
          if (t0 === 0x08) id[f] = v;
          else if (t0 === 0x10) name[f] = v;
          else if (t0 === 0x18) systemName[f] = v;
          else if (t0 === 0x20) filename[f] = v;
          else startLine[f] = v;
          pos += 2 + (q & 3);
          continue;
        }
      }
      d.f1 = 'function';
      d.i1 = f;
      d.pos = pos;
      functionField(d, e, f, fns);
      pos = d.pos;
    }
  }
  return fns;
}

/** One field of Profile.function[f] at d.pos (any field, every error). */
function functionField(d: Decoder, e: number, f: number, fns: FunctionTable): void {
  const at = d.pos;
  const t = d.tag(e);
  const field = Math.floor(t / 8);
  if ((t & 7) !== 0 || field < 1 || field > 5) {
    d.other(S_FUNCTION, field, t & 7, at, e);
    return;
  }
  const v = d.varint(e);
  switch (field) {
    case 1: fns.id[f] = v; break;
    case 2: fns.name[f] = d.strIndex('name', at); break;
    case 3: fns.systemName[f] = d.strIndex('system_name', at); break;
    case 4: fns.filename[f] = d.strIndex('filename', at); break;
    case 5: fns.startLine[f] = d.signed(); break;
  }
}
