// peekView against `go tool pprof -peek=RE` goldens, rendered back into
// pprof's layout: every matched function, caller and callee with its numbers.
import { describe, expect, it } from 'vitest';
import { goldenCases, goldenProfile } from '../../../test/view-goldens';
import { padLeft } from '../units/go-format';
import type { ViewResponse } from '../../worker/view-protocol';
import { peekView, type PeekData, type PeekEdge } from './peek';

const SEPARATOR = '----------------------------------------------------------+-------------\n';

function peekText(r: ViewResponse<PeekData>): string {
  const out = [[...r.header.lines, ...r.header.legend].join('\n') + '\n'];
  out.push(SEPARATOR, '      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t \n');
  const edge = (e: PeekEdge) => `${padLeft(e.weightLabel, 50)} ${e.percent.padStart(6)} |   ${e.name}${e.inline ? ' (inline)' : ''}\n`;
  for (const e of r.data.entries) {
    out.push(SEPARATOR);
    out.push(...e.callers.map(edge));
    out.push(
      `${padLeft(e.flatLabel, 10)} ${e.flatPercent.padStart(6)} ${e.sumPercent.padStart(6)} ${padLeft(e.cumLabel, 10)} ${e.cumPercent.padStart(6)}                | ${e.name}\n`,
    );
    out.push(...e.callees.map(edge));
  }
  if (r.data.entries.length > 0) out.push(SEPARATOR);
  return out.join('');
}

const cases = goldenCases(['peek']);

describe('peekView equals -peek', () => {
  it('covers the peek goldens', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    expect(cases.map((c) => c.golden)).toContain('heap.delta/peek-Put.txt');
  });
  for (const c of cases) {
    it(c.golden, () => {
      const r = peekView(goldenProfile(c), { view: 'peek', options: c.options, symbol: c.symbol });
      expect(r.data.entries.length).toBeGreaterThan(0);
      expect(peekText(r)).toBe(c.want);
      expect(r.header.warnings.map((w) => w + '\n').join('')).toBe(c.wantStderr);
    }, 60_000);
  }

  it('answers a symbol that matches nothing with no entries, not an error', () => {
    const r = peekView(goldenProfile({ sources: ['cpu.pb.gz'], bases: [], diffBase: false }), {
      view: 'peek',
      options: {},
      symbol: 'no_function_matches_this',
    });
    expect(r.data.entries).toEqual([]);
    expect(r.header.lines[0]).toBe('File: workload');
  });

  it('keeps negative weights (heap.delta)', () => {
    const r = peekView(goldenProfile({ sources: ['heap.delta.pb.gz'], bases: [], diffBase: false }), {
      view: 'peek',
      options: {},
      symbol: 'store\\.Fill$',
    });
    const fill = r.data.entries[0];
    expect(fill.cum).toBeLessThan(0);
    expect(fill.callees.some((e) => e.weight < 0 && e.weightLabel.startsWith('-'))).toBe(true);
  });
});
