import { describe, expect, it } from 'vitest';
import { goDuration, goDurationPrec4, goInt, goStringCompare, goTimeUTC } from './go-format';

// Expected strings printed by Go 1.19 (fmt "%s|%.4v" of time.Duration and
// "%v" of time.Unix(0, t) with TZ=UTC).
const durations: [number, string, string][] = [
  [0, '0s', '0s'],
  [1, '1ns', '1ns'],
  [999, '999ns', '999n'],
  [1000, '1\u00b5s', '1\u00b5s'],
  [1500, '1.5\u00b5s', '1.5\u00b5'],
  [999999, '999.999\u00b5s', '999.'],
  [1000000, '1ms', '1ms'],
  [1234567, '1.234567ms', '1.23'],
  [999999999, '999.999999ms', '999.'],
  [1000000000, '1s', '1s'],
  [10170000000, '10.17s', '10.1'],
  [2000123456, '2.000123456s', '2.00'],
  [60e9, '1m0s', '1m0s'],
  [3600e9, '1h0m0s', '1h0m'],
  [16500e9 + 123, '4h35m0.000000123s', '4h35'],
  [-1500, '-1.5\u00b5s', '-1.5'],
  [90061001002003, '25h1m1.001002003s', '25h1'],
];

describe('goDuration', () => {
  it.each(durations)('%d ns', (ns, full, prec4) => {
    expect(goDuration(ns)).toBe(full);
    expect(goDurationPrec4(ns)).toBe(prec4);
  });
});

describe('goTimeUTC', () => {
  it.each([
    [0n, '1970-01-01 00:00:00 +0000 UTC'],
    [1795735434252230660n, '2026-11-26 23:23:54.25223066 +0000 UTC'],
    [1795735434000000000n, '2026-11-26 23:23:54 +0000 UTC'],
    [1795735434100000000n, '2026-11-26 23:23:54.1 +0000 UTC'],
    [-1n, '1969-12-31 23:59:59.999999999 +0000 UTC'],
  ])('%s', (t, s) => expect(goTimeUTC(t)).toBe(s));
});

describe('goInt and goStringCompare', () => {
  it('prints int64 values without exponent', () => {
    expect(goInt(-42)).toBe('-42');
    expect(goInt(2 ** 60)).toBe('1152921504606846976');
  });
  it('orders like Go sort.Strings (bytes)', () => {
    const a = ['b', 'B', 'a:[x]', 'a', '\u{1F600}', '\uffff'];
    expect(a.sort(goStringCompare)).toEqual(['B', 'a', 'a:[x]', 'b', '\uffff', '\u{1F600}']);
  });
});
