// The short varint of the decoder's fast paths: ids, string indexes, lengths
// and most values take 1 to 4 bytes (< 2^28). Value and byte count come back
// packed in one small integer (value * 4 + bytes - 1, below 2^30, so a Smi):
// no module state, no object, and the function is small enough to be inlined.
// Anything else (longer, truncated) returns -1 and the caller takes its
// general path, which reads the field again with Decoder and reports errors.

/** value * 4 + (bytes - 1) of the varint at pos (1 to 4 bytes, ending before end), or -1. */
export function shortVarint(buf: Uint8Array, pos: number, end: number): number {
  // One loop whose every step a one-byte varint runs too: a longer varint
  // met late then needs no new type feedback (which would deoptimize the
  // optimized code this is inlined in).
  let v = 0;
  let k = 0;
  let b = 0x80;
  do {
    if (pos + k >= end) return -1;
    b = buf[pos + k];
    v |= (b & 0x7f) << (7 * k);
    k++;
  } while (k < 4 && b >= 0x80);
  return b < 0x80 ? (v << 2) | (k - 1) : -1;
}
