import { describe, expect, it } from 'vitest';
import { goParseInt, parseHexAddresses, scaleHeapSample } from './text-util';

describe('goParseInt (strconv.ParseInt)', () => {
  it.each([
    ['42', 0, 42],
    ['-7', 10, -7],
    ['0x1f', 0, 31],
    ['010', 0, 8],
    ['1_000', 0, 1000],
    ['1_000', 10, null],
    ['0x', 0, null],
    ['9223372036854775808', 10, null],
    ['', 10, null],
  ] as const)('%s base %i', (s, base, want) => expect(goParseInt(s, base)).toBe(want));
});

describe('parseHexAddresses', () => {
  it('takes lower-case 0x numbers', () => {
    expect(parseHexAddresses(' 0x1 0xabc 0XFF 12', 'x')).toEqual([1n, 0xabcn]);
  });
  it('rejects addresses over 64 bits', () => {
    expect(() => parseHexAddresses('0x10000000000000000', 'here')).toThrow(/^here: address 0x10000000000000000 does not fit in 64 bits/);
  });
});

describe('scaleHeapSample', () => {
  it('undoes Poisson sampling like pprof', () => {
    // Expected values computed by pprof's scaleHeapSample in Go 1.19.
    expect(scaleHeapSample(1, 524288, 524288)).toEqual([1, 829411]);
    expect(scaleHeapSample(32, 1835008, 65536)).toEqual([54, 3146781]);
    expect(scaleHeapSample(41734, 12019392, 65536)).toEqual([9517685, 2741093521]);
    expect(scaleHeapSample(3, 30, 1)).toEqual([3, 30]);
    expect(scaleHeapSample(0, 0, 524288)).toEqual([0, 0]);
  });
});
