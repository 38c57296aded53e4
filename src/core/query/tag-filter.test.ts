import { describe, expect, it } from 'vitest';
import { compileTagFilter, parseTagFilterRange } from './tag-filter';
import { testProfile } from './test-profile';

describe('parseTagFilterRange', () => {
  it('reads values, open and closed ranges with units', () => {
    const eq = parseTagFilterRange('32kb')!;
    expect(eq(32768, 'bytes')).toBe(true);
    expect(eq(32767, 'bytes')).toBe(false);
    const ge = parseTagFilterRange('32kb:')!;
    expect(ge(1 << 20, 'bytes')).toBe(true);
    expect(ge(1024, 'bytes')).toBe(false);
    const le = parseTagFilterRange(':1mb')!;
    expect(le(1 << 20, 'bytes')).toBe(true);
    expect(le((1 << 20) + 1, 'bytes')).toBe(false);
    const in2 = parseTagFilterRange('1kb:2kb')!;
    expect([1023, 1024, 2048, 2049].map((v) => in2(v, 'bytes'))).toEqual([false, true, true, false]);
  });

  it('compares only values of the same unit family', () => {
    expect(parseTagFilterRange('1ms:')!(5, 'bytes')).toBe(false);
    expect(parseTagFilterRange('1ms:')!(2e6, 'nanoseconds')).toBe(true);
    // Without a unit the filter's unit is "": byte labels never match it.
    expect(parseTagFilterRange('1:300')!(288, 'bytes')).toBe(false);
    expect(parseTagFilterRange('1:300')!(288, 'requests')).toBe(true);
  });

  it('is not a range when the text is more than numbers and units', () => {
    expect(parseTagFilterRange('encode')).toBeNull();
    expect(parseTagFilterRange('encode2')).toBeNull();
    expect(parseTagFilterRange('1x2')).toBeNull();
    expect(parseTagFilterRange('1kb:2ms')).toBeNull();
  });
});

describe('compileTagFilter', () => {
  const p = testProfile([
    { stack: 'a', labels: [{ key: 'stage', str: 'encode' }, { key: 'tenant', str: 'acme' }] },
    { stack: 'a', labels: [{ key: 'stage', str: 'index' }] },
    { stack: 'a', labels: [{ key: 'bytes', num: 2048, numUnit: 'bytes' }] },
    { stack: 'a' },
  ]);
  const units = new Map([['bytes', 'bytes']]);
  const rows = (value: string) => {
    const f = compileTagFilter('tagfocus', value, units);
    const t = f.bind(p);
    return [0, 1, 2, 3].filter(t);
  };

  it('matches key=regex against that key\'s values', () => {
    expect(rows('stage=encode')).toEqual([0]);
    expect(rows('stage=encode,index')).toEqual([0, 1]);
    expect(rows('stage=^enc$')).toEqual([]);
  });

  it('matches a bare regex against key:value, every regex somewhere', () => {
    expect(rows('encode')).toEqual([0]);
    expect(rows('stage:i')).toEqual([1]);
    expect(rows('stage:e,tenant:acme')).toEqual([0]);
  });

  it('filters numeric labels by range and says so', () => {
    const f = compileTagFilter('tagfocus', 'bytes=2kb:', units);
    expect(f.warnings).toEqual(["tagfocus:Interpreted '2kb:' as range, not regexp"]);
    expect([0, 1, 2, 3].filter(f.bind(p))).toEqual([2]);
    expect(rows('1kb')).toEqual([]);
    expect(rows('2kb')).toEqual([2]);
  });
});
