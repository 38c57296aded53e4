// sourceView against `go tool pprof -list=RE` goldens: with the workload's
// source given as a dropped folder would give it, and without any source.
import { describe, expect, it } from 'vitest';
import { goldenCases, goldenProfile, workloadSources } from '../../../test/view-goldens';
import { padLeft } from '../units/go-format';
import type { ViewResponse } from '../../worker/view-protocol';
import { sourceView, type SourceData } from './source';
import { matchSource } from './source-match';

// printSource's layout; `searchPath` only for the "could not find" line.
function listText(r: ViewResponse<SourceData>, searchPath: string): string {
  const out = [`Total: ${r.data.totalLabel}\n`];
  for (const rt of r.data.routines) {
    if (rt.file === '') {
      out.push(`No source information for ${rt.name}\n`);
      continue;
    }
    out.push(`ROUTINE ======================== ${rt.name} in ${rt.file}\n`);
    out.push(`${padLeft(rt.flatLabel, 10)} ${padLeft(rt.cumLabel, 10)} (flat, cum) ${rt.percent.padStart(6)} of Total\n`);
    if (rt.sourcePath === null) {
      out.push(` Error: could not find file ${rt.file} on path ${searchPath}\n`);
      continue;
    }
    for (const l of rt.lines) out.push(`${padLeft(l.flatLabel, 10)} ${padLeft(l.cumLabel, 10)} ${padLeft(String(l.line), 6)}:${l.text}\n`);
  }
  return out.join('');
}

const sources = workloadSources();
const cases = goldenCases(['list']).filter((c) => c.exitCode === 0);

describe('sourceView equals -list', () => {
  it('covers the list goldens, with and without source', () => {
    expect(cases.filter((c) => c.golden.endsWith('.nosource.txt')).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => !c.golden.endsWith('.nosource.txt')).length).toBeGreaterThanOrEqual(10);
  });
  for (const c of cases) {
    it(c.golden, () => {
      const noSource = c.golden.endsWith('.nosource.txt');
      const r = sourceView(goldenProfile(c), {
        view: 'source',
        options: c.options,
        symbol: c.symbol,
        sources: noSource ? undefined : sources,
      });
      expect(r.data.routines.length).toBeGreaterThan(0);
      expect(listText(r, c.options.sourcePath ?? '')).toBe(c.want);
      expect(r.header.legend).toEqual([]);
      if (noSource) {
        // line numbers only: every line that carries a value, in order
        for (const rt of r.data.routines) {
          expect(rt.lines.every((l) => l.text === null && (l.flat !== 0 || l.cum !== 0))).toBe(true);
          expect(rt.lines.reduce((s, l) => s + l.flat, 0)).toBe(rt.flat);
        }
      }
    }, 60_000);
  }

  it('answers a symbol that matches nothing with no routines', () => {
    const r = sourceView(goldenProfile({ sources: ['cpu.base.pb.gz'], bases: [], diffBase: false }), {
      view: 'source',
      options: {},
      symbol: 'compressRuns',
    });
    expect(r.data.routines).toEqual([]);
  });

  it('finds the source by the longest path suffix, whatever the folder was called', () => {
    const given = { 'my-checkout/internal/encode/encode.go': 'A', 'other/encode.go': 'B', 'x/internal/store/encode.go': 'C' };
    expect(matchSource('example.com/workload/internal/encode/encode.go', given)?.text).toBe('A');
    expect(matchSource('example.com/other/encode.go', given)?.text).toBe('B');
    expect(matchSource('runtime/proc.go', given)).toBeNull();
    // a folder's file must share a directory, a lone file only its name
    expect(matchSource('example.com/workload/internal/misc/encode.go', given)).toBeNull();
    expect(matchSource('example.com/workload/internal/misc/encode.go', { 'encode.go': 'D' })?.text).toBe('D');
    expect(matchSource('internal/encode/encode.go', given, '', 'source/workload')?.text).toBe('A');
  });
});
