import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import { labelKind, LABEL_NONE, LABEL_NUM, LABEL_STR, numLabelUnits } from './labels';
import { testProfile } from './test-profile';

describe('labels', () => {
  it('reads label kinds as pprof\'s decoder does', () => {
    const p = testProfile([{ stack: 'a', labels: [{ key: 's', str: 'x' }, { key: 'n', num: 3 }, { key: 'u', numUnit: 'ms' }, { key: 'e' }] }]);
    expect([0, 1, 2, 3].map((j) => labelKind(p.samples, j))).toEqual([LABEL_STR, LABEL_NUM, LABEL_NUM, LABEL_NONE]);
  });

  it('finds the unit of each numeric key, and the ignored ones', () => {
    const p = testProfile([
      { stack: 'a', labels: [{ key: 'size', num: 3, numUnit: 'bytes' }, { key: 'request', num: 1 }, { key: 'n', num: 1 }] },
      { stack: 'a', labels: [{ key: 'size', num: 3, numUnit: 'kb' }, { key: 'size', num: 3, numUnit: 'mb' }] },
    ]);
    const { units, ignored } = numLabelUnits(p);
    expect(Object.fromEntries(units)).toEqual({ size: 'bytes', request: 'bytes', n: 'n' });
    expect(Object.fromEntries(ignored)).toEqual({ size: ['kb', 'mb'] });
  });

  it('gives heap.pb.gz\'s "bytes" label its unit', () => {
    const p = parseProfile(new Uint8Array(readFileSync(path.join(GO, 'heap.pb.gz'))));
    expect(numLabelUnits(p).units.get('bytes')).toBe('bytes');
  });
});
