import { describe, expect, it } from 'vitest';
import { parseLegacy } from './index';
import { profileToString } from '../to-string';

// Go's debug=1 mutex text. The values are what `go tool pprof -raw` (Go 1.19)
// prints for this input: delays scaled from cycles to ns, counts by the
// period; the names come from the `#` comments, which pprof ignores.
const MUTEX = [
  '--- mutex:',
  'cycles/second=2000000000',
  'sampling period=5',
  '4000 2 @ 0x401001 0x402001',
  '#\t0x401000\tsync.(*Mutex).Unlock+0x10\t/go/src/sync/mutex.go:10',
  '#\t0x402000\tmain.work+0x20\t/src/main.go:20',
  '',
  '7 1 @ 0x402001',
  '',
].join('\n');

describe('Go debug=1 mutex/block text', () => {
  it('has pprof values and the comment names', () => {
    const p = parseLegacy(new TextEncoder().encode(MUTEX))!;
    expect(profileToString(p)).toBe(
      [
        'PeriodType: contentions count',
        'Period: 5',
        'Samples:',
        'contentions/count delay/nanoseconds',
        '         10      10000: 1 2 ',
        '          5         17: 2 ',
        'Locations',
        '     1: 0x401000 M=1 sync.(*Mutex).Unlock /go/src/sync/mutex.go:10 s=0',
        '     2: 0x402000 M=1 main.work /src/main.go:20 s=0',
        'Mappings',
        '1: 0x0/0xffffffffffffffff/0x0   [FN][FL][LN]',
        '',
      ].join('\n'),
    );
  });

  it('reads `--- contention:` (block) the same way', () => {
    const p = parseLegacy(new TextEncoder().encode(MUTEX.replace('--- mutex:', '--- contention:')))!;
    expect(Array.from(p.samples.values[1])).toEqual([10000, 17]);
  });
});
