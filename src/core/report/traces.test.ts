import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import { runTextReport } from './index';
import { TRACES_SEPARATOR } from './traces';
import { testProfile } from '../query/test-profile';

describe('tracesReport', () => {
  const p = testProfile([
    { stack: 'main;run+inl;leaf', value: 2, labels: [{ key: 'tenant', str: 'acme' }, { key: 'stage', str: 'enc' }, { key: 'stage', str: 'x' }, { key: 'size', num: 2048, numUnit: 'bytes' }] },
    { stack: '', value: 5 },
    { stack: 'main', value: 0 },
  ]);

  it('prints each sample leaf first, labels sorted, inlined frames marked', () => {
    const out = runTextReport('traces', p, { sampleIndex: 'samples' }).stdout;
    expect(out).toBe(
      [
        'File: prog',
        'Type: samples',
        TRACES_SEPARATOR,
        '     stage:  enc x',
        '    tenant:  acme',
        '      size:  2kB',
        '         2   leaf',
        '             inl (inline)',
        '             run',
        '             main',
        TRACES_SEPARATOR,
        '         0   main',
        TRACES_SEPARATOR,
        '',
      ].join('\n'),
    );
  });

  it('divides by the count with -mean', () => {
    const mutex = parseProfile(new Uint8Array(readFileSync(path.join(GO, 'mutex.pb.gz'))));
    const plain = runTextReport('traces', mutex, { unit: 'ns' }).stdout;
    const mean = runTextReport('traces', mutex, { unit: 'ns', mean: true }).stdout;
    expect(mean).toContain('Type: mean_delay');
    const firstValue = (s: string) => Number(/^\s*(\d+)ns   /m.exec(s)![1]);
    const s = mutex.samples;
    expect(firstValue(plain)).toBe(s.values[1][0]);
    expect(firstValue(mean)).toBe(Math.trunc(s.values[1][0] / s.values[0][0]));
    expect(s.values[0][0]).toBeGreaterThan(1);
  });
});
