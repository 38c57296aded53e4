// Small pieces of pprof's legacy text parsing shared by several formats.
import { ProfileError } from '../errors';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/**
 * Go's strconv.ParseInt(s, base, 64) with base 0 (0x/0o/0b/0 prefixes,
 * underscores) or 10; null when Go would return an error.
 */
export function goParseInt(s: string, base: 0 | 10): number | null {
  if (s.length <= 15 && /^-?[1-9][0-9]*$|^0$/.test(s)) return Number(s); // common case, exact
  let neg = false;
  let t = s;
  if (t.startsWith('+') || t.startsWith('-')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  let v: bigint;
  if (base === 10) {
    if (!/^[0-9]+$/.test(t)) return null;
    v = BigInt(t);
  } else {
    let digits: RegExp;
    let prefix = '';
    let body = t;
    const lower = t.toLowerCase();
    if (lower.startsWith('0x')) [prefix, body, digits] = ['0x', t.slice(2), /^_?[0-9a-fA-F]+(_[0-9a-fA-F]+)*$/];
    else if (lower.startsWith('0b')) [prefix, body, digits] = ['0b', t.slice(2), /^_?[01]+(_[01]+)*$/];
    else if (lower.startsWith('0o')) [prefix, body, digits] = ['0o', t.slice(2), /^_?[0-7]+(_[0-7]+)*$/];
    else if (t.length > 1 && t[0] === '0') [prefix, body, digits] = ['0o', t.slice(1), /^_?[0-7]+(_[0-7]+)*$/];
    else digits = /^[0-9]+(_[0-9]+)*$/;
    if (!digits.test(body)) return null;
    v = BigInt(prefix + body.replaceAll('_', ''));
  }
  if (neg) v = -v;
  if (v > INT64_MAX || v < INT64_MIN) return null;
  return Number(v);
}

const hexNumberRE = /0x[0-9a-f]+/g;
const U64_MAX = (1n << 64n) - 1n;

// Stacks repeat the same addresses: parsing each hex string once saves
// most of the time on large texts.
const hexCache = new Map<string, bigint>();

/** A `0x...` string as a bigint (may exceed 64 bits: callers check). */
export function hexToBigInt(h: string): bigint {
  let v = hexCache.get(h);
  if (v === undefined) {
    if (hexCache.size >= 1 << 16) hexCache.clear();
    v = BigInt(h);
    hexCache.set(h, v);
  }
  return v;
}

/** All `0x...` numbers in s (pprof's parseHexAddresses); where prefixes errors. */
export function parseHexAddresses(s: string, where: string): bigint[] {
  const out: bigint[] = [];
  hexNumberRE.lastIndex = 0;
  for (let m = hexNumberRE.exec(s); m; m = hexNumberRE.exec(s)) {
    const v = hexToBigInt(m[0]);
    if (m[0].length > 18 && v > U64_MAX) {
      throw new ProfileError(`${where}: address ${m[0]} does not fit in 64 bits; the profile is corrupt.`);
    }
    out.push(v);
  }
  return out;
}

/**
 * pprof's scaleHeapSample: heap samples are a Poisson sampling with mean
 * rate R, so a sample of average size S is divided by 1-exp(-S/R).
 */
export function scaleHeapSample(count: number, size: number, rate: number): [number, number] {
  if (count === 0 || size === 0) return [0, 0];
  if (rate <= 1) return [count, size];
  const avgSize = size / count;
  const scale = 1 / (1 - Math.exp(-avgSize / rate));
  return [goInt64(count * scale), goInt64(size * scale)];
}

/** Go's int64 a*b, wrapping on overflow (exact while |a*b| <= 2^53). */
export function mulInt64(a: number, b: number): number {
  const r = a * b;
  if (Number.isSafeInteger(r)) return r;
  return Number(BigInt.asIntN(64, BigInt(Math.trunc(a)) * BigInt(Math.trunc(b))));
}

/** Go's int64(f) for a float in range: truncation toward zero. */
export function goInt64(f: number): number {
  return Math.trunc(f);
}
