// A tiny protobuf writer for crafting (valid and broken) profile.proto inputs
// in tests, byte by byte. Parts are plain byte arrays joined with cat().

export type Bytes = number[];

/** Varint of a non-negative integer or bigint (negative bigints as two's complement). */
export function varint(v: number | bigint): Bytes {
  let x = BigInt.asUintN(64, BigInt(v));
  const out: Bytes = [];
  while (x >= 0x80n) {
    out.push(Number(x & 0x7fn) | 0x80);
    x >>= 7n;
  }
  out.push(Number(x));
  return out;
}

export function cat(...parts: Bytes[]): Bytes {
  return parts.flat();
}

export function tag(field: number, wire: number): Bytes {
  return varint(field * 8 + wire);
}

/** A varint field (wire type 0). */
export function vf(field: number, v: number | bigint): Bytes {
  return cat(tag(field, 0), varint(v));
}

/** A length-delimited field (wire type 2) holding the given parts. */
export function lf(field: number, ...body: Bytes[]): Bytes {
  const b = cat(...body);
  return cat(tag(field, 2), varint(b.length), b);
}

/** Packed repeated varints. */
export function packed(field: number, vs: (number | bigint)[]): Bytes {
  return lf(field, ...vs.map(varint));
}

export function str(field: number, s: string): Bytes {
  return lf(field, Array.from(new TextEncoder().encode(s)));
}

export function u8(b: Bytes): Uint8Array {
  return Uint8Array.from(b);
}

// profile.proto field numbers.
export const P = {
  sampleType: 1, sample: 2, mapping: 3, location: 4, function: 5, stringTable: 6, dropFrames: 7, keepFrames: 8,
  timeNanos: 9, durationNanos: 10, periodType: 11, period: 12, comment: 13, defaultSampleType: 14, docUrl: 15,
} as const;

/** A string table field list: strings[0] should be ''. */
export function strings(ss: string[]): Bytes {
  return cat(...ss.map((s) => str(P.stringTable, s)));
}

/**
 * A small valid profile: 2 sample types, 1 mapping, 2 functions, 2 locations
 * (one with 2 inlined lines), 2 samples (one with a string and a numeric label).
 * `over` replaces whole parts to break one thing at a time.
 */
export function smallProfile(over: Partial<Record<'types' | 'samples' | 'mappings' | 'locations' | 'functions' | 'strings' | 'tail', Bytes>> = {}): Bytes {
  const S = ['', 'samples', 'count', 'cpu', 'nanoseconds', 'main', 'main.go', 'foo', '/bin/app', 'k', 'v', 'bytes'];
  return cat(
    over.types ?? cat(lf(P.sampleType, vf(1, 1), vf(2, 2)), lf(P.sampleType, vf(1, 3), vf(2, 4))),
    over.samples ??
      cat(
        lf(P.sample, packed(1, [1, 2]), packed(2, [1, 10000000]), lf(3, vf(1, 9), vf(2, 10)), lf(3, vf(1, 11), vf(3, 4096), vf(4, 4))),
        lf(P.sample, vf(1, 2), vf(2, 3), vf(2, -30000000)),
      ),
    over.mappings ?? lf(P.mapping, vf(1, 1), vf(2, 0x400000), vf(3, 0x500000), vf(5, 8), vf(7, 1)),
    over.locations ??
      cat(
        lf(P.location, vf(1, 1), vf(2, 1), vf(3, 0x401000), lf(4, vf(1, 2), vf(2, 12)), lf(4, vf(1, 1), vf(2, 30))),
        lf(P.location, vf(1, 2), vf(2, 1), vf(3, 0x402000), lf(4, vf(1, 1), vf(2, 40))),
      ),
    over.functions ?? cat(lf(P.function, vf(1, 1), vf(2, 5), vf(3, 5), vf(4, 6), vf(5, 3)), lf(P.function, vf(1, 2), vf(2, 7), vf(3, 7), vf(4, 6))),
    over.strings ?? strings(S),
    over.tail ?? cat(vf(P.timeNanos, 1700000000000000000n), vf(P.durationNanos, 1e9), lf(P.periodType, vf(1, 3), vf(2, 4)), vf(P.period, 10000000)),
  );
}
