import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { runMain } from './http-test-client';

const run = (argv: string[], cwd = GO) => runMain(argv, cwd);

const tmp = mkdtempSync(path.join(tmpdir(), 'tsprof-main-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// A stack trace would show "    at fn (file:line)".
const noStack = (s: string): void => expect(s).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);

describe('main error paths', () => {
  it('a missing file: pprof’s two lines, exit 1', async () => {
    const r = await run(['-top', 'no-such-file.pb.gz']);
    expect(r).toEqual({
      stdout: '',
      stderr: 'no-such-file.pb.gz: open no-such-file.pb.gz: no such file or directory\nfailed to fetch any source profiles\n',
      code: 1,
    });
  });

  it('a file that is not a profile', async () => {
    const junk = path.join(tmp, 'junk.bin');
    writeFileSync(junk, Buffer.from([0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const r = await run(['-top', junk], tmp);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${junk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: parsing profile: `));
    expect(lines[lines.length - 1]).toBe('failed to fetch any source profiles');
    expect(lines.length).toBeLessThanOrEqual(3);
    noStack(r.stderr);
  });

  it('a directory given as a source', async () => {
    const r = await run(['-top', tmp], '/');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${tmp}: read ${tmp}: is a directory\nfailed to fetch any source profiles\n`);
  });

  it('one bad source among good ones is skipped, with a note', async () => {
    const r = await run(['-raw', 'cpu.base.pb.gz', 'missing.pb.gz']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('missing.pb.gz: open missing.pb.gz: no such file or directory\nFetched 1 source profiles out of 2\n');
    expect(r.stdout.startsWith('PeriodType: cpu nanoseconds\n')).toBe(true);
  });

  it('a missing base', async () => {
    const r = await run(['-top', '-diff_base=nope.pb.gz', 'cpu.new.pb.gz']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('nope.pb.gz: open nope.pb.gz: no such file or directory\nfailed to fetch any base profiles\n');
  });

  it('an unknown flag: the flag error, then usage, exit 1', async () => {
    const r = await run(['-granularityy=lines', '-top', 'cpu.pb.gz']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(['flag provided but not defined: -granularityy', 'usage:']);
    noStack(r.stderr);
  });

  it('a configuration error prints one line', async () => {
    const r = await run(['-top', '-tree', 'cpu.pb.gz']);
    expect(r).toEqual({ stdout: '', stderr: 'must set at most one output format\n', code: 1 });
  });

  it('no source: usage and an error', async () => {
    const r = await run(['-top']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('no profile source specified');
  });

  it('-h prints usage and succeeds', async () => {
    const r = await run(['-h']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^usage:\n/);
    expect(r.stderr).toContain('-granularity');
    expect(r.stderr).toContain('-max_inflate');
  });

  it('merging incompatible profiles is a clear error', async () => {
    const r = await run(['-top', 'cpu.pb.gz', 'heap.pb.gz']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cannot combine profiles: /);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('-max_inflate caps the inflated size', async () => {
    const r = await run(['-top', '-max_inflate=1kB', 'cpu.pb.gz']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^cpu\.pb\.gz: parsing profile: .+/);
    noStack(r.stderr);
  });

  it('accepts -granularity=lines as Go 1.19’s -lines', async () => {
    const r = await run(['-granularity=lines', '-top', 'cpu.pb.gz']);
    expect(r).toEqual({ stdout: readFileSync(path.join(GO, 'cpu/lines.top.txt'), 'utf8'), stderr: '', code: 0 });
  });

  it('-raw with a focus keeps only the focused samples', async () => {
    const all = await run(['-raw', 'cpu.pb.gz']);
    const some = await run(['-raw', '-focus=encodeRecord', 'cpu.pb.gz']);
    const count = (s: string): number => s.split('\n').filter((l) => /^ +\d+ +\d+: /.test(l)).length;
    expect(some.code).toBe(0);
    expect(count(some.stdout)).toBeGreaterThan(0);
    expect(count(some.stdout)).toBeLessThan(count(all.stdout));
    const none = await run(['-raw', '-focus=no_such_function', 'cpu.pb.gz']);
    expect(none.stderr).toBe('Focus expression matched no samples\n');
    expect(count(none.stdout)).toBe(0);
  });
});

describe('-output and -comments', () => {
  it('-output writes the report to the file and says so on stderr, as pprof does', async () => {
    const file = path.join(tmp, 'top.txt');
    const r = await run(['-top', `-output=${file}`, 'cpu.pb.gz']);
    expect(r).toEqual({ stdout: '', stderr: `Generating report in ${file}\n`, code: 0 });
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(GO, 'cpu/top.txt'), 'utf8'));
  });

  it('-output with -proto writes the gzipped profile', async () => {
    const file = path.join(tmp, 'merged.pb.gz');
    const r = await run(['-proto', '-output', file, 'cpu.base.pb.gz', 'cpu.new.pb.gz']);
    expect(r.code).toBe(0);
    const back = await run(['-top', file]);
    expect(back.stdout.split('\n').slice(4)).toEqual(readFileSync(path.join(GO, 'cpu.new/merge.top.txt'), 'utf8').split('\n').slice(4));
  });

  it('-output to a folder that does not exist: pprof\'s two lines, exit 1', async () => {
    const file = path.join(tmp, 'no-such-dir', 'x.txt');
    const r = await run(['-top', `-output=${file}`, 'cpu.pb.gz']);
    expect(r).toEqual({ stdout: '', stderr: `Generating report in ${file}\nopen ${file}: no such file or directory\n`, code: 1 });
  });

  it('-comments prints the profile\'s comments, one per line (none in a Go CPU profile)', async () => {
    expect(await run(['-comments', 'cpu.pb.gz'])).toEqual({ stdout: '', stderr: '', code: 0 });
    const heap = await run(['-comments', 'heap.debug1.txt']);
    expect(heap.code).toBe(0);
    expect(heap.stdout.split('\n')[0]).toBe('runtime.MemStats'); // kept from the text's "# runtime.MemStats" block
  });
});

describe('-divide_by', () => {
  // The lines go tool pprof (Go 1.19) prints for the same commands.
  it('divides every printed value, and picks the unit from the divided values', async () => {
    const r = await run(['-top', '-divide_by=1000', 'cpu.pb.gz']);
    expect(r.stdout.split('\n').slice(3, 9)).toEqual([
      'Duration: 10.17s, Total samples = 9070us (89.20%)',
      'Showing nodes accounting for 7950us, 87.65% of 9070us total',
      'Dropped 188 nodes (cum <= 45.35us)',
      '      flat  flat%   sum%        cum   cum%',
      '    1030us 11.36% 11.36%     1030us 11.36%  example.com/workload/internal/checksum.Fill (inline)',
      '     780us  8.60% 19.96%     1200us 13.23%  example.com/workload/internal/checksum.(*Digest).Write (inline)',
    ]);
    const heap = await run(['-top', '-divide_by=0.5', '-sample_index=alloc_space', 'heap.pb.gz']);
    expect(heap.stdout).toContain('Showing nodes accounting for 217.10MB, 99.83% of 217.47MB total\n');
    expect(heap.stdout).toContain('   45.07MB 20.73% 20.73%    46.07MB 21.19%  example.com/workload/internal/store.(*Store).Put\n');
  });

  it('0 is refused as pprof refuses it', async () => {
    expect(await run(['-raw', '-divide_by=0', 'cpu.pb.gz'])).toEqual({ stdout: '', stderr: 'zero divisor specified\n', code: 1 });
  });
});

describe('-compact_labels', () => {
  it('text reports leave out the profile\'s header lines (File, Type, Time, Duration), as pprof does', async () => {
    const r = await run(['-top', '-compact_labels', 'cpu.pb.gz']);
    const golden = readFileSync(path.join(GO, 'cpu/top.txt'), 'utf8').split('\n');
    expect(golden.slice(0, 4).map((l) => l.split(':')[0])).toEqual(['File', 'Type', 'Time', 'Duration']);
    expect(r).toEqual({ stdout: golden.slice(4).join('\n'), stderr: '', code: 0 });
  });

  it('-dot keeps them: its legend always has the full headers', async () => {
    const r = await run(['-dot', '-compact_labels', 'cpu.pb.gz']);
    expect(r.stdout).toBe(readFileSync(path.join(GO, 'cpu/dot.txt'), 'utf8'));
  });
});
