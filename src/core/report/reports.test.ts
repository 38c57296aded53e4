import { describe, expect, it } from 'vitest';
import { tinyProfile } from '../graph/test-profile';
import { formatProfileTime } from './labels';
import { runTextReport } from './index';
import { sourceCandidates } from './source-path';

const p = tinyProfile();

describe('text reports on a small profile', () => {
  it('-top: header, legend, inline marks, sum%', () => {
    const r = runTextReport('top', p, {}, {});
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('File: prog');
    expect(lines[1]).toBe('Type: cpu');
    expect(lines[2]).toBe('Showing nodes accounting for 17ms, 100% of 17ms total');
    expect(lines[3]).toBe('      flat  flat%   sum%        cum   cum%');
    expect(lines[4]).toBe('      10ms 58.82% 58.82%       10ms 58.82%  pkg.C (inline)');
    expect(lines[5]).toBe('       5ms 29.41% 88.24%       15ms 88.24%  main.A');
  });
  it('-top -cum with -nodecount and -unit (as go tool pprof prints it)', () => {
    const r = runTextReport('top', p, { sort: 'cum', nodeCount: 2, unit: 's' }, {});
    expect(r.stdout).toBe(
      [
        'File: prog',
        'Type: cpu',
        'Showing nodes accounting for 0.01s, 29.41% of 0.02s total',
        'Showing top 2 nodes out of 5',
        '      flat  flat%   sum%        cum   cum%',
        '         0     0%     0%      0.02s   100%  main.main',
        '     0.01s 29.41% 29.41%      0.01s 88.24%  main.A',
        '',
      ].join('\n'),
    );
  });
  it('-peek: callers and callees of the matches only', () => {
    const r = runTextReport('peek', p, {}, { peek: '^pkg\\.B$' });
    expect(r.stdout).toContain('                                              15ms   100% |   main.A\n');
    expect(r.stdout).toContain('                                              10ms 66.67% |   pkg.C (inline)\n');
    expect(r.stdout).not.toContain('| main.main\n');
  });
  it('-peek without a match fails as pprof', () => {
    const r = runTextReport('peek', p, {}, { peek: 'nothing' });
    expect(r).toEqual({ stdout: '', stderr: 'no matches found for regexp: nothing\n', exitCode: 1 });
  });
  it('-list with and without the source', () => {
    const text = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const seen: string[] = [];
    const r = runTextReport('list', p, {}, {
      list: 'main\\.A',
      sourceSearchPath: 'src',
      openSource: (f) => (seen.push(f), { path: f, text }),
    });
    expect(seen).toEqual(['prog/a.go']);
    expect(r.stdout).toContain('ROUTINE ======================== main.A in prog/a.go\n');
    expect(r.stdout).toContain('       5ms       15ms (flat, cum) 88.24% of Total\n');
    expect(r.stdout).toContain('       5ms       15ms     20:line 20\n');
    expect(r.stdout).toContain('         .          .     15:line 15\n');
    expect(r.stdout).not.toContain(':line 14\n');
    const n = runTextReport('list', p, {}, { list: 'main\\.A', sourceSearchPath: 'src' });
    expect(n.stdout).toContain(' Error: could not find file prog/a.go on path src\n');
  });
  it('-dot: legend and nodes', () => {
    const r = runTextReport('dot', p, {}, {});
    expect(r.stdout.startsWith('digraph "prog" {\n')).toBe(true);
    expect(r.stdout).toContain('N3 [label="pkg\\nC\\n10ms (58.82%)" id="node3" fontsize=24 shape=box tooltip="pkg.C (10ms)" color="#b21a00" fillcolor="#edd8d5"]\n');
    expect(r.stdout).toContain('[label=" 10ms\\n (inline)"');
  });
  it('rejects an unknown sample index', () => {
    const r = runTextReport('top', p, { sampleIndex: 'bogus' }, {});
    expect(r.stderr).toBe('sample_index "bogus" must be one of: [samples cpu]\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('helpers', () => {
  it('formats times as Go layout "Jan 2, 2006 at 3:04pm (MST)" in UTC', () => {
    expect(formatProfileTime(0n)).toBe('Jan 1, 1970 at 12:00am (UTC)');
    expect(formatProfileTime(1_795_735_380_000_000_000n)).toBe('Nov 26, 2026 at 11:23pm (UTC)');
    expect(formatProfileTime(1_795_700_000_000_000_000n)).toBe('Nov 26, 2026 at 1:33pm (UTC)');
  });
  it('lists source candidates like openSourceFile', () => {
    expect(sourceCandidates('example.com/workload/internal/x.go', 'source/workload', '')).toEqual([
      'source/workload/internal/x.go',
      'source/internal/x.go',
      'internal/x.go',
    ]);
    expect(sourceCandidates('/abs/x.go', '.', '')).toEqual(['/abs/x.go']);
  });
});

describe('-call_tree', () => {
  it('matches go tool pprof -dot -call_tree on cpu.pb.gz', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { GO } = await import('../../../test/fixtures');
    const { parseProfile } = await import('../profile/parse');
    const { loadProfiles } = await import('../profile/combine');
    const prof = loadProfiles([parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, 'cpu.pb.gz'))))]);
    const want = fs.readFileSync(new URL('./testdata/cpu.call_tree.dot.txt', import.meta.url), 'utf8');
    const r = runTextReport('dot', prof, { callTree: true }, {});
    expect(r.stdout).toBe(want);
    // and -call_tree only changes -dot
    expect(runTextReport('top', prof, { callTree: true }, {}).stdout).toBe(runTextReport('top', prof, {}, {}).stdout);
  }, 60_000);
});
