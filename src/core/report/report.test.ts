import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../profile/builder';
import { reportConfig } from './config';
import { Report } from './report';

// Report.unitChoice's key stands for the unit choice over a whole range of
// smallest values (the flame graph picks its unit from bounds): any two values
// with one key, and every value between them, get the same unit.
describe('Report.unitChoice', () => {
  for (const [type, unit, total] of [
    ['cpu', 'nanoseconds', 3.7e11],
    ['alloc_space', 'bytes', 5e9],
    ['samples', 'count', 1e6],
    ['delay', 'seconds', 1e6],
  ] as const) {
    it(`gives one unit to every value between two of one key (${unit})`, () => {
      const b = new ProfileBuilder();
      b.addSampleType(type, unit);
      const p = b.build();
      const rpt = new Report(p, total, reportConfig('top', p, {}, 0, []));
      // Values from 1 to past the total, 40 a decade.
      const values: number[] = [];
      for (let m = 1; m < total * 10; m *= 10 ** (1 / 40)) values.push(Math.round(m));
      const choices = values.map((m) => rpt.unitChoice(m));
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length && choices[j].key === choices[i].key; j++) {
          expect(choices[j].unit, `${values[i]} and ${values[j]}`).toBe(choices[i].unit);
        }
      }
      // And the key does tell choices apart: more than one unit over the sweep, for units with a scale.
      if (unit !== 'count') expect(new Set(choices.map((c) => c.unit)).size).toBeGreaterThan(1);
    });
  }
});
