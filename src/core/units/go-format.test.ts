import { describe, expect, it } from 'vitest';
import { goFixed, goG, padLeft } from './go-format';

// Expected strings printed by Go 1.19's fmt for the same float64 values
// (%.2f, %.2g, %5.2g, %.0f): exact binary ties round to even in Go.
const GO: [number, string, string, string, string][] = [
  [0.125, '0.12', '0.12', ' 0.12', '0'],
  [0.375, '0.38', '0.38', ' 0.38', '0'],
  [2.5, '2.50', '2.5', '  2.5', '2'],
  [3.5, '3.50', '3.5', '  3.5', '4'],
  [-0.001, '-0.00', '-0.001', '-0.001', '-0'],
  [1.005, '1.00', '1', '    1', '1'],
  [2.675, '2.67', '2.7', '  2.7', '3'],
  [9.995, '9.99', '10', '   10', '10'],
  [99.995, '100.00', '1e+02', '1e+02', '100'],
  [0.5, '0.50', '0.5', '  0.5', '0'],
  [0.05, '0.05', '0.05', ' 0.05', '0'],
  [0.00001234, '0.00', '1.2e-05', '1.2e-05', '0'],
  [0, '0.00', '0', '    0', '0'],
  [0.996, '1.00', '1', '    1', '1'],
  [0.0001, '0.00', '0.0001', '0.0001', '0'],
  [0.00015, '0.00', '0.00015', '0.00015', '0'],
  [1e-7, '0.00', '1e-07', '1e-07', '0'],
  [123456.785, '123456.79', '1.2e+05', '1.2e+05', '123457'],
  [0.045, '0.04', '0.045', '0.045', '0'],
];

describe('Go number formatting', () => {
  for (const [v, f2, g2, g52, f0] of GO) {
    it(`formats ${v} as Go does`, () => {
      expect(goFixed(v, 2)).toBe(f2);
      expect(goG(v, 2)).toBe(g2);
      expect(padLeft(goG(v, 2), 5)).toBe(g52);
      expect(goFixed(v, 0)).toBe(f0);
    });
  }
  it('differs from toFixed on exact ties', () => {
    expect((0.125).toFixed(2)).toBe('0.13');
    expect(goFixed(0.125, 2)).toBe('0.12');
  });
});
