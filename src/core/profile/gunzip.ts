// Streaming gunzip with a hard cap on the inflated size, so a decompression
// bomb is refused as soon as the output would pass the cap: the output buffer
// never grows beyond it. Concatenated gzip members are read one after the
// other, as Go's gzip.Reader does.
import { Inflate } from 'pako';
import { ProfileError } from './errors';

/** Default cap on the inflated size of a gzipped profile: 1 GiB. */
export const DEFAULT_MAX_INFLATE = 1024 * 1024 * 1024;

const IN_CHUNK = 1 << 20;
const OUT_CHUNK = 1 << 18;

// Largest buffer allocated up front from the ISIZE hint: beyond it we grow as data comes.
const HINT_MAX = 256 * 1024 * 1024;

/** A buffer for the inflated bytes; running out of memory is a ProfileError too. */
function alloc(size: number, compressed: number): Uint8Array {
  try {
    return new Uint8Array(size);
  } catch {
    throw new ProfileError(
      `not enough memory to inflate the gzipped profile (${compressed} compressed bytes) to ${formatSize(size)}: ` +
        'lower -max_inflate=SIZE, or open the profile on a machine with more memory',
    );
  }
}

/** True when buf starts with the gzip magic bytes 1f 8b. */
export function isGzip(buf: Uint8Array): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** Formats a byte count the way the -max_inflate flag reads it (e.g. 64MiB, 1GiB). */
export function formatSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let u = 0;
  let v = n;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)}${units[u]}`;
}

// A bomb inflates at a ratio no real profile has (real ones: 2-10x). Past
// SUSPECT_AFTER bytes at more than SUSPECT_RATIO, stop keeping the output and
// only count it: a bomb is then refused at the cap having held ~64 MiB, and a
// merely very compressible profile under the cap is inflated a second time.
export const SUSPECT_AFTER = 64 * 1024 * 1024;
export const SUSPECT_RATIO = 20;

function tooLarge(buf: Uint8Array, maxBytes: number): ProfileError {
  return new ProfileError(
    `the gzipped profile inflates to more than ${formatSize(maxBytes)}, the limit on the uncompressed size ` +
      `(${buf.length} compressed bytes). If it really is a profile that large, raise the limit with ` +
      `-max_inflate=SIZE, e.g. -max_inflate=${formatSize(Math.max(2 * maxBytes, 2 * 1024 * 1024 * 1024))}`,
  );
}

/** Inflates gzip data (one or more members); throws ProfileError past maxBytes or on corrupt input. */
export function gunzip(buf: Uint8Array, maxBytes: number = DEFAULT_MAX_INFLATE): Uint8Array {
  if (!isGzip(buf)) throw new ProfileError('not gzip data: the input does not start with the gzip magic bytes 1f 8b');
  return inflate(buf, maxBytes, true) ?? (inflate(buf, maxBytes, false) as Uint8Array);
}

/** The inflated bytes, or null when it switched to counting and the total fits (inflate again, keeping). */
function inflate(buf: Uint8Array, maxBytes: number, mayCount: boolean): Uint8Array | null {
  // ISIZE (last 4 bytes) is the last member's size mod 2^32: a hint only,
  // bounded by the cap and by deflate's maximum ratio (~1032:1).
  let cap = OUT_CHUNK;
  if (buf.length >= 18) {
    const n = buf.length;
    const isize = (buf[n - 4] | (buf[n - 3] << 8) | (buf[n - 2] << 16) | (buf[n - 1] << 24)) >>> 0;
    cap = Math.max(cap, Math.min(isize, maxBytes, buf.length * 1032 + 1024, HINT_MAX, mayCount ? SUSPECT_AFTER : HINT_MAX));
  }
  cap = Math.min(cap, Math.max(maxBytes, 1));
  let out = alloc(cap, buf.length);
  let n = 0;
  let consumed = 0;
  let counting = false;

  const inf = new Inflate({ windowBits: 16 + 15, chunkSize: OUT_CHUNK });
  inf.onData = (chunk: Uint8Array): void => {
    if (n + chunk.length > maxBytes) throw tooLarge(buf, maxBytes);
    if (!counting && mayCount && n + chunk.length > SUSPECT_AFTER && n + chunk.length > SUSPECT_RATIO * consumed) {
      counting = true;
      out = new Uint8Array(0);
    }
    if (counting) {
      n += chunk.length;
      return;
    }
    if (n + chunk.length > out.length) {
      let size = out.length * 2;
      while (size < n + chunk.length) size *= 2;
      const b = alloc(Math.min(size, maxBytes), buf.length);
      b.set(out.subarray(0, n));
      out = b;
    }
    out.set(chunk, n);
    n += chunk.length;
  };
  inf.onEnd = (): void => {};

  for (let off = 0; off < buf.length && !inf.ended; off += IN_CHUNK) {
    const last = off + IN_CHUNK >= buf.length;
    consumed = Math.min(buf.length, off + IN_CHUNK);
    inf.push(buf.subarray(off, off + IN_CHUNK), last);
  }
  if (inf.err !== 0 || !inf.ended) {
    // -5 (Z_BUF_ERROR) at Z_FINISH: the stream stopped before its end.
    if (inf.err === -5 || !inf.ended) {
      throw new ProfileError(
        `decompressing profile: the gzip data is truncated: it ends (after ${buf.length} bytes, ${n} inflated) ` +
          'before the end of the compressed stream. The file was cut short; download or copy it again.',
      );
    }
    throw new ProfileError(
      `decompressing profile: corrupt gzip data (${inf.msg || `zlib error ${inf.err}`}) after ${n} inflated bytes. ` +
        'The file is damaged or is not really gzip.',
    );
  }
  if (counting) return null;
  return n === out.length ? out : out.slice(0, n);
}
