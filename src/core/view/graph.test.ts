// graphView against `go tool pprof -dot`: every dot.txt golden of the manifest
// (argv parsed, not hard-coded), plus the node/edge metadata the page uses.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import { loadProfiles } from '../profile/combine';
import type { Profile } from '../profile/model';
import { dotWithoutLegend, graphView } from './graph';

interface Entry {
  golden: string;
  argv: string[];
  unstable_line_order?: boolean;
}
const manifest = JSON.parse(fs.readFileSync(path.join(GO, 'manifest.json'), 'utf8')) as { entries: Entry[] };
const dotEntries = manifest.entries.filter((e) => e.argv.includes('-dot'));

const cache = new Map<string, Profile>();
function load(f: string): Profile {
  let p = cache.get(f);
  if (!p) cache.set(f, (p = parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, f))))));
  return p;
}

// The profiles of a golden's argv: sources, and -diff_base/-base.
function profileOf(argv: string[]): Profile {
  const sources: string[] = [];
  const bases: string[] = [];
  let diffBase = false;
  for (const a of argv.slice(3)) {
    if (a === '-dot') continue;
    const m = /^-(diff_base|base)=(.*)$/.exec(a);
    if (m) {
      bases.push(m[2]);
      diffBase ||= m[1] === 'diff_base';
    } else if (a.startsWith('-')) throw new Error(`unexpected flag ${a} in ${argv.join(' ')}`);
    else sources.push(a);
  }
  return loadProfiles(sources.map(load), bases.map(load), { diffBase });
}

const sorted = (s: string) => s.split('\n').sort().join('\n');

describe('graphView DOT equals the -dot goldens', () => {
  it('finds the -dot goldens', () => {
    expect(dotEntries.length).toBeGreaterThanOrEqual(10);
    expect(dotEntries.map((e) => e.golden)).toEqual(
      expect.arrayContaining(['cpu/dot.txt', 'heap/dot.txt', 'goroutine/dot.txt', 'cpu.new/diff_base.dot.txt']),
    );
  });
  for (const e of dotEntries) {
    it(e.golden, () => {
      const { data } = graphView(profileOf(e.argv), { view: 'graph', options: {} });
      const want = fs.readFileSync(path.join(GO, e.golden), 'utf8');
      if (e.unstable_line_order) expect(sorted(data.dot)).toBe(sorted(want));
      else expect(data.dot).toBe(want);
    }, 120_000);
  }
});

describe('graphView data', () => {
  const p = load('cpu.pb.gz');
  const golden = fs.readFileSync(path.join(GO, 'cpu/dot.txt'), 'utf8');

  it('describes every DOT node with the values of its label', () => {
    const { data, header } = graphView(p, { view: 'graph', options: {} });
    const dotNodes = [...golden.matchAll(/^N(\d+) \[label="([^"]*)".* tooltip="([^"]*) \(([^)]*)\)"/gm)];
    expect(data.nodes.length).toBe(dotNodes.length);
    expect(data.nodes.length).toBeGreaterThan(20);
    for (const [, id, label, tooltip, cum] of dotNodes) {
      const n = data.nodes[Number(id) - 1];
      expect(n.id).toBe(Number(id));
      expect(n.printableName).toBe(tooltip);
      expect(n.cumLabel).toBe(cum);
      if (n.flat !== 0) expect(label).toContain(`${n.flatLabel} (${n.flatPercent})`);
      expect(label).toContain(n.cum === n.flat ? n.flatLabel : `of ${n.cumLabel} (${n.cumPercent})`);
    }
    expect(header.lines[0]).toBe('File: workload');
    const showing = /Showing top \d+ nodes out of \d+/.exec(golden);
    expect(showing).not.toBeNull();
    expect(header.legend).toContain(showing![0]);
    expect(header.legend.join('\n')).not.toContain('See https://');
  });

  it('lists the edges in the DOT order', () => {
    const { data } = graphView(p, { view: 'graph', options: {} });
    const dotEdges = [...golden.matchAll(/^N(\d+) -> N(\d+) \[label=" ([^"\\]*)(\\n \(inline\))?"(.*)$/gm)];
    expect(data.edges.map((e) => [e.from, e.to, e.label, e.inline, e.residual])).toEqual(
      dotEdges.map((m) => [Number(m[1]), Number(m[2]), m[3], m[4] !== undefined, m[5].includes('style="dotted"')]),
    );
    expect(data.edges.some((e) => e.residual)).toBe(true);
    expect(data.edges.some((e) => e.inline)).toBe(true);
  });

  it('follows the options: nodecount and focus', () => {
    // pprof's visual trimming may keep fewer than nodecount (go tool pprof -dot -nodecount=10 draws 7 here).
    const small = graphView(p, { view: 'graph', options: { nodeCount: 10 } }).data.nodes.length;
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThanOrEqual(10);
    const { data, header } = graphView(p, { view: 'graph', options: { focus: 'encodeRecord' } });
    expect(data.nodes.length).toBeLessThan(43);
    expect(header.legend).toContain('Active filters:');
    expect(data.nodes.map((n) => n.name)).toContain('example.com/workload/internal/encode.(*Encoder).encodeRecord');
  });

  it('drops only the legend for the drawing', () => {
    const { data } = graphView(p, { view: 'graph', options: {} });
    const d = dotWithoutLegend(data.dot);
    expect(d).not.toContain('cluster_L');
    expect(d.split('\n').length).toBe(data.dot.split('\n').length - 1);
  });
});
