import { describe, expect, it } from 'vitest';
import { parseMappingEntry, parseProcMaps } from './proc-maps';
import { LineScanner } from './line-scanner';

describe('parseMappingEntry', () => {
  it('reads /proc/self/maps lines', () => {
    const m = parseMappingEntry('00400000-00fcb000 r-xp 00000000 00:00 0  /home/cppbench_server_main')!;
    expect([m.start, m.limit, m.offset, m.file]).toEqual([0x400000n, 0xfcb000n, 0n, '/home/cppbench_server_main']);
    const o = parseMappingEntry('7f5e53883000-7f5e53a31000 r-xp 00001000 fc:01 1234 /lib/libc-2.15.so')!;
    expect([o.start, o.offset, o.file]).toEqual([0x7f5e53883000n, 0x1000n, '/lib/libc-2.15.so']);
  });

  it('skips non-executable entries', () => {
    expect(parseMappingEntry('00600000-00601000 rw-p 00000000 00:00 0 /bin/x')).toBeNull();
  });

  it('reads the brief form with build id and offset', () => {
    const m = parseMappingEntry('0x40000-0x80000 /path/to/binary (@FF00) abc123456')!;
    expect([m.start, m.limit, m.offset, m.file, m.buildId]).toEqual([0x40000n, 0x80000n, 0xff00n, '/path/to/binary', 'abc123456']);
  });

  it('does not take other lines', () => {
    expect(parseMappingEntry('hello world')).toBeUndefined();
    expect(parseMappingEntry('')).toBeUndefined();
  });
});

describe('parseProcMaps', () => {
  it('drops glog prefixes and expands $attr=value definitions', () => {
    const s = new LineScanner(
      [
        'I0101 12:00:00.000000 1234 file.cc:12] 00400000-00500000 r-xp 00000000 00:00 0 /bin/main',
        'root=/opt/app',
        '0x7f0000000000-0x7f0000001000 $root/lib.so',
      ].join('\n'),
    );
    const ms = parseProcMaps(s);
    expect(ms.map((m) => m.file)).toEqual(['/bin/main', '/opt/app/lib.so']);
  });
});
