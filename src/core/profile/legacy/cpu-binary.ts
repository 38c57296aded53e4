// The gperftools binary CPU profile ("profilez"): words of 32 or 64 bits in
// either byte order, a 5-word header, samples, an end marker, then the
// /proc/self/maps text (google/pprof profile/legacy_profile.go: parseCPU).
import { ProfileError } from '../errors';
import { LocationTable, newLProfile, type LProfile } from './legacy-profile';
import { LineScanner } from './line-scanner';
import { cleanupDuplicateLocations, parseMemoryMap } from './remap';
import { javaCPUProfile } from './java';
import { mulInt64 } from './text-util';

/** Reads words of one width and byte order from a byte array. */
export class WordReader {
  pos = 0;
  constructor(
    readonly b: Uint8Array,
    readonly size: 4 | 8,
    readonly little: boolean,
    private readonly view = new DataView(b.buffer, b.byteOffset, b.byteLength),
  ) {}
  get remaining(): number {
    return this.b.length - this.pos;
  }
  /** The next word, or null when fewer than `size` bytes remain. */
  next(): bigint | null {
    if (this.remaining < this.size) return null;
    const v =
      this.size === 4
        ? BigInt(this.view.getUint32(this.pos, this.little))
        : this.view.getBigUint64(this.pos, this.little);
    this.pos += this.size;
    return v;
  }
  describe(): string {
    return `${this.size * 8}-bit ${this.little ? 'little' : 'big'}-endian`;
  }
}

const ENCODINGS: [4 | 8, boolean][] = [
  [4, true],
  [4, false],
  [8, true],
  [8, false],
];

/** The header's word reader and period, if b starts with a profilez header. */
export function sniffCPU(b: Uint8Array): { r: WordReader; period: bigint; java: boolean } | null {
  for (const [size, little] of ENCODINGS) {
    const r = new WordReader(b, size, little);
    const n = [r.next(), r.next(), r.next(), r.next(), r.next()];
    if (n[4] === null) continue;
    if (n[0] === 0n && n[1] === 3n && (n[2] === 0n || n[2] === 1n) && n[3]! > 0n && n[4] === 0n) {
      return { r, period: n[3]!, java: n[2] === 1n };
    }
  }
  return null;
}

export function parseCPU(b: Uint8Array): LProfile | null {
  const h = sniffCPU(b);
  if (!h) return null;
  // Go's Period: int64(n4) * 1000, wrapping.
  const period = Number(BigInt.asIntN(64, BigInt.asIntN(64, h.period) * 1000n));
  return h.java ? javaCPUProfile(h.r, period) : cpuProfile(h.r, period);
}

function cpuProfile(r: WordReader, period: number): LProfile {
  const p = newLProfile([['samples', 'count'], ['cpu', 'nanoseconds']], ['cpu', 'nanoseconds'], period);
  parseCPUSamples(r, true, p);

  // If most samples share the second frame, it is the signal handler's:
  // remove it (up to two such frames), as pprof does.
  const margin = Math.trunc(p.samples.length / 32);
  for (let iter = 0; iter < 2; iter++) {
    const addr1 = new Map<bigint, number>();
    for (const s of p.samples) {
      if (s.locs.length > 1) {
        const a = s.locs[1].address;
        addr1.set(a, (addr1.get(a) ?? 0) + 1);
      }
    }
    for (const [id1, count] of addr1) {
      if (count >= p.samples.length - margin) {
        for (const s of p.samples) {
          if (s.locs.length > 1 && s.locs[1].address === id1) s.locs.splice(1, 1);
        }
        break;
      }
    }
  }

  parseMemoryMap(p, new LineScanner(new TextDecoder().decode(r.b.subarray(r.pos))));
  cleanupDuplicateLocations(p);
  return p;
}

/**
 * Samples are `count, n, addr1..addrn` until the `0, 1, 0` end marker (or
 * the end of the data). With adjust, non-leaf addresses are moved back by
 * one to land on the call instruction. Leaves r after the marker.
 */
export function parseCPUSamples(r: WordReader, adjust: boolean, p: LProfile): LocationTable {
  const locs = new LocationTable(p);
  while (r.remaining > 0) {
    const at = r.pos;
    const count = r.next();
    const nstk = r.next();
    if (count === null || nstk === null) throw truncated(r, at, 'a sample header (count and stack depth)');
    if (nstk > BigInt(Math.trunc(r.remaining / r.size))) {
      throw truncated(r, at, `a stack of ${nstk} addresses`);
    }
    const addrs: bigint[] = [];
    for (let i = 0n; i < nstk; i++) addrs.push(r.next()!);
    if (count === 0n && nstk === 1n && addrs[0] === 0n) break; // end of data
    const sloc = addrs.map((a, i) => locs.get(adjust && i > 0 ? BigInt.asUintN(64, a - 1n) : a));
    p.samples.push({ locs: sloc, values: sampleValues(count, p.period) });
  }
  return locs;
}

// Go's int64(count) and int64(count) * period, wrapping like Go.
function sampleValues(count: bigint, period: number): [number, number] {
  if (count < 1n << 32n) {
    const n = Number(count);
    return [n, mulInt64(n, period)];
  }
  const c = BigInt.asIntN(64, count);
  return [Number(c), Number(BigInt.asIntN(64, c * BigInt(period)))];
}

function truncated(r: WordReader, at: number, what: string): ProfileError {
  return new ProfileError(
    `legacy CPU profile (${r.describe()}) is truncated or corrupt: at byte ${at}, ` +
      `${what} does not fit in the ${r.b.length - at} bytes left. ` +
      'Collect the profile again and make sure the file is copied completely.',
  );
}
