// topView against `go tool pprof -top/-text` goldens: every row's numbers and
// strings, the header and legend, rendered back into pprof's layout.
import { describe, expect, it } from 'vitest';
import { goldenCases, goldenProfile } from '../../../test/view-goldens';
import { ProfileError } from '../profile/errors';
import { padLeft } from '../units/go-format';
import type { ViewResponse } from '../../worker/view-protocol';
import { TOP_NODE_COUNT, topRowLabel, topView, type TopData } from './top';

function topText(r: ViewResponse<TopData>): string {
  const out = [[...r.header.lines, ...r.header.legend].join('\n') + '\n'];
  out.push('      flat  flat%   sum%        cum   cum%\n');
  for (const row of r.data.rows) {
    out.push(
      `${padLeft(row.flatLabel, 10)} ${row.flatPercent.padStart(6)} ${row.sumPercent.padStart(6)} ${padLeft(row.cumLabel, 10)} ${row.cumPercent.padStart(6)}  ${topRowLabel(row)}\n`,
    );
  }
  return out.join('');
}

interface GoldenRow {
  flat: string;
  flatPercent: string;
  cum: string;
  cumPercent: string;
  name: string;
}

function goldenRows(text: string): GoldenRow[] {
  const out: GoldenRow[] = [];
  for (const l of text.split('\n')) {
    const m = /^\s*(-?[\d.]+[a-zA-Z]*)\s+([\d.]+%)\s+([\d.]+%)\s+(-?[\d.]+[a-zA-Z]*)\s+([\d.]+%)  (.*)$/.exec(l);
    if (m) out.push({ flat: m[1], flatPercent: m[2], cum: m[4], cumPercent: m[5], name: m[6] });
  }
  return out;
}

const UNITS: Record<string, number> = { '': 1, ns: 1, us: 1e3, ms: 1e6, s: 1e9, B: 1, kB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
function valueOf(label: string): number {
  const m = /^(-?[\d.]+)([a-zA-Z]*)$/.exec(label)!;
  return Number(m[1]) * UNITS[m[2]];
}
// half a unit of the last printed digit
function tolerance(label: string): number {
  const m = /^-?\d+(?:\.(\d+))?([a-zA-Z]*)$/.exec(label)!;
  return 0.5 * 10 ** -(m[1]?.length ?? 0) * UNITS[m[2]];
}

const cases = goldenCases(['top', 'text']);

describe('topView equals -top', () => {
  it('covers the top goldens of every profile kind', () => {
    expect(cases.length).toBeGreaterThan(120);
    for (const p of ['cpu', 'heap', 'heap.delta', 'allocs.delta', 'goroutine', 'mutex', 'block', 'threadcreate', 'large']) {
      expect(cases.some((c) => c.golden === `${p}/top.txt`)).toBe(true);
    }
  });
  for (const c of cases) {
    it(c.golden, () => {
      const p = goldenProfile(c);
      const req = { view: 'top' as const, options: c.options };
      if (c.exitCode !== 0) {
        expect(() => topView(p, req)).toThrow(ProfileError);
        expect(() => topView(p, req)).toThrow(c.wantStderr.trim().split('\n').pop()!);
        return;
      }
      const r = topView(p, req);
      expect(r.header.warnings.map((w) => w + '\n').join('')).toBe(c.wantStderr);
      const wantRows = goldenRows(c.want);
      if (c.options.nodeCount === undefined && wantRows.length > TOP_NODE_COUNT) {
        // The web table keeps 500 rows: the same rows in the same order, the
        // unit picked from the rows kept (as -nodecount=500 does).
        expect(r.data.rows).toHaveLength(TOP_NODE_COUNT);
        expect(r.data.rows.map(topRowLabel)).toEqual(wantRows.slice(0, TOP_NODE_COUNT).map((w) => w.name));
        r.data.rows.forEach((row, i) => {
          const w = wantRows[i];
          expect(Math.abs(valueOf(row.flatLabel) - valueOf(w.flat))).toBeLessThanOrEqual(tolerance(row.flatLabel) + tolerance(w.flat));
          expect(Math.abs(valueOf(row.cumLabel) - valueOf(w.cum))).toBeLessThanOrEqual(tolerance(row.cumLabel) + tolerance(w.cum));
          expect(row.flatPercent).toBe(w.flatPercent);
          expect(row.cumPercent).toBe(w.cumPercent);
        });
        expect(r.header.legend).toContain(`Showing top ${TOP_NODE_COUNT} nodes out of ${wantRows.length}`);
        return;
      }
      expect(topText(r)).toBe(c.want);
    }, 60_000);
  }
});

describe('topView data', () => {
  it('keeps signed values and unsigned percentages (heap.delta)', () => {
    const p = goldenProfile({ sources: ['heap.delta.pb.gz'], bases: [], diffBase: false });
    const { data } = topView(p, { view: 'top', options: {} });
    const neg = data.rows.filter((r) => r.flat < 0);
    expect(neg.length).toBeGreaterThan(0);
    for (const r of neg) {
      expect(r.flatLabel.startsWith('-')).toBe(true);
      expect(r.flatPercent.startsWith('-')).toBe(false);
    }
    // the running sum is signed: it goes down after a negative row
    const i = data.rows.findIndex((r, k) => k > 0 && r.flat < 0);
    expect(data.rows[i].sum).toBeLessThan(data.rows[i - 1].sum);
    expect(data.totalLabel).toBe('31.06MB');
  });

  it('sorts by cum with sort=cum and honours nodecount', () => {
    const p = goldenProfile({ sources: ['cpu.pb.gz'], bases: [], diffBase: false });
    const { data, header } = topView(p, { view: 'top', options: { sort: 'cum', nodeCount: 7 } });
    expect(data.rows).toHaveLength(7);
    for (let i = 1; i < data.rows.length; i++) expect(Math.abs(data.rows[i].cum)).toBeLessThanOrEqual(Math.abs(data.rows[i - 1].cum));
    expect(header.legend.some((l) => /^Showing top 7 nodes out of \d+$/.test(l))).toBe(true);
  });
});
