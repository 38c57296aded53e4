// The hottest loop of the decoder: a packed run of location ids (most of a
// CPU profile's bytes) into rows of the stack column. Two small functions,
// apart from the rest of the sample pass: V8 optimizes a small function
// called often within a few calls and compiles it in a millisecond, so even
// the first decode soon runs this loop optimized.
import type { LocationIndexes } from './model';

/**
 * Ids 1..n in row order (what Go writes), so the row is id - 1: reads
 * buf[pos..le) into locs from nl; returns the new nl, or -1 for anything else
 * (an id of 0, of more than three bytes, or past n), left to the general reader.
 */
export function seqIds(buf: Uint8Array, pos: number, le: number, locs: LocationIndexes, nl: number, nLoc: number): number {
  while (pos < le) {
    let id = buf[pos++];
    if (id >= 0x80) {
      // Two or three bytes, by one loop whose every step a two-byte id runs:
      // a three-byte id met late then needs no new type feedback (which
      // would deoptimize the loop).
      id &= 0x7f;
      let b = 0;
      let shift = 7;
      do {
        b = pos < le ? buf[pos++] : 0x80;
        id |= (b & 0x7f) << shift;
        shift += 7;
      } while (shift <= 14 && b >= 0x80);
      if (b >= 0x80) return -1;
    }
    if (id === 0 || id > nLoc) return -1;
    locs[nl++] = id - 1;
  }
  return nl;
}

/** As seqIds, for other ids through their dense index (id -> row, -1 = none). */
export function denseIds(buf: Uint8Array, pos: number, le: number, locs: LocationIndexes, nl: number, dense: Int32Array): number {
  const nd = dense.length;
  while (pos < le) {
    let id = buf[pos++];
    if (id >= 0x80) {
      id &= 0x7f;
      let b = 0;
      let shift = 7;
      do {
        b = pos < le ? buf[pos++] : 0x80;
        id |= (b & 0x7f) << shift;
        shift += 7;
      } while (shift <= 14 && b >= 0x80);
      if (b >= 0x80) return -1;
    }
    const li = id < nd ? dense[id] : -1;
    if (li < 0) return -1;
    locs[nl++] = li;
  }
  return nl;
}
