import { describe, expect, it } from 'vitest';
import { noMatchText } from './no-match';

describe('noMatchText', () => {
  it('says why an unsymbolized entry has no Peek or Source', () => {
    for (const s of ['^<unknown>$', '^\\[stripped\\]$', '^0x401000$']) {
      expect(noMatchText(s, 'Peek')).toMatch(/have no function name, so Peek has nothing to show for them\.$/);
    }
  });

  it('says only that nothing matches for a function name', () => {
    expect(noMatchText('^main\\.f[0-9]$', 'Peek')).not.toMatch(/no function name/); // a character class
    expect(noMatchText('^main\\.nothing$', 'Source')).toBe(
      'No function matches “^main\\.nothing$”. Search or select functions in another view, then choose Source.',
    );
  });
});
