// The size of the sample table's stack column, allocated once before the
// samples are read. Small profiles count their varint ends (an exact upper
// bound of the location ids). Big ones would spend a tenth of the decode on
// that count, so their ids are counted in ~1000 samples spread over the
// profile and scaled by bytes; if the estimate falls short, the column grows
// to a projection of what is left (growStack), not by doubling.
import { shortVarint } from './decode-varint';
import { Grow, varintEnds } from './proto-reader';
import type { LocationIndexes } from './model';

const EXACT_BELOW = 8192; // samples
const PROBES = 1024;

/** How many location ids the samples are expected to hold (at least 16). */
export function stackCapacity(buf: Uint8Array, sr: Uint32Array, se: Uint32Array, nS: number): number {
  if (nS < EXACT_BELOW) return varintEnds(buf, sr, se, nS) + 16;
  const stride = Math.floor(nS / PROBES);
  let ids = 0;
  let bytes = 0;
  for (let s = 0; s < nS; s += stride) {
    ids += idsIn(buf, sr[s], se[s]);
    bytes += se[s] - sr[s];
  }
  let total = 0;
  for (let s = 0; s < nS; s++) total += se[s] - sr[s];
  return Math.ceil((total * ids * 1.04) / Math.max(bytes, 1)) + 1024;
}

/** Location ids in one sample (varint ends of its location_id fields); stops at anything odd. */
function idsIn(buf: Uint8Array, pos: number, e: number): number {
  let n = 0;
  while (pos < e) {
    const t = buf[pos];
    const q = shortVarint(buf, pos + 1, e);
    if (q < 0) break;
    const next = pos + 2 + (q & 3);
    if (t === 0x0a) {
      const le = next + (q >>> 2);
      if (le > e) break;
      for (let k = next; k < le; k++) n += (buf[k] >>> 7) ^ 1;
      pos = le;
    } else if (t === 0x12 || t === 0x1a) pos = next + (q >>> 2);
    else if (t === 0x08 || t === 0x10) {
      if (t === 0x08) n++;
      pos = next;
    } else break;
  }
  return n;
}

/**
 * Makes room for `need` ids in the stack column when `consumed` of the
 * samples' `span` bytes hold `stack.n` ids: grows to what the rest should
 * need at that rate (plus 5%), at least an eighth more.
 */
export function growStack(stack: Grow<LocationIndexes>, need: number, consumed: number, span: number): void {
  if (need <= stack.a.length) return;
  const projected = Math.ceil((stack.n / Math.max(consumed, 1)) * span * 1.05) + 1024;
  stack.grow(Math.max(need, projected, Math.ceil(stack.a.length * 1.125)));
}
