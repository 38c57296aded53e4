// Search highlighting splits names around matches, and the actions quote names.
import { describe, expect, it } from 'vitest';
import { matches, searchPattern, splitMatches } from './highlight';
import { quotemeta } from '../../core/query/quotemeta';

describe('highlight', () => {
  it('splits around every match and skips empty ones', () => {
    const re = searchPattern('Encode')!;
    expect(splitMatches(re, '(*Encoder).Encode')).toEqual([
      { text: '(*', match: false },
      { text: 'Encode', match: true },
      { text: 'r).', match: false },
      { text: 'Encode', match: true },
    ]);
    expect(splitMatches(searchPattern('x*')!, 'abc')).toEqual([{ text: 'abc', match: false }]);
    expect(matches(re, 'main.main')).toBe(false);
    expect(matches(re, 'x.Encode')).toBe(true);
    expect(searchPattern('')).toBeNull();
  });

  it('quotes names as pprof does, so the regexp matches the name itself', () => {
    const name = 'example.com/workload/internal/encode.(*Encoder).Encode';
    expect(new RegExp('^' + quotemeta(name) + '$').test(name)).toBe(true);
    expect(quotemeta('a.b[...]')).toBe('a\\.b\\[\\.\\.\\.\\]');
  });
});
