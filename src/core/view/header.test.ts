import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import { textItems } from '../report/text';
import { viewHeader } from './header';
import { viewReport } from './view-report';

const load = (f: string) => parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, f))));
// The golden's lines before the table's column header.
const goldenHead = (f: string) => {
  const ls = fs.readFileSync(path.join(GO, f), 'utf8').split('\n');
  return ls.slice(0, ls.findIndex((l) => l.trimStart().startsWith('flat')));
};

describe('viewHeader', () => {
  it('splits -top header into lines and legend as pprof prints them (cpu)', () => {
    const p = load('cpu.pb.gz');
    const { q, rpt } = viewReport(p, 'top', {});
    const { labels } = textItems(rpt);
    const h = viewHeader(p, rpt, q, labels);
    expect([...h.lines, ...h.legend]).toEqual(goldenHead('cpu/top.txt'));
    expect(h.lines[0]).toBe('File: workload');
    expect(h.legend[0]).toMatch(/^Showing nodes accounting for /);
    expect(h.sampleTypes.map((t) => t.type)).toEqual(['samples', 'cpu']);
    expect(h.sampleIndex).toBe(1);
  });

  it('computes the legend itself when not given, with filters and sample index', () => {
    const p = load('heap.pb.gz');
    const { q, rpt } = viewReport(p, 'top', { focus: 'internal/store' });
    const h = viewHeader(p, rpt, q);
    expect([...h.lines, ...h.legend]).toEqual(goldenHead('heap/focus-store.top.txt'));
    expect(h.legend).toContain('Active filters:');
    const a = viewReport(p, 'top', { sampleIndex: 'alloc_space' });
    const ha = viewHeader(p, a.rpt, a.q);
    expect([...ha.lines, ...ha.legend]).toEqual(goldenHead('heap/sample_index-alloc_space.top.txt'));
    expect(ha.sampleIndex).toBe(1);
    expect(ha.sampleTypes[1]).toEqual({ type: 'alloc_space', unit: 'bytes' });
  });

  it('carries pprof warnings', () => {
    const p = load('cpu.pb.gz');
    const { q, rpt } = viewReport(p, 'top', { focus: 'no_function_matches_this' });
    const h = viewHeader(p, rpt, q);
    expect(h.warnings).toEqual(['Focus expression matched no samples']);
    expect([...h.lines, ...h.legend]).toEqual(goldenHead('errors/focus-nomatch.top.txt'));
  });
});
