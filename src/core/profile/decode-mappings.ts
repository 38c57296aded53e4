// Pass 2a of the protobuf decoder: Profile.mapping, a few rows, read by the
// general code alone.
import type { Mapping } from './model';
import { Decoder, type Ranges, S_MAPPING } from './proto-reader';

export function decodeMappings(d: Decoder, r: Ranges): Mapping[] {
  const mappings: Mapping[] = [];
  for (let m = 0; m < r.count; m++) {
    d.f1 = 'mapping';
    d.i1 = m;
    d.pos = r.starts[m];
    const e = r.ends[m];
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
  return mappings;
}
