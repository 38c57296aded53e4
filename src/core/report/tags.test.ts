import { describe, expect, it } from 'vitest';
import { tabwriterAlignRight } from './tags';
import { runTextReport } from './index';
import { testProfile } from '../query/test-profile';

describe('tabwriterAlignRight', () => {
  it('right-aligns tab-terminated cells per column block, as Go\'s tabwriter', () => {
    const text = 'stage:\t Total 7.7s\n \t3.0s (38.69%):\t checksum\n \t2.5s (32.25%):\t index\n\nk:\t Total 1\n';
    expect(tabwriterAlignRight(text)).toBe(
      ' stage: Total 7.7s\n        3.0s (38.69%): checksum\n        2.5s (32.25%): index\n\n k: Total 1\n',
    );
  });

  it('counts runes, not UTF-16 units', () => {
    expect(tabwriterAlignRight('é\tx\nab\ty\n')).toBe('  éx\n aby\n');
  });
});

describe('tagsReport', () => {
  const p = testProfile([
    { stack: 'a', value: 3, labels: [{ key: 'stage', str: 'encode' }, { key: 'size', num: 2048, numUnit: 'bytes' }] },
    { stack: 'b', value: 1, labels: [{ key: 'stage', str: 'index' }] },
    { stack: 'c', value: 0, labels: [{ key: 'stage', str: 'zero' }, { key: 'size', num: 16, numUnit: 'bytes' }] },
  ]);

  it('sums the selected value per label value, largest first, zeros by name', () => {
    const out = runTextReport('tags', p, { sampleIndex: 'samples' }).stdout;
    expect(out).toBe(
      [' size: Total 3.0', '       3.0 (  100%): 2kB', '       0.0 (    0%): 16B', '', ' stage: Total 4.0', '        3.0 (75.00%): encode', '        1.0 (25.00%): index', '        0.0 (    0%): zero', '', ''].join('\n'),
    );
  });

  it('prints nothing without labels', () => {
    expect(runTextReport('tags', testProfile([{ stack: 'a' }]), {}).stdout).toBe('');
  });
});
