import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from './builder';
import { sampleLabels } from './sample-labels';
import { setLabel } from './set-label';

describe('setLabel', () => {
  it('replaces the string values of the key on every sample, keeps the rest', () => {
    const b = new ProfileBuilder();
    b.addSampleType('samples', 'count');
    b.addSample([], [1], [{ key: 'k', str: 'old' }, { key: 'x', str: 'y' }, { key: 'k', num: 3 }, { key: 'k', str: 'old2' }]);
    b.addSample([], [2], []);
    b.addSample([], [3], [{ key: 'n', num: 5, numUnit: 'bytes' }]);
    const p = b.build();
    const q = setLabel(p, 'k', ['a', 'b']);
    const labels = (i: number) => sampleLabels(q, i);
    expect(labels(0)).toEqual([
      { key: 'k', str: 'a' },
      { key: 'k', str: 'b' },
      { key: 'x', str: 'y' },
      { key: 'k', num: 3 },
    ]);
    expect(labels(1)).toEqual([{ key: 'k', str: 'a' }, { key: 'k', str: 'b' }]);
    expect(labels(2)).toEqual([{ key: 'k', str: 'a' }, { key: 'k', str: 'b' }, { key: 'n', num: 5, numUnit: 'bytes' }]);
    // The source is untouched.
    expect(sampleLabels(p, 1)).toEqual([]);
    expect(p.strings).not.toContain('a');
  });
});
