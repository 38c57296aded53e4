import { describe, expect, it } from 'vitest';
import { label, percentage, scale, scaledLabel } from './measurement';

describe('measurement', () => {
  it('scales time to the best unit, or to a given one', () => {
    expect(scaledLabel(9_070_000_000, 'nanoseconds', 'minimum')).toBe('9.07s');
    expect(scaledLabel(9_070_000_000, 'nanoseconds', 'ms')).toBe('9070ms');
    expect(scaledLabel(45_350_000, 'nanoseconds', 'ms')).toBe('45.35ms');
    expect(label(10_170_000_000, 'nanoseconds')).toBe('10.17s');
    expect(scaledLabel(7_200 * 1e9, 'nanoseconds', 'auto')).toBe('2hrs');
    expect(scale(1500, 'microseconds', 'ms')).toEqual([1.5, 'ms']);
  });
  it('scales bytes by 1024', () => {
    expect(label(40_370_176, 'bytes')).toBe('38.50MB');
    expect(label(512, 'bytes')).toBe('512B');
    expect(scaledLabel(1536, 'bytes', 'kb')).toBe('1.50kB');
    expect(scaledLabel(-11_439_964, 'bytes', 'MB')).toBe('-10.91MB');
  });
  it('prints counts without a unit, zero as 0', () => {
    expect(scale(5, 'count', 'minimum')).toEqual([5, '']);
    expect(scaledLabel(1814, 'count', 'minimum')).toBe('1814');
    expect(scaledLabel(0, 'nanoseconds', 'ms')).toBe('0');
    expect(scaledLabel(1, 'nanoseconds', 's')).toBe('0');
  });
  it('counts bytes, as Go does, before trimming a plural s', () => {
    // "μs" is 3 bytes long: pprof trims it to "μ", which is no unit, and
    // falls back to the time family's default unit (seconds).
    expect(scale(1500, 'nanoseconds', 'μs')).toEqual([1.5e-6, 's']);
    expect(scale(1500, 'nanoseconds', 'us')).toEqual([1.5, 'us']);
  });
  it('keeps unknown units', () => {
    expect(scale(3, 'widgets', 'widgets')).toEqual([3, 'widgets']);
  });
  it('formats percentages as pprof', () => {
    expect(percentage(1, 1)).toBe('  100%');
    expect(percentage(1, 3)).toBe('33.33%');
    expect(percentage(-1, 3)).toBe('33.33%');
    expect(percentage(1, 1000)).toBe('  0.1%');
    expect(percentage(6, 9070)).toBe('0.066%');
    expect(percentage(0, 0)).toBe('    0%');
  });
});
